// site-gen:snapshot saves a configured feed (a file: URL here, no network) as <name>-<UTC time>.xml.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Fetched 1 feeds: 1 saved, 0 unchanged, 0 failed')
def saved = new File(basedir, 'snapshots').listFiles().findAll { it.name ==~ /carnet-\d{8}T\d{6}Z\.xml/ }
assert saved.size() == 1
assert saved[0].bytes == new File(basedir, 'feed/carnet.xml').bytes
return true
