// A bad parameter fails the build before any work, naming the parameter and the value.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("parameter 'pageSize' (sitegen.pageSize): expected a number of articles per page of at least 1, found 0")
assert !new File(basedir, 'target/site').exists()
return true
