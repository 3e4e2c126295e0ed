## guide/local.mk: the guide source and the editions built from it.

guide_sources = guide/guide.xml
EXTRA_DIST += guide/guide.xml guide/chapters
