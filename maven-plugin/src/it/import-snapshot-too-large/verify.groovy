// maxSnapshotBytes: a snapshot file over the limit is logged as an error, skipped unread, and not
// recorded as imported (failOn stays never: the build goes on).
def log = new File(basedir, 'build.log').getText('UTF-8')
def feed = new File(basedir, 'snapshots/feed-2026-02-05T1700Z.xml')
assert log.contains("${feed.path}: snapshot skipped: ${feed.length()} bytes, more than the 100 a snapshot may have")
assert !new File(basedir, 'articles/2026/02/05/bonjour.md').exists()
assert !new File(basedir, 'articles/.site-gen-imported').exists()
return true
