// An unknown time zone fails before any work, naming the parameter and the value.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("parameter 'timeZone' (sitegen.timeZone): expected a time-zone id such as \"Europe/Paris\" or \"UTC\", found \"Mars/Olympus\"")
assert !new File(basedir, 'articles').exists()
return true
