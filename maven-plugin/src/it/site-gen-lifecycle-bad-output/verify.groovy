// mvn site-gen with an output folder its generate step would refuse (the archive folder itself):
// the import step refuses it first, so nothing is imported, and nothing is written.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("${basedir}/articles: the output folder is the archive folder")
assert !log.contains('Imported ')
def articles = new File(basedir, 'articles')
assert !articles.exists() || articles.list().length == 0
return true
