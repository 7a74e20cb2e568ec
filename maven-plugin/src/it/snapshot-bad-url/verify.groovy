// A malformed feed URL fails before any work, naming the parameter and the value.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("parameter 'url' (sitegen.url): expected an absolute http(s) or file URL such as \"https://example.org/feed/\", found \"ftp://example.org/feed\"")
assert !new File(basedir, 'snapshots').exists()
return true
