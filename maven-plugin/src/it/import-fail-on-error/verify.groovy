// failOn=error: a snapshot that is not a feed fails the build, named with file:line, after the
// good snapshot was imported (the archive is written either way).
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('feed-2026-02-05T1000Z.xml:1: not a feed: expected rss or atom xml, found json')
assert log.contains('feed-2026-02-05T1700Z.xml: 1 items, 1 new, 0 updated, 0 unchanged, 0 skipped')
assert log.contains('import found problems of severity error or worse (sitegen.failOn)')
assert new File(basedir, 'articles/2026/02/05/bonjour.md').isFile()
return true
