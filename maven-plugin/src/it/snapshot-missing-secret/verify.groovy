// A secret whose environment variable is not set fails before any request, naming the feed entry.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("parameter 'feeds[1].secretEnv': environment variable SITEGEN_IT_UNSET_SECRET is not set")
assert !new File(basedir, 'snapshots').exists()
return true
