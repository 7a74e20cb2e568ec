// archiveImages=true without allowPrivateImageHosts: a loopback image is refused before any
// connection, reported with the article file and the URL, and the import still succeeds.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('articles/2026/02/05/bonjour.md: image "http://127.0.0.1:9/photo.png": refused: host "127.0.0.1" is a private or loopback address (127.0.0.1); allowPrivateImageHosts is off')
def article = new File(basedir, 'articles/2026/02/05/bonjour.md').getText('UTF-8')
assert article.contains('![Photo](http://127.0.0.1:9/photo.png)')
assert !article.contains('images:')
assert !new File(basedir, 'articles/images').exists()
return true
