// End-to-end test of compare mode with up to three pinned references (issue 12): a link with three opens them with
// their labels and line styles in the charts' legends (canvas text), text alternatives, the headline's comparison lines
// and the table; pinning, naming, removing and clearing work from the page and the link follows; a reader's name stays
// text (never markup); axe finds nothing; and a screenshot at 360 px goes to target/screenshots/compare-360.png.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { serve, launch, watch, waitReady, ROOT } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const THREE = '#v=1&p=kremlin-2030&st=separation&r.p=skeptic&r2.p=price-war&r3.p=baseline&d=2025.1';
const LABELS = ['Supply-chain skeptic (dashed)', "China's price war (dotted)", 'Baseline (long dashes)'];

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

/** Records every text drawn on a canvas (as tests/e2e/analysis.test.mjs does). */
function recordCanvasText() {
  window.__texts = [];
  const fill = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, ...rest) {
    window.__texts.push({ canvas: this.canvas.id, text: String(text) });
    return fill.call(this, text, ...rest);
  };
}

async function open(fragment, options = {}) {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, ...options });
  await context.addInitScript(recordCanvasText);
  const page = await context.newPage();
  const watcher = watch(page);
  await page.goto(site.url + fragment);
  await waitReady(page, watcher);
  return { page, context, watcher };
}

const fragment = (page) => page.evaluate(() => location.hash);

test('a link with three references shows each, named with its line style, everywhere', async () => {
  const { page, context, watcher } = await open(THREE);
  // Legends on the canvases (the feed chart is below the fold and drawn after the first frame).
  await page.waitForFunction(
    (labels) => ['chart-share', 'chart-russia', 'chart-hhi', 'chart-gap', 'chart-feed'].every((id) =>
      labels.every((label) => window.__texts.some((t) => t.canvas === id && t.text === label))),
    LABELS,
    { timeout: 10_000 },
  );
  for (const id of ['share', 'russia', 'hhi', 'gap']) {
    const description = await page.locator(`#chart-${id}-description`).textContent();
    for (const label of LABELS) assert.ok(description.includes(label), `${id}: ${label} in ${description}`);
  }
  // The headline: one comparison line per reference, Russia's 2030 share in each.
  const lines = (await page.locator('#headline-compare').innerText()).split('\n');
  assert.equal(lines.length, 3);
  LABELS.forEach((label, index) => assert.match(lines[index], new RegExp(`^${label.replace(/[()]/g, '\\$&')}: Russia \\d+\\.\\d% and China`)));
  // The table: a column of Russia's share per reference, by style.
  await page.click('#toggle-table');
  const headers = await page.locator('#projection-table thead th').allTextContents();
  for (const style of ['dashed', 'dotted', 'long dashes']) assert.ok(headers.includes(`Russia, ${style} reference`), headers.join('|'));
  // The pin button says why it is disabled.
  assert.equal(await page.isDisabled('#pin-reference'), true);
  assert.equal(await page.getAttribute('#pin-reference', 'aria-describedby'), 'compare-full');
  assert.match(await page.textContent('#compare-full'), /remove one to pin another/);
  assert.deepEqual(await watcher.problems(), []);
  await context.close();
});

test('pin, name, remove and clear from the page; the link follows and reopens the same', async () => {
  const { page, context, watcher } = await open('#v=1&p=kremlin-2030');
  assert.equal(await page.locator('#compare-list').count(), 0);
  await page.click('#pin-reference');
  await page.waitForFunction(() => location.hash.includes('&r.p=kremlin-2030'));
  // A second, after moving to another preset: keyboard only.
  await page.selectOption('#preset', 'skeptic');
  await page.focus('#pin-reference');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash.includes('&r2.p='));
  // A name with markup in it stays text.
  await page.fill('#reference-name-1', 'Our <b>plan</b> & co');
  await page.keyboard.press('Tab');
  await page.waitForFunction(() => location.hash.includes('r.n=Our%20%3Cb%3Eplan%3C%2Fb%3E%20%26%20co'));
  await page.waitForFunction(() => window.__texts.some((t) => t.canvas === 'chart-russia' && t.text === 'Our <b>plan</b> & co (dashed)'));
  assert.equal(await page.locator('#headline-compare b, .compare b').count(), 0);
  assert.equal(await page.inputValue('#reference-name-1'), 'Our <b>plan</b> & co');
  assert.match(await page.locator('#headline-compare').textContent(), /^Our <b>plan<\/b> & co \(dashed\)/);
  // The link round-trips: a fresh page at it shows the same references.
  const link = await fragment(page);
  const again = await open(link);
  assert.equal(await fragment(again.page), link);
  assert.equal(await again.page.locator('#headline-compare').textContent(), await page.locator('#headline-compare').textContent());
  await again.context.close();
  // Remove the first: the second moves up and takes the dashed line.
  await page.click('#remove-reference-1');
  await page.waitForFunction(() => !location.hash.includes('r2.') && !location.hash.includes('r.n='));
  assert.equal(await page.locator('#compare-list li').count(), 1);
  assert.match(await page.locator('#headline-compare').textContent(), /\(dashed\):/);
  await page.click('#clear-reference');
  await page.waitForFunction(() => !location.hash.includes('r.'));
  assert.equal(await page.locator('#headline-compare').count(), 0);
  assert.deepEqual(await watcher.problems(), []);
  await context.close();
});

test('axe is clean with three references, and the 360 px layout fits', async () => {
  const { page, context } = await open(THREE, { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
  const box = await page.locator('.compare').boundingBox();
  assert.ok(box && box.x >= 0 && box.x + box.width <= 360, JSON.stringify(box));
  const dir = path.join(ROOT, 'target', 'screenshots');
  await mkdir(dir, { recursive: true });
  await page.locator('.compare').scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(dir, 'compare-360.png') });
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, []);
  await context.close();
});
