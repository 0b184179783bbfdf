// End-to-end: the built site cites no internal document (no "Seed 002", "the seeds", "facts file" or "shared/reference"
// in its HTML, JavaScript, WebAssembly strings, JSON or manifest), and its glossary and sources list are there and
// readable on a 360 px phone.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DIST, ROOT, requireDist, serve, launch, watch, waitReady } from './harness.mjs';

/** Files of the built site whose text a reader can reach, by extension. */
const TEXT_FILES = /\.(html|js|mjs|wasm|json|webmanifest|css|svg|txt)$/;

/** Citations of documents no reader can find: the project's internal notes. "seed 1" (Monte Carlo) is fine. */
const INTERNAL = [/seed 0\d/i, /the seeds/i, /facts file/i, /shared\/reference/i, /\(issue \d+/i];
/** Files of the repository a reader of the site cannot open, cited as if they were sources. The Sources and method
 * page (method.html) is the model's documentation rendered: its file names name the code, as text, not sources. */
const REPOSITORY = [/docs\/[A-Z-]+\.md/, /data\/base-2025\.json/, /\(data file\)/];

/** The internal citations in `text`, as found (repository paths too, unless `documentation`). */
function internalCitations(text, documentation = false) {
  return [...INTERNAL, ...(documentation ? [] : REPOSITORY)].flatMap((pattern) => {
    const match = text.match(pattern);
    return match ? [match[0]] : [];
  });
}

/** Every file under `dir`, as paths relative to it. */
async function filesUnder(dir, prefix = '') {
  const out = [];
  for (const entry of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = path.join(prefix, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(dir, rel)));
    else out.push(rel);
  }
  return out;
}

/** Glossary terms the page links to; each must be in the built page once. */
const GLOSSARY_IDS = [
  'g-reo', 'g-mreo', 'g-ndfeb', 'g-stage', 'g-nameplate', 'g-utilisation', 'g-ramp', 'g-friction', 'g-price-response',
  'g-export-controls', 'g-hhi', 'g-trusted', 'g-supply-gap', 'g-points', 'g-monte-carlo', 'g-p10', 'g-tornado',
  'g-odds', 'g-goal-seek',
];

test('the internal-citation check flags what it should and nothing else', () => {
  for (const bad of ['Seed 002', 'as in seed 01', 'see the seeds', 'Facts file section 5', '../shared/reference/x.md', 'What changed: docs/DATA-CHANGES.md', 'in data/base-2025.json', 'Donald $85k (data file)', 'products (issue 11)']) {
    assert.notDeepEqual(internalCitations(bad), [], `missed ${bad}`);
  }
  for (const good of ['seed 1', 'Seed: 7', 'the seed', 'a fact file? no: facts, files']) {
    assert.deepEqual(internalCitations(good), [], `flagged ${good}`);
  }
});

test('no file of the built site cites an internal document', async () => {
  requireDist();
  const files = (await filesUnder(DIST)).filter((file) => TEXT_FILES.test(file));
  for (const needed of [/\.wasm$/, /\.js$/, /^index\.html$/, /\.webmanifest$/]) {
    assert.ok(files.some((file) => needed.test(file)), `the scan covers a file matching ${needed}: ${files.join(', ')}`);
  }
  const found = [];
  for (const file of files) {
    // latin1 keeps every byte as one character, so the strings inside the WebAssembly binary read as text.
    const text = await readFile(path.join(DIST, file), 'latin1');
    for (const citation of internalCitations(text, file === 'method.html')) found.push(`${file}: ${citation}`);
  }
  assert.deepEqual(found, [], 'cite the public document instead');
});

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

test('the glossary and the sources list are on the page and fit a 360 px phone', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const watcher = watch(page);
  await page.goto(site.url);
  await waitReady(page, watcher);
  for (const id of GLOSSARY_IDS) {
    const term = page.locator(`#glossary dt#${id}`);
    assert.equal(await term.count(), 1, `#${id} is a glossary term`);
    const explanation = await term.evaluate((dt) => dt.nextElementSibling?.tagName === 'DD' ? dt.nextElementSibling.textContent : '');
    assert.ok(explanation.trim().length > 80, `#${id} is explained: ${explanation}`);
  }
  await page.locator('#glossary').scrollIntoViewIfNeeded();
  const trusted = await page.textContent('#glossary');
  assert.match(trusted, /not a published target/, 'the 25% level is labelled an assumption');
  // Every document links out; the intro's link to the site's own Sources and method page is the one exception.
  const links = await page.$$eval('#sources li a', (anchors) => anchors.map((a) => a.href));
  assert.ok(links.length >= 25 && links.every((href) => href.startsWith('https://')), `sources link out: ${links.length}`);
  await page.locator('#sources').scrollIntoViewIfNeeded();
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    glossary: document.querySelector('#glossary').scrollWidth,
    sources: document.querySelector('#sources').scrollWidth,
  }));
  assert.ok(widths.page <= 360 && widths.glossary <= 360 && widths.sources <= 360, `nothing wider than the phone: ${JSON.stringify(widths)}`);
  assert.deepEqual(await watcher.problems(), []);
  await context.close();
});

test("the data's sources ship as plain text beside the page, precached for offline use", async () => {
  requireDist();
  // Copied as written from the data file (tests/provenance_files.rs keeps www/sources.txt current).
  const shipped = await readFile(path.join(DIST, 'sources.txt'), 'utf8');
  assert.equal(shipped, await readFile(path.join(ROOT, 'www', 'sources.txt'), 'utf8'));
  assert.match(shipped, /^Sources of the Rare-Earth Outlook data, version \d{4}\.\d+\n/);
  assert.match(shipped, /\nU\.S\. Geological Survey\. "Mineral Commodity Summaries 2026: Rare Earths"\./);
  const sw = await readFile(path.join(DIST, 'sw.js'), 'utf8');
  assert.match(sw, /"sources\.txt"/, 'the service worker precaches it');
  const response = await fetch(new URL('sources.txt', site.url));
  assert.equal(response.headers.get('content-type'), 'text/plain; charset=utf-8');
});
