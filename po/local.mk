## po/local.mk: the guide's translation catalogues.
##   make update-pot   regenerate po/guide.pot from the guide source
##   make update-po    regenerate the POT and msgmerge every catalogue

update-pot: src/opas$(EXEEXT)
	cd $(srcdir) && $(abs_top_builddir)/src/opas$(EXEEXT) extract \
		-o po/guide.pot guide/guide.xml

update-po: update-pot
	@for l in `sed -e 's/#.*//' $(srcdir)/po/LINGUAS`; do \
		po=$(srcdir)/po/$$l.po; \
		if test -f $$po; then \
			printf '%s: ' $$l; \
			$(MSGMERGE) --update --backup=none --previous $$po \
				$(srcdir)/po/guide.pot || exit 1; \
		fi; \
	done

.PHONY: update-pot update-po

EXTRA_DIST += po/LINGUAS po/guide.pot po/thresholds

# The catalogues: whatever po/*.po exist.
dist-hook: dist-po
dist-po:
	for po in $(srcdir)/po/*.po; do \
		test -f "$$po" && cp -p "$$po" $(distdir)/po/ || :; \
	done
.PHONY: dist-po
