## dist/local.mk: the release for the authorities (opas dist) and the A4
## print editions it needs.  Included from Makefile.am after
## guide/local.mk, whose variables it uses.

EXTRA_DIST += dist/authorities.xml dist/deliveries

all-local: dist-release

# A4 print editions: beside the A5 books, for the authorities that
# order print.  A more specific pattern than the A5 rule's, so make
# chooses it for the -a4 names (the shorter stem wins).
pdf-a4-editions: $(guide_tags:%=out/pdf/welcome-to-finland-%-a4.pdf)
.PHONY: pdf-a4-editions

out/pdf/welcome-to-finland-en-a4.pdf: $(pdf_inputs)
	@$(opas_build) --paper a4 -f pdf -l en $(srcdir)/guide/guide.xml || test $$? -eq 1

out/pdf/welcome-to-finland-%-a4.pdf: $(pdf_inputs) $(srcdir)/po/$$(subst -,_,$$*).po
	@$(opas_build) --paper a4 -f pdf -l $* $(srcdir)/guide/guide.xml || test $$? -eq 1

# The signing key.  A publisher passes the real one:
#	make SIGNING_KEY=/path/to/minisign.key
# Without it, make signs with a development key that it makes once in
# the build tree (dev-key/, never committed), and opas dist says loudly
# that such a release must not be sent to anyone.
SIGNING_KEY =
dist_key = $(if $(SIGNING_KEY),$(SIGNING_KEY),dev-key/opas-dev.key)

dev-key/opas-dev.key: | src/opas$(EXEEXT)
	@$(MKDIR_P) dev-key
	@echo "*** No SIGNING_KEY given: making a DEVELOPMENT key, $@."
	@echo "*** Releases signed with it are for testing only."
	@src/opas$(EXEEXT) dist keygen --dev $@

dist_inputs = src/opas$(EXEEXT) $(srcdir)/dist/authorities.xml \
	$(srcdir)/dist/schema/authorities.rng $(srcdir)/guide/guide.xml \
	$(guide_chapters) $(guide_catalogues) $(srcdir)/po/LINGUAS \
	$(srcdir)/po/thresholds $(dist_key) \
	$(guide_tags:%=out/.stamps/html-%) \
	$(guide_tags:%=out/epub/welcome-to-finland-%.epub) \
	$(guide_tags:%=out/pdf/welcome-to-finland-%.pdf) \
	$(guide_tags:%=out/pdf/welcome-to-finland-%-a4.pdf)

dist-release: out/dist/SHA256SUMS
.PHONY: dist-release

# One run writes the whole release and renames it into place at the
# end; SHA256SUMS is its last file, so it stands for all of them.
out/dist/SHA256SUMS: $(dist_inputs)
	@src/opas$(EXEEXT) dist -m $(srcdir)/dist/authorities.xml -o out/dist \
		-e out -k $(dist_key) --po-dir $(srcdir)/po \
		$(srcdir)/guide/guide.xml || test $$? -eq 1

# Who has not yet been sent the current edition (dist/deliveries).
dist-status: src/opas$(EXEEXT)
	@src/opas$(EXEEXT) dist status -m $(srcdir)/dist/authorities.xml \
		-r $(srcdir)/dist/deliveries -o out/dist $(srcdir)/guide/guide.xml
.PHONY: dist-status

clean-local: clean-dev-key
clean-dev-key:
	-rm -rf dev-key
.PHONY: clean-dev-key
