// site-gen:help lists every goal.
def log = new File(basedir, 'build.log').getText('UTF-8')
['generate', 'help', 'import', 'serve', 'snapshot'].each { assert log.contains("site-gen:$it") }
return true
