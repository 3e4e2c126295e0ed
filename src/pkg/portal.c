/*
 * portal.c: what describes a release (see release.h): manifest.json
 * for programs, index.html for people at the authorities, and an Atom
 * feed that announces each language edition.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/buf.h"
#include "base/lang.h"
#include "base/mem.h"
#include "base/sha256.h"
#include "base/wfile.h"
#include "pkg/release.h"

static const char *const format_labels[FORMAT__MAX] = {
	"HTML", "EPUB", "PDF", "Print (A4 PDF)"
};

const char *
portal_format_label(enum format f)
{
	return format_labels[f];
}

static int
put(const struct release *r, const char *name, struct buf *b)
{
	char	*path = xasprintf("%s/%s", r->stage, name);
	int	 rc = wfile_write(path, b->data, b->len);

	free(path);
	buf_free(b);
	return rc;
}

static const char *
status_of(const struct rlang *rl)
{
	return rl->held ? "held back" : "published";
}

int
portal_manifest_json(const struct release *r)
{
	struct buf	 b = { 0 };

	buf_adds(&b, "{\n  \"book\": ");
	buf_add_json(&b, r->book);
	buf_adds(&b, ",\n  \"title\": ");
	buf_add_json(&b, r->title);
	buf_adds(&b, ",\n  \"edition\": ");
	buf_add_json(&b, r->edition);
	buf_addf(&b, ",\n  \"date\": \"%s\",\n  \"key_id\": \"%s\",\n"
	    "  \"development_key\": %s,\n  \"languages\": [",
	    r->date, r->keyid, r->devkey ? "true" : "false");
	for (size_t i = 0; i < r->nlangs; i++) {
		const struct rlang *rl = &r->langs[i];

		buf_addf(&b, "%s\n    { \"tag\": \"%s\", \"name\": ",
		    i ? "," : "", rl->lang->tag);
		buf_add_json(&b, rl->lang->english);
		buf_adds(&b, ", \"native\": ");
		buf_add_json(&b, rl->lang->native);
		buf_addf(&b, ", \"dir\": \"%s\", \"percent\": %.1f, "
		    "\"threshold\": %.0f, \"status\": \"%s\" }",
		    rl->lang->dir == LANG_RTL ? "rtl" : "ltr", rl->percent,
		    rl->threshold, status_of(rl));
	}
	buf_adds(&b, "\n  ],\n  \"authorities\": [");
	for (size_t i = 0; i < r->npkgs; i++) {
		const struct rpkg	*p = &r->pkgs[i];
		const struct authority	*a = p->a;
		int			 n = 0;

		buf_addf(&b, "%s\n    {\n      \"id\": \"%s\",\n"
		    "      \"type\": \"%s\",\n      \"statutory\": %s,\n",
		    i ? "," : "", a->id, a->type,
		    a->statutory ? "true" : "false");
		if (a->municipality != NULL)
			buf_addf(&b, "      \"municipality\": \"%s\",\n",
			    a->municipality);
		else
			buf_addf(&b, "      \"country\": \"%s\",\n",
			    a->country);
		buf_adds(&b, "      \"names\": { \"fi\": ");
		buf_add_json(&b, a->name_fi);
		buf_adds(&b, ", \"sv\": ");
		buf_add_json(&b, a->name_sv);
		buf_adds(&b, ", \"en\": ");
		buf_add_json(&b, a->name_en);
		buf_adds(&b, " },\n      \"email\": ");
		buf_add_json(&b, a->email);
		if (p->file != NULL)
			buf_addf(&b, ",\n      \"package\": { \"file\": "
			    "\"%s\", \"size\": %zu, \"sha256\": \"%s\" }",
			    p->file, p->size, p->sha);
		else
			buf_adds(&b, ",\n      \"package\": null");
		buf_adds(&b, ",\n      \"editions\": [");
		for (size_t j = 0; j < p->nents; j++) {
			const struct rent *e = &p->ents[j];

			if (e->files == NULL)
				continue;
			buf_addf(&b, "%s\n        { \"lang\": \"%s\", "
			    "\"format\": \"%s\"", n++ ? "," : "",
			    e->ed->lang->tag, format_name(e->ed->format));
			if (e->ed->format == FORMAT_PRINT)
				buf_addf(&b, ", \"copies\": %lu",
				    e->ed->copies);
			buf_addf(&b, ", \"files\": %zu, \"size\": %zu }",
			    e->nfiles, e->size);
		}
		buf_adds(&b, n ? "\n      ],\n      \"held_back\": [" :
		    "],\n      \"held_back\": [");
		n = 0;
		for (size_t j = 0; j < p->nents; j++) {
			const struct rent *e = &p->ents[j];

			if (e->files != NULL)
				continue;
			buf_addf(&b, "%s\n        { \"lang\": \"%s\", "
			    "\"format\": \"%s\", \"reason\": \"the "
			    "translation is %.1f%% complete; the publication "
			    "threshold is %.0f%%\" }", n++ ? "," : "",
			    e->ed->lang->tag, format_name(e->ed->format),
			    e->rl->percent, e->rl->threshold);
		}
		buf_adds(&b, n ? "\n      ]\n    }" : "]\n    }");
	}
	buf_adds(&b, "\n  ]\n}\n");
	return put(r, "manifest.json", &b);
}

static void
human_size(struct buf *b, size_t n)
{
	if (n >= 1000000)
		buf_addf(b, "%.1f MB", (double)n / 1e6);
	else
		buf_addf(b, "%zu kB", (n + 999) / 1000);
}

static void
native(struct buf *b, const struct lang *l)
{
	buf_addf(b, "<span lang=\"%s\"%s>", l->tag,
	    l->dir == LANG_RTL ? " dir=\"rtl\"" : "");
	buf_add_xml(b, l->native, 1);
	buf_adds(b, "</span>");
}

static const char portal_css[] =
	"body{font-family:\"DejaVu Sans\",\"Noto Sans\",sans-serif;"
	"line-height:1.5;max-width:62rem;margin:0 auto;padding:1rem;"
	"color:#1a1a1a;background:#fff}"
	"h1{font-size:1.8rem}h2{margin-top:2.5rem;border-bottom:2px solid "
	"#003580}h3{margin:2rem 0 .3rem}"
	"table{border-collapse:collapse;margin:.5rem 0}"
	"th,td{border:1px solid #999;padding:.25rem .6rem;text-align:start;"
	"vertical-align:top}"
	"code{font-size:.85rem;overflow-wrap:anywhere}"
	".warning{border:3px solid #b00020;padding:.5rem 1rem;"
	"font-weight:bold}"
	".names{margin:0;color:#333}"
	"a{color:#003580}";

int
portal_index_html(const struct release *r)
{
	struct buf	 b = { 0 };

	buf_adds(&b, "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width, initial-scale=1\">\n<title>");
	buf_add_xml(&b, r->title, 1);
	buf_addf(&b, " %s: packages for authorities</title>\n"
	    "<link rel=\"alternate\" type=\"application/atom+xml\" "
	    "title=\"New editions\" href=\"feed.atom\">\n<style>%s</style>\n"
	    "</head>\n<body>\n<header>\n<h1>", r->edition, portal_css);
	buf_add_xml(&b, r->title, 1);
	buf_addf(&b, " %s</h1>\n<p>Packages of the basic-information guide "
	    "for the authorities that hand it out. Edition %s of %s.</p>\n",
	    r->edition, r->edition, r->date);
	if (r->devkey)
		buf_adds(&b, "<p class=\"warning\">This release is signed "
		    "with a development key. It is for testing only: do not "
		    "hand out these files.</p>\n");
	buf_addf(&b, "</header>\n<main>\n<h2 id=\"verify\">Checking a "
	    "download</h2>\n<p><a href=\"SHA256SUMS\">SHA256SUMS</a> lists "
	    "the SHA-256 checksum of every file here. "
	    "<a href=\"SHA256SUMS.minisig\">SHA256SUMS.minisig</a> is its "
	    "Ed25519 signature by the key <code>%s</code> "
	    "(<a href=\"minisign.pub\">minisign.pub</a>). Each package also "
	    "holds its own signed list. Compare the key id with the one the "
	    "publisher announced, then run:</p>\n<pre>minisign -Vm SHA256SUMS "
	    "-p minisign.pub\nsha256sum -c SHA256SUMS\nopas verify .</pre>\n"
	    "<p>For programs: <a href=\"manifest.json\">manifest.json</a>. "
	    "To hear of new editions, subscribe to the "
	    "<a href=\"feed.atom\">Atom feed</a>.</p>\n", r->keyid);

	buf_adds(&b, "<h2 id=\"languages\">Languages</h2>\n<table>\n"
	    "<thead><tr><th scope=\"col\">Language</th><th scope=\"col\">"
	    "Tag</th><th scope=\"col\">Translated</th><th scope=\"col\">"
	    "Status</th></tr></thead>\n<tbody>\n");
	for (size_t i = 0; i < r->nlangs; i++) {
		const struct rlang *rl = &r->langs[i];

		buf_addf(&b, "<tr id=\"lang-%s\"><td>", rl->lang->tag);
		native(&b, rl->lang);
		buf_addf(&b, " (%s)</td><td>%s</td><td>%.1f %%</td><td>%s",
		    rl->lang->english, rl->lang->tag, rl->percent,
		    status_of(rl));
		if (rl->held)
			buf_addf(&b, ": below the publication threshold of "
			    "%.0f %%", rl->threshold);
		buf_adds(&b, "</td></tr>\n");
	}
	buf_adds(&b, "</tbody>\n</table>\n<h2 id=\"packages\">Packages"
	    "</h2>\n");
	for (size_t i = 0; i < r->npkgs; i++) {
		const struct rpkg	*p = &r->pkgs[i];
		const struct authority	*a = p->a;
		int			 held = 0;

		buf_addf(&b, "<section aria-labelledby=\"h-%s\" id=\"%s\">\n"
		    "<h3 id=\"h-%s\">", a->id, a->id, a->id);
		buf_add_xml(&b, a->name_en, 1);
		buf_adds(&b, "</h3>\n<p class=\"names\"><span lang=\"fi\">");
		buf_add_xml(&b, a->name_fi, 1);
		buf_adds(&b, "</span> · <span lang=\"sv\">");
		buf_add_xml(&b, a->name_sv, 1);
		buf_addf(&b, "</span> · %s · ", a->type);
		if (a->municipality != NULL)
			buf_addf(&b, "municipality %s", a->municipality);
		else
			buf_addf(&b, "country %s", a->country);
		buf_adds(&b, "</p>\n");
		if (p->file != NULL) {
			const char *base = strrchr(p->file, '/') + 1;

			buf_addf(&b, "<p><a href=\"%s\">%s</a>, ", p->file,
			    base);
			human_size(&b, p->size);
			buf_addf(&b, ", SHA-256 <code>%s</code></p>\n",
			    p->sha);
			buf_adds(&b, "<table>\n<thead><tr><th scope=\"col\">"
			    "Language</th><th scope=\"col\">Format</th>"
			    "<th scope=\"col\">Size</th></tr></thead>\n"
			    "<tbody>\n");
			for (size_t j = 0; j < p->nents; j++) {
				const struct rent *e = &p->ents[j];

				if (e->files == NULL)
					continue;
				buf_adds(&b, "<tr><td>");
				native(&b, e->ed->lang);
				buf_addf(&b, " (%s)</td><td>%s",
				    e->ed->lang->tag,
				    format_labels[e->ed->format]);
				if (e->ed->format == FORMAT_PRINT)
					buf_addf(&b, ", %lu printed copies",
					    e->ed->copies);
				buf_adds(&b, "</td><td>");
				human_size(&b, e->size);
				buf_adds(&b, "</td></tr>\n");
			}
			buf_adds(&b, "</tbody>\n</table>\n");
		} else
			buf_adds(&b, "<p>No package: every edition for this "
			    "authority is held back.</p>\n");
		for (size_t j = 0; j < p->nents; j++) {
			const struct rent *e = &p->ents[j];

			if (e->files != NULL)
				continue;
			buf_adds(&b, held++ ? ", " : "<p>Held back: ");
			native(&b, e->ed->lang);
			buf_addf(&b, " %s", format_labels[e->ed->format]);
		}
		if (held)
			buf_adds(&b, " (translation below the publication "
			    "threshold).</p>\n");
		buf_adds(&b, "</section>\n");
	}
	buf_adds(&b, "</main>\n</body>\n</html>\n");
	return put(r, "index.html", &b);
}

int
portal_feed(const struct release *r)
{
	struct buf	 b = { 0 };
	char		 id[46], *name;

	name = xasprintf("%s/feed", r->book);
	sha256_uuid(name, id);
	free(name);
	buf_adds(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n"
	    "  <title>");
	buf_add_xml(&b, r->title, 1);
	buf_addf(&b, ": new editions</title>\n  <id>%s</id>\n"
	    "  <updated>%sT00:00:00Z</updated>\n"
	    "  <link rel=\"self\" href=\"feed.atom\"/>\n"
	    "  <link rel=\"alternate\" type=\"text/html\" "
	    "href=\"index.html\"/>\n  <author><name>", id, r->date);
	buf_add_xml(&b, r->publisher, 1);
	buf_adds(&b, "</name></author>\n");
	for (size_t i = 0; i < r->nlangs; i++) {
		const struct rlang *rl = &r->langs[i];
		int n = 0;

		if (rl->held)
			continue;
		name = xasprintf("%s/%s/%s", r->book, r->edition,
		    rl->lang->tag);
		sha256_uuid(name, id);
		free(name);
		buf_adds(&b, "  <entry>\n    <title>");
		buf_add_xml(&b, r->title, 1);
		buf_addf(&b, " %s in %s (", r->edition, rl->lang->english);
		buf_add_xml(&b, rl->lang->native, 1);
		buf_addf(&b, ")</title>\n    <id>%s</id>\n"
		    "    <updated>%sT00:00:00Z</updated>\n"
		    "    <link rel=\"alternate\" type=\"text/html\" "
		    "href=\"index.html#lang-%s\"/>\n    <summary>",
		    id, r->date, rl->lang->tag);
		buf_addf(&b, "Edition %s of %s in %s is out. Packages with "
		    "it: ", r->edition, r->date, rl->lang->english);
		for (size_t k = 0; k < r->npkgs; k++) {
			const struct rpkg *p = &r->pkgs[k];

			for (size_t j = 0; j < p->nents; j++)
				if (p->ents[j].rl == rl &&
				    p->ents[j].files != NULL) {
					buf_addf(&b, "%s%s", n++ ? ", " : "",
					    p->a->id);
					break;
				}
		}
		buf_adds(&b, n ? ".</summary>\n  </entry>\n" :
		    "none.</summary>\n  </entry>\n");
	}
	buf_adds(&b, "</feed>\n");
	return put(r, "feed.atom", &b);
}
