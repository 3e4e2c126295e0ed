#!/usr/bin/env node
'use strict';
/*
 * links.js: every link and reference in the published HTML resolves.
 *
 * Usage:  node tests/node/links.js OUT
 *
 * Reads every *.html under OUT (recursively) with a small tolerant tag
 * scanner (not an XML parser: comments and script/style contents are
 * skipped), collects id, href and src attributes (entities &amp; &quot;
 * &lt; &gt; &apos; &#NN; &#xHH; decoded) and checks:
 *   - a relative href/src (no scheme) resolves, against the page's directory,
 *     to a file under OUT (not a directory, not outside OUT; "/..." and
 *     "//host/..." fail because they break when the site is opened from
 *     file://); "?query" is ignored;
 *   - a "#fragment" names an id in the target page ("#frag" alone: this
 *     page; an empty fragment "#" is the top of the page and always fine);
 *   - http:, https:, mailto: and tel: links are counted, not followed; any
 *     other scheme (javascript:, data:, file:, ...) fails;
 *   - no id occurs twice in one page.
 * Prints "FAIL: page: problem" lines (at most 50), then
 * "ok: N pages, M internal links, K anchors checked, E external links"
 * or a FAIL summary. Exit 0 if all is well, 1 on problems, 99 on usage
 * errors or an unreadable OUT. Node's standard library only.
 */

const fs = require('node:fs');
const path = require('node:path');

if (process.argv.length !== 3) {
	console.error('usage: node links.js OUT');
	process.exit(99);
}
const OUT = path.resolve(process.argv[2]);
if (!fs.existsSync(OUT) || !fs.statSync(OUT).isDirectory()) {
	console.error(`links.js: ${process.argv[2]}: not a directory`);
	process.exit(99);
}

function walk(dir, acc) {	// every *.html file under dir, sorted
	for (const e of fs.readdirSync(dir, { withFileTypes: true })
		.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) {
		const p = path.join(dir, e.name);
		if (e.isDirectory())
			walk(p, acc);
		else if (e.isFile() && e.name.endsWith('.html'))
			acc.push(p);
	}
	return acc;
}

const NAMED = { amp: '&', quot: '"', lt: '<', gt: '>', apos: "'" };
function decode(s) {
	return s.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z]+);/g, (m, e) => {
		if (e[0] !== '#')
			return NAMED[e] !== undefined ? NAMED[e] : m;
		const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16)
			: parseInt(e.slice(1), 10);
		return n <= 0x10ffff ? String.fromCodePoint(n) : m;
	});
}

// A start tag: name, then attributes whose values may hold ">" inside quotes.
const TAG = /<([A-Za-z][\w:.-]*)((?:\s+[^\s=\/>"']+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'>]+))?)*)\s*\/?>/g;
const ATTR = /([^\s=\/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g;

// Parse one file: its ids (with duplicates) and its href/src values.
function scan(file) {
	const text = fs.readFileSync(file, 'utf8')
		.replace(/<!--[\s\S]*?-->/g, '')
		.replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')
		.replace(/(<(script|style)\b[^>]*>)[\s\S]*?(<\/\2\s*>)/gi, '$1$3');
	const ids = new Map();	// id -> count
	const refs = [];	// {attr, value}
	for (const t of text.matchAll(TAG)) {
		for (const a of (t[2] || '').matchAll(ATTR)) {
			const name = a[1].toLowerCase();
			const raw = a[2] ?? a[3] ?? a[4];
			if (raw === undefined)
				continue;
			const value = decode(raw);
			if (name === 'id')
				ids.set(value, (ids.get(value) || 0) + 1);
			else if (name === 'href' || name === 'src')
				refs.push({ tag: t[1].toLowerCase(), attr: name, value });
		}
	}
	return { ids, refs };
}

const cache = new Map();	// absolute file -> scan result
function scanned(file) {
	if (!cache.has(file))
		cache.set(file, scan(file));
	return cache.get(file);
}

function pct(s) {	// percent-decoding that tolerates stray "%"
	try { return decodeURIComponent(s); } catch (e) { return s; }
}

const problems = [];
const MAX = 50;
function fail(file, msg) {
	problems.push(`FAIL: ${path.relative(OUT, file)}: ${msg}`);
	if (problems.length <= MAX)
		console.log(problems[problems.length - 1]);
}

const pages = walk(OUT, []);
let internal = 0, anchors = 0, external = 0;

for (const page of pages) {
	let info;
	try {
		info = scanned(page);
	} catch (e) {
		fail(page, `cannot read: ${e.message}`);
		continue;
	}
	for (const [id, n] of info.ids)
		if (n > 1)
			fail(page, `duplicate id="${id}" (${n} times)`);

	for (const { tag, attr, value } of info.refs) {
		const v = value.trim();
		const what = `<${tag} ${attr}="${value}">`;
		const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(v);
		if (scheme) {
			if (['http', 'https', 'mailto', 'tel'].includes(scheme[1].toLowerCase()))
				external++;
			else
				fail(page, `${what}: ${scheme[1]}: URL not allowed`);
			continue;
		}
		if (v.startsWith('//')) {
			fail(page, `${what}: protocol-relative URL (breaks under file://)`);
			continue;
		}
		if (v.startsWith('/')) {
			fail(page, `${what}: root-relative path (breaks under file://)`);
			continue;
		}
		internal++;
		const hash = v.indexOf('#');
		let file = hash < 0 ? v : v.slice(0, hash);
		const frag = hash < 0 ? null : pct(v.slice(hash + 1));
		file = file.replace(/\?.*$/, '');
		let target = page;
		if (file !== '') {
			target = path.resolve(path.dirname(page), pct(file));
			if (target !== OUT && !target.startsWith(OUT + path.sep)) {
				fail(page, `${what}: points outside OUT`);
				continue;
			}
			let st;
			try {
				st = fs.statSync(target);
			} catch (e) {
				fail(page, `${what}: no such file ${path.relative(OUT, target)}`);
				continue;
			}
			if (!st.isFile()) {
				fail(page, `${what}: ${path.relative(OUT, target) || '.'} is a directory, not a file`);
				continue;
			}
		}
		if (frag === null || frag === '')
			continue;
		anchors++;
		if (!target.endsWith('.html')) {
			fail(page, `${what}: fragment into a non-HTML file`);
			continue;
		}
		let ids;
		try {
			ids = scanned(target).ids;
		} catch (e) {
			fail(page, `${what}: cannot read ${path.relative(OUT, target)}: ${e.message}`);
			continue;
		}
		if (!ids.has(frag))
			fail(page, `${what}: no id="${frag}" in ${path.relative(OUT, target)}`);
	}
}

if (pages.length === 0)
	problems.push('FAIL: no *.html files under ' + process.argv[2]);
if (problems.length > MAX)
	console.log(`FAIL: ... and ${problems.length - MAX} more problems not shown`);
if (problems.length) {
	if (pages.length === 0)
		console.log(problems[0]);
	console.log(`FAIL: ${problems.length} problems in ${pages.length} pages ` +
		`(${internal} internal links, ${anchors} anchors checked, ${external} external links)`);
	process.exit(1);
}
console.log(`ok: ${pages.length} pages, ${internal} internal links, ` +
	`${anchors} anchors checked, ${external} external links`);
process.exit(0);
