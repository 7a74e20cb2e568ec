// An output folder inside the snapshots folder fails before any page is written: its feed.xml and
// sitemap.xml would be imported as snapshots by the next run.
def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains("${basedir}/snapshots/site: the output folder is the snapshots folder ${basedir}/snapshots or inside it")
assert !new File(basedir, 'snapshots/site').exists()
return true
