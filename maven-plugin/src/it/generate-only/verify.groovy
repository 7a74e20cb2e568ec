// site-gen:generate alone renders a committed archive; nothing is imported.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains(':generate (default-cli)')
assert !log.contains(':import')
assert log.contains('Rendered 1 articles')

def site = new File(basedir, 'target/site')
assert new File(site, 'index.html').isFile()
assert new File(site, 'index.html').getText('UTF-8').contains('A hand-written note')
// the archive index is kept in the default cache folder
assert new File(basedir, 'target/site-gen-cache/archive-index.bin').isFile()
return true
