// An output folder that cannot be created fails before any work, naming the parameter.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("parameter 'outputDirectory' (sitegen.outputDirectory): expected a writable folder, found \"${basedir}/pom.xml/site\": \"${basedir}/pom.xml\" is a file")
return true
