// mvn site-gen: the lifecycle phase ran import then generate, and both wrote their files.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains(':import (default-import)') : 'import did not run'
assert log.contains(':generate (default-generate)') : 'generate did not run'
assert log.indexOf(':import (default-import)') < log.indexOf(':generate (default-generate)')
assert log.contains('Imported 2 snapshots: 3 new')
assert log.contains('BUILD SUCCESS')

def articles = new File(basedir, 'articles')
def markdown = []
articles.eachFileRecurse { if (it.name.endsWith('.md')) markdown << it }
assert markdown.size() == 3 : "expected 3 archived articles, found ${markdown}"
assert new File(articles, '2026/02/05').list().size() == 1
assert new File(articles, '2026/02/04').list().size() == 2
def updated = markdown.find { it.getText('UTF-8').contains('Le printemps des archives') }
assert updated.getText('UTF-8').contains('second paragraphe') : 'the later snapshot must win'
assert updated.getText('UTF-8').contains('- Printemps')

def index = new File(basedir, 'target/site/index.html')
assert index.isFile()
assert index.getText('UTF-8').contains('5 février 2026 à 08:30') : 'dates in French, Paris time'
return true
