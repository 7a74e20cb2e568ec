// serve checks its port before building or listening.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("parameter 'port' (sitegen.port): expected a port number from 0 (any free port) to 65535, found 70000")
return true
