// -Dsitegen.skip skips serve (it would otherwise run until Ctrl-C).
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('Skipping site-gen:serve (sitegen.skip)')
assert !new File(basedir, 'target/site').exists()
return true
