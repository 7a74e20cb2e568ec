// A broken theme template fails the build with its file:line and Freemarker's message.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('theme/templates/home.ftlh:2: #if is an existing directive, but the tag is malformed')
assert !new File(basedir, 'target/site/index.html').exists()
return true
