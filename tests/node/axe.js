#!/usr/bin/env node
'use strict';
/*
 * axe.js: accessibility check of published pages in a real browser.
 *
 * Usage:  node tests/node/axe.js OUT PAGE...
 *   OUT   the published directory (OUT/index.html, OUT/LL/*.html, OUT/opas.css)
 *   PAGE  paths relative to OUT, e.g. en/index.html ar/ch-health.html
 *
 * Serves OUT on 127.0.0.1 (random port) with node:http, opens every PAGE in
 * Debian's Chromium (/usr/bin/chromium, or $CHROMIUM) through playwright-core
 * and checks:
 *   - axe-core rules tagged wcag2a, wcag2aa, wcag21a, wcag21aa, best-practice
 *     ("ok: PAGE: 0 violations (N passes)", or one FAIL line per violation);
 *   - <html> has a non-empty lang, and a dir attribute equal to the computed
 *     CSS direction of the root element; a page under OUT/LL/ has lang LL;
 *   - the page requests nothing outside the local server, every request
 *     succeeds (no 404s, e.g. a missing opas.css) and no script throws.
 *
 * Environment:
 *   SHOTS=DIR   save a full-page PNG per page in DIR (en/index.html -> en_index.html.png)
 *   MOBILE=1    use a 390x844 viewport instead of 1000x800
 *   CHROMIUM    browser binary (default /usr/bin/chromium)
 *   AXE_TIMEOUT overall time limit in seconds (default 120)
 *
 * Exit status: 0 no FAIL lines, 1 some FAIL line, 99 hard error (usage,
 * missing node modules or Chromium, browser does not start, time limit).
 * Needs only axe-core, playwright-core (in tests/node/node_modules) and Node's
 * standard library; it never downloads a browser.
 */

const fs = require('node:fs');
const path = require('node:path');
const http = require('node:http');

function hardError(msg) {
	console.error('axe.js: ' + msg);
	process.exit(99);
}

const args = process.argv.slice(2);
if (args.length < 2)
	hardError('usage: node axe.js OUT PAGE...');
const OUT = path.resolve(args[0]);
const PAGES = args.slice(1);
if (!fs.existsSync(OUT) || !fs.statSync(OUT).isDirectory())
	hardError(`${args[0]}: not a directory`);

let chromium, axePath;
try {
	({ chromium } = require('playwright-core'));
	axePath = require.resolve('axe-core/axe.min.js');
} catch (e) {
	hardError('node modules missing (run npm ci in tests/node): ' + e.message);
}

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
try {
	fs.accessSync(CHROMIUM, fs.constants.X_OK);
} catch (e) {
	hardError(`${CHROMIUM}: no Chromium (apt-get install chromium): ${e.code}`);
}

// Overall time limit; Playwright kills the browser it started when we exit.
const limit = Number(process.env.AXE_TIMEOUT) || 120;
setTimeout(() => hardError(`time limit of ${limit} s exceeded`),
	limit * 1000).unref();

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.css': 'text/css',
	'.js': 'text/javascript',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.gif': 'image/gif',
	'.webp': 'image/webp',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
	'.json': 'application/json',
	'.txt': 'text/plain; charset=utf-8',
};

// Static file server for OUT; a directory serves its index.html.
function serve(req, res) {
	let file;
	try {
		const p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
		file = path.join(OUT, path.normalize(p));
		if (file !== OUT && !file.startsWith(OUT + path.sep))
			throw new Error('outside');
		if (fs.statSync(file).isDirectory())
			file = path.join(file, 'index.html');
		const body = fs.readFileSync(file);
		res.writeHead(200, {
			'Content-Type': TYPES[path.extname(file).toLowerCase()] ||
				'application/octet-stream',
			'Content-Length': body.length,
			'Cache-Control': 'no-store',
		});
		res.end(req.method === 'HEAD' ? undefined : body);
	} catch (e) {
		res.writeHead(404, { 'Content-Type': 'text/plain' });
		res.end('not found\n');
	}
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

// Runs in the page: axe plus the lang/dir facts, reduced to plain data.
async function inPage(tags) {
	const r = await window.axe.run(document,
		{ runOnly: { type: 'tag', values: tags } });
	const root = document.documentElement;
	return {
		passes: r.passes.length,
		violations: r.violations.map(v => ({
			id: v.id, impact: v.impact, help: v.help,
			targets: v.nodes.map(n => n.target),
		})),
		lang: root.lang,
		dir: root.getAttribute('dir'),
		direction: getComputedStyle(root).direction,
	};
}

function fmtTarget(t) {	// axe target: selectors, nested for iframes/shadow DOM
	return t.map(x => Array.isArray(x) ? x.join(' >>> ') : x).join(' | ');
}

async function main() {
	let fails = 0;
	const fail = (page, msg) => { fails++; console.log(`FAIL: ${page}: ${msg}`); };

	const server = http.createServer(serve);
	await new Promise((ok, ko) => {
		server.once('error', ko);
		server.listen(0, '127.0.0.1', ok);
	});
	const origin = `http://127.0.0.1:${server.address().port}`;
	let browser;
	try {
		try {
			browser = await chromium.launch({
				executablePath: CHROMIUM,
				timeout: 60000,
				args: ['--no-sandbox', '--disable-gpu', '--disable-quic',
					'--no-first-run', '--disable-background-networking',
					'--disable-component-update', '--disable-sync'],
			});
		} catch (e) {
			hardError(`cannot start ${CHROMIUM}: ${e.message}`);
		}
		const mobile = process.env.MOBILE === '1';
		const context = await browser.newContext({
			viewport: mobile ? { width: 390, height: 844 }
				: { width: 1000, height: 800 },
		});
		// Keep the run hermetic: anything not on our server is recorded by
		// the 'request' handler below and then aborted.
		await context.route(url => !url.href.startsWith(origin + '/'),
			route => route.abort());
		const shots = process.env.SHOTS;
		if (shots)
			fs.mkdirSync(shots, { recursive: true });

		for (const rel of PAGES) {
			const page = await context.newPage();
			const seen = new Set();
			page.on('request', req => {
				const url = req.url();
				if (!url.startsWith(origin + '/') && !seen.has(url)) {
					seen.add(url);
					fail(rel, `external request ${url}`);
				}
			});
			page.on('response', resp => {
				if (resp.status() >= 400)
					fail(rel, `HTTP ${resp.status()} for ${resp.url()}`);
			});
			page.on('requestfailed', req => {
				if (req.url().startsWith(origin + '/'))
					fail(rel, `request failed: ${req.url()}: ${req.failure().errorText}`);
			});
			page.on('pageerror', err => fail(rel, `script error: ${err.message}`));
			try {
				const url = origin + '/' + rel.split('/').map(encodeURIComponent).join('/');
				const resp = await page.goto(url, { waitUntil: 'load', timeout: 30000 });
				if (!resp)
					fail(rel, 'no response');
				if (!resp || !resp.ok())
					continue;	// a 404 was reported by the 'response' handler
				await page.addScriptTag({ path: axePath });
				const r = await page.evaluate(inPage, TAGS);

				for (const v of r.violations) {
					const t = v.targets.slice(0, 3).map(fmtTarget).join(', ') +
						(v.targets.length > 3 ? ` (+${v.targets.length - 3} more)` : '');
					fail(rel, `${v.id} (${v.impact}): ${v.help} — ${t}`);
				}
				if (r.violations.length === 0)
					console.log(`ok: ${rel}: 0 violations (${r.passes} passes)`);

				if (!r.lang)
					fail(rel, '<html> has no lang');
				const dir = rel.includes('/') ? rel.split('/')[0] : null;
				if (r.lang && dir && r.lang.toLowerCase() !== dir.toLowerCase())
					fail(rel, `<html lang="${r.lang}"> in directory ${dir}/`);
				if (r.dir === null)
					fail(rel, '<html> has no dir attribute');
				else if (r.dir !== r.direction)
					fail(rel, `<html dir="${r.dir}"> but computed direction is ${r.direction}`);

				if (shots)
					await page.screenshot({
						path: path.join(shots, rel.replace(/\//g, '_') + '.png'),
						fullPage: true,
					});
			} catch (e) {
				fail(rel, `cannot check: ${e.message.split('\n')[0]}`);
			} finally {
				await page.close();
			}
		}
		await context.close();
	} finally {
		if (browser)
			await browser.close();
		server.close();
	}
	console.log(fails ? `FAIL: ${fails} problems in ${PAGES.length} pages`
		: `ok: ${PAGES.length} pages`);
	return fails ? 1 : 0;
}

main().then(code => process.exit(code),
	e => hardError(e.stack || String(e)));
