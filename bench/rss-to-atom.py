#!/usr/bin/env python3
"""Rewrites the RSS snapshots of `make-corpus.py N DIR --format rss` as Atom 1.0.

  bench/rss-to-atom.py SRC_SNAPSHOTS DST_SNAPSHOTS

Each feed-*.xml of SRC becomes an Atom feed of the same name in DST with the same
entries in the same order: title, link, id (the guid), published and updated (the
pubDate), author, categories, summary and content (HTML, as CDATA), the media image.
The feed's <updated> is the snapshot's lastBuildDate, as the RSS file's changes every
hour. An item that is the same bytes in two RSS files gives the same bytes in both
Atom files, so the Atom snapshots overlap as the RSS ones do: the bench for imports of
Atom feeds (bench/HISTORY.md, sixteenth round).
"""
import email.utils
import os
import re
import sys

ITEM = re.compile(rb"\t<item>\n(.*?)\t</item>\n", re.S)
FIELD = re.compile(rb"\t\t<(title|link|guid[^>]*|pubDate|dc:creator|category)>(.*?)</[^>]+>\n")
CDATA = re.compile(rb"<(description|content:encoded)>(<!\[CDATA\[.*?\]\]>)</\1>", re.S)
MEDIA = re.compile(rb"\t\t<media:content [^>]*/>\n")


def rfc3339(rfc822):
    return email.utils.parsedate_to_datetime(rfc822.decode("ascii")).isoformat().encode("ascii")


def entry(item):
    fields = {}
    categories = []
    for name, value in FIELD.findall(item):
        if name == b"category":
            categories.append(value)
        else:
            fields[name.split(b" ")[0]] = value
    blocks = dict(CDATA.findall(item))
    date = rfc3339(fields[b"pubDate"])
    out = [b"<entry>",
           b"\t<title type=\"text\">" + fields[b"title"] + b"</title>",
           b"\t<link rel=\"alternate\" href=\"" + fields[b"link"] + b"\"/>",
           b"\t<id>" + fields[b"guid"] + b"</id>",
           b"\t<published>" + date + b"</published>",
           b"\t<updated>" + date + b"</updated>",
           b"\t<author><name>" + fields[b"dc:creator"] + b"</name></author>"]
    out += [b"\t<category term=\"" + c.replace(b"\"", b"&quot;") + b"\"/>" for c in categories]
    out.append(b"\t<summary type=\"html\">" + blocks[b"description"] + b"</summary>")
    out.append(b"\t<content type=\"html\">" + blocks[b"content:encoded"] + b"</content>")
    out += [m.rstrip(b"\n") for m in MEDIA.findall(item)]
    out.append(b"</entry>\n")
    return b"\n".join(out)


def main(argv):
    if len(argv) != 3:
        sys.exit(__doc__)
    src, dst = argv[1], argv[2]
    os.makedirs(dst, exist_ok=True)
    cache = {}
    for name in sorted(os.listdir(src)):
        if not (name.startswith("feed-") and name.endswith(".xml")):
            continue
        with open(os.path.join(src, name), "rb") as f:
            data = f.read()
        head = data[:data.index(b"\t<item>")]
        title = re.search(rb"<title>(.*?)</title>", head).group(1)
        link = re.search(rb"<link>(.*?)</link>", head).group(1)
        updated = rfc3339(re.search(rb"<lastBuildDate>(.*?)</lastBuildDate>", head).group(1))
        parts = [b'<?xml version="1.0" encoding="UTF-8"?>\n'
                 b'<feed xmlns="http://www.w3.org/2005/Atom" '
                 b'xmlns:media="http://search.yahoo.com/mrss/" xml:lang="fr-FR">\n'
                 b"<title>" + title + b"</title>\n"
                 b'<link rel="alternate" href="' + link + b'"/>\n'
                 b'<link rel="self" href="' + link + b'feed/atom/"/>\n'
                 b"<id>" + link + b"</id>\n"
                 b"<updated>" + updated + b"</updated>\n"]
        seen = {}
        for item in ITEM.findall(data):
            made = cache.get(item)
            if made is None:
                made = entry(item)
            seen[item] = made
            parts.append(made)
        cache = seen  # an item not in this snapshot never comes back
        parts.append(b"</feed>\n")
        with open(os.path.join(dst, name), "wb") as f:
            f.write(b"".join(parts))


if __name__ == "__main__":
    main(sys.argv)
