// End-to-end: the "Sources and method" page (dist/method.html, written at build time by scripts/method_page.mjs):
// it is in the build and opens at 127.0.0.1 under the site's Content-Security-Policy with no console error; every
// parameter of src/params.rs appears with a link to a source; every heading of docs/MODEL.md appears, in order;
// the how-to-cite text carries the data file's version; axe finds no violation; the main page and the method page
// link to each other; and after a first visit of the main page the method page opens offline from the service worker.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { DIST, ROOT, serve, launch, launchPersistent, watch, waitReady, waitControlled } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** Parameter keys read from the Rust table itself, not from docs/MODEL.md, which the page is made from. */
const PARAM_KEYS = [...readFileSync(path.join(ROOT, 'src', 'params.rs'), 'utf8').matchAll(/^\s*key: "([a-z0-9_]+)",/gm)].map((m) => m[1]);
const PARAM_COUNT = Number(/pub const PARAM_COUNT: usize = (\d+);/.exec(readFileSync(path.join(ROOT, 'src', 'params.rs'), 'utf8'))[1]);
/** docs/MODEL.md's headings, outside code blocks, as text. */
const MODEL_HEADINGS = readFileSync(path.join(ROOT, 'docs', 'MODEL.md'), 'utf8')
  .replace(/```[\s\S]*?```/g, '')
  .split('\n')
  .filter((line) => /^#{1,6} /.test(line))
  .map((line) => line.replace(/^#+ /, '').replace(/[`*]/g, '').trim());
const DATA = JSON.parse(readFileSync(path.join(ROOT, 'data', 'base-2025.json'), 'utf8'));

let site;
let browser;
before(async () => {
  site = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await site?.close();
});

test('the build has method.html, with a CSP meta and the site stylesheet, and the service worker precaches it', () => {
  const file = path.join(DIST, 'method.html');
  assert.ok(existsSync(file), 'dist/method.html exists (run `make build`)');
  const html = readFileSync(file, 'utf8');
  assert.match(html, /<html lang="en">/);
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'/);
  assert.doesNotMatch(html, /<script\b/i, 'the method page has no script');
  const css = /<link\b[^>]*href=\.?\/?(style-[0-9a-f]+\.css)/.exec(html);
  assert.ok(css && existsSync(path.join(DIST, css[1])), `the page links the build's stylesheet: ${css && css[1]}`);
  const sw = readFileSync(path.join(DIST, 'sw.js'), 'utf8');
  assert.match(sw, /"method\.html"/, 'sw.js precaches method.html');
  assert.ok(PARAM_KEYS.length === PARAM_COUNT && PARAM_COUNT > 20, `read ${PARAM_KEYS.length} keys from src/params.rs (PARAM_COUNT ${PARAM_COUNT})`);
});

test('the page opens with no console error or CSP violation; every parameter has a source link; MODEL.md is rendered', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const watcher = watch(page);
  const response = await page.goto(`${site.url}method.html`);
  assert.equal(response.status(), 200);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('h1'), 'Sources and method');
  // The site's stylesheet applies (its header rule), so the CSP let it in.
  assert.notEqual(await page.$eval('.site-header', (el) => getComputedStyle(el).borderBottomStyle), 'none');

  const rows = await page.$$eval('#param-table tbody tr', (trs) =>
    trs.map((tr) => ({
      id: tr.id,
      key: tr.querySelector('th code')?.textContent,
      tag: tr.querySelector('td.tag')?.textContent.trim(),
      links: [...tr.querySelectorAll('td a[href]')].map((a) => a.getAttribute('href')),
    })),
  );
  assert.deepEqual(rows.map((r) => r.key).sort(), [...PARAM_KEYS].sort(), 'one row per parameter of src/params.rs');
  const ids = new Set(await page.$$eval('[id]', (els) => els.map((el) => el.id)));
  for (const row of rows) {
    assert.ok(row.links.length > 0, `${row.key} has a source link`);
    assert.match(row.tag, /^[PSDU]$/, `${row.key} has a P/S/D/U tag`);
    for (const href of row.links) {
      if (href.startsWith('#')) assert.ok(ids.has(href.slice(1)), `${row.key}: its link ${href} leads to an element of the page`);
      else assert.match(href, /^https?:\/\/[^/]+\.[a-z]+\//, `${row.key}: ${href} is a document's address`);
    }
  }
  // A cited document becomes a link to its address (one the sources list gives for "Reuters, 12 Aug 2020").
  assert.ok(
    rows.find((r) => r.key === 'ru_plan_share').links.some((href) => href.includes('investing.com/news/stock-market-news/russia-has-15-billion')),
    'ru_plan_share links the Reuters report',
  );

  // Every base-year figure: one row per region and stage, each with its source's address (or the assumption note).
  const baseRows = await page.$$eval('#base-table tbody tr', (trs) => trs.map((tr) => ({ head: tr.querySelector('th').textContent, link: tr.querySelector('a[href]')?.getAttribute('href'), tag: tr.querySelector('td.tag').textContent })));
  assert.equal(baseRows.length, DATA.base.length, 'one row per base-year figure');
  for (const row of baseRows) {
    assert.ok(row.link, `${row.head} has a source link`);
    assert.match(row.tag, /^[PSDU]$/);
  }
  const usgs = DATA.sources['usgs-mcs-2026'];
  assert.ok(baseRows.some((r) => r.link === usgs.url), 'the USGS rows link the Mineral Commodity Summaries');
  assert.ok((await page.textContent('#base-table')).includes(usgs.edition), 'the edition of the USGS summary is shown');
  assert.equal(await page.$$eval('#pipeline-table tbody tr', (trs) => trs.length), DATA.projects.length, 'every project is listed');

  // MODEL.md's headings, in order, each one level below the page's own h1.
  const headings = await page.$$eval('#model h2, #model h3, #model h4, #model h5, #model h6', (hs) => hs.map((h) => h.textContent.trim()));
  assert.deepEqual(headings, MODEL_HEADINGS, 'every heading of docs/MODEL.md, in order');
  // Its tables and equations are there, not the raw markdown.
  assert.ok((await page.$$('#model table')).length >= 5, 'the model\'s tables are rendered as tables');
  assert.doesNotMatch(await page.textContent('#model'), /^\|.*\|$/m, 'no markdown table left as text');

  // Headings in order over the whole page: never more than one level deeper than the one before.
  const levels = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.map((h) => Number(h.tagName[1])));
  assert.equal(levels[0], 1);
  levels.forEach((level, i) => i > 0 && assert.ok(level <= levels[i - 1] + 1, `heading ${i} jumps from h${levels[i - 1]} to h${level}`));

  // How to cite: the citation names the data version; the link back to the calculator.
  const citation = await page.textContent('#citation');
  assert.ok(citation.includes(`data version ${DATA.version}`), `the citation gives the data version: ${citation}`);
  assert.match(citation, /Copy link/);
  assert.ok((await page.$$('a[href="./"]')).length >= 1, 'a link back to the calculator');

  assert.deepEqual(await watcher.problems(), []);
  await page.close();
});

test('axe: no violations on the method page', async () => {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${site.url}method.html`);
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, []);
  await context.close();
});

test('the calculator links to the method page near its sources list and in its header, and the link works', async () => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const watcher = watch(page);
  await page.goto(site.url);
  await waitReady(page, watcher);
  assert.ok(await page.$('.site-header a[href="method.html"]'), 'a link in the header');
  assert.ok(await page.$('#sources + .sources-more a[href="method.html"]'), 'a link right after the sources list');
  await Promise.all([page.waitForURL(/method\.html$/), page.click('.site-header a[href="method.html"]')]);
  assert.equal(await page.textContent('h1'), 'Sources and method');
  await Promise.all([page.waitForURL((url) => !url.pathname.endsWith('method.html')), page.click('.method-back a')]);
  await waitReady(page, watcher);
  assert.deepEqual(await watcher.problems(), []);
  await page.close();
});

test('offline: after a first visit of the calculator, the method page opens from the service worker', async () => {
  const own = await serve();
  const persistent = await launchPersistent();
  try {
    const page = await persistent.context.newPage();
    const watcher = watch(page);
    await page.goto(own.url);
    await waitReady(page, watcher);
    await waitControlled(page);
    // The calculator's own late requests (the analysis worker's files) finish before the network goes off.
    await page.waitForLoadState('networkidle');
    const before = own.requests.length;
    await persistent.context.setOffline(true);
    const method = await persistent.context.newPage();
    const methodWatcher = watch(method);
    const response = await method.goto(`${own.url}method.html`);
    assert.ok(response.fromServiceWorker(), 'answered by the service worker');
    assert.equal(await method.textContent('h1'), 'Sources and method');
    assert.equal(await method.$$eval('#param-table tbody tr', (trs) => trs.length), PARAM_KEYS.length);
    assert.notEqual(await method.$eval('.site-header', (el) => getComputedStyle(el).borderBottomStyle), 'none', 'the stylesheet came from the cache too');
    assert.deepEqual(own.requests.slice(before), [], 'nothing reached the server while offline');
    assert.deepEqual(await methodWatcher.problems(), []);
    await persistent.context.setOffline(false);
  } finally {
    await persistent.close();
    await own.close();
  }
});
