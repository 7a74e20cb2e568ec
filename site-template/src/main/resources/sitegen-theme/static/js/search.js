/*
 * site-gen search: reads ?q=, downloads only the index shards holding the query's terms and the
 * document chunks of the results shown, and lists them. The index format is described in
 * SearchIndex.java; terms are folded exactly as it folds them. No dependency, no third party.
 */
(function () {
  "use strict";
  var form = document.querySelector("form.search");
  if (!form || !window.fetch) {
    return;
  }
  var input = form.querySelector("input[name=q]");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var more = document.getElementById("search-more");
  var root = form.dataset.root.replace(/index\.html$/, "");
  var indexUrl = form.dataset.index;
  var base = indexUrl.replace(/meta\.json$/, "");
  var PAGE = 10;
  var cache = {};
  var hits = [];
  var shown = 0;
  var meta = null;

  function get(url) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (r) {
        if (!r.ok) {
          throw new Error(url + ": " + r.status);
        }
        return r.json();
      });
    }
    return cache[url];
  }

  function terms(text, stop) {
    var folded = text
      .replace(/œ/g, "oe").replace(/Œ/g, "OE").replace(/æ/g, "ae").replace(/Æ/g, "AE")
      .replace(/ß/g, "ss")
      .normalize("NFD").replace(/\p{M}+/gu, "").toLowerCase();
    var seen = {};
    return folded.split(/[^\p{L}\p{N}]+/u).filter(function (w) {
      var ok = Array.from(w).length >= 2 && w.length <= 40 && stop.indexOf(w) < 0 && !seen[w];
      seen[w] = true;
      return ok;
    });
  }

  /** The shard holding a term: the last one whose first term sorts before or at it. */
  function shardOf(term, firsts) {
    var lo = 0;
    var hi = firsts.length - 1;
    var found = 0;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (firsts[mid] <= term) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /**
   * A term's documents, ascending: from the shard of t/ (older documents, below meta.split) and
   * the shard of r/ (the newer ones).
   */
  function lookup(term) {
    var tiers = [["t/", meta.shards], ["r/", meta.recent]].filter(function (tier) {
      return tier[1].length > 0;
    });
    return Promise.all(
      tiers.map(function (tier) {
        return get(base + tier[0] + shardOf(term, tier[1]) + ".json").then(function (shard) {
          return Object.prototype.hasOwnProperty.call(shard, term) ? decode(shard[term]) : [];
        });
      })
    ).then(function (lists) {
      return [].concat.apply([], lists);
    });
  }

  function decode(postings) {
    var ids = [];
    var previous = 0;
    postings.split(",").forEach(function (d) {
      previous += parseInt(d, 36);
      ids.push(previous);
    });
    return ids;
  }

  function intersect(a, b) {
    var out = [];
    var i = 0;
    var j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) {
        out.push(a[i]);
        i++;
        j++;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return out;
  }

  function say(text) {
    status.textContent = text;
  }

  function showMore() {
    var ids = hits.slice(shown, shown + PAGE);
    var chunks = ids.map(function (id) {
      return get(base + "d/" + Math.floor(id / meta.chunk) + ".json");
    });
    return Promise.all(chunks).then(function (loaded) {
      ids.forEach(function (id, k) {
        var doc = loaded[k][id % meta.chunk];
        var li = document.createElement("li");
        var article = document.createElement("article");
        var h2 = document.createElement("h2");
        var a = document.createElement("a");
        a.href = root + doc[0];
        a.textContent = doc[1];
        h2.appendChild(a);
        var date = document.createElement("p");
        date.className = "meta";
        date.textContent = doc[2];
        var snippet = document.createElement("p");
        snippet.className = "summary";
        snippet.textContent = doc[3];
        article.appendChild(h2);
        article.appendChild(date);
        article.appendChild(snippet);
        li.appendChild(article);
        list.appendChild(li);
      });
      shown += ids.length;
      more.hidden = shown >= hits.length;
    });
  }

  function search(query) {
    list.textContent = "";
    more.hidden = true;
    hits = [];
    shown = 0;
    if (!query.trim()) {
      say("");
      return Promise.resolve();
    }
    say(form.dataset.loading);
    return get(indexUrl)
      .then(function (m) {
        meta = m;
        var words = terms(query, meta.stop);
        if (words.length === 0 || meta.docs === 0) {
          return [];
        }
        return Promise.all(
          words.map(lookup)
        ).then(function (lists) {
          lists.sort(function (a, b) {
            return a.length - b.length;
          });
          return lists.reduce(intersect);
        });
      })
      .then(function (found) {
        // documents are numbered from the oldest: the highest number is the newest article
        hits = found.slice().reverse();
        if (hits.length === 0) {
          say(form.dataset.none);
          return;
        }
        say(hits.length === 1 ? form.dataset.one : form.dataset.count.replace("{0}", hits.length));
        return showMore();
      })
      .catch(function () {
        say(form.dataset.failed);
      });
  }

  more.addEventListener("click", function () {
    var first = list.children.length;
    showMore().then(function () {
      var link = list.children[first] && list.children[first].querySelector("a");
      if (link) {
        link.focus();
      }
    });
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var query = input.value;
    var url = new URL(window.location.href);
    url.searchParams.set("q", query);
    window.history.replaceState(null, "", url);
    search(query);
  });

  var initial = new URLSearchParams(window.location.search).get("q") || "";
  input.value = initial;
  search(initial);
})();
