// End-to-end checks of the all-claims view (claims.html, computed at build time by tests/claims_page.rs): every
// preset at every stage with its chart, the phone's picture on a phone, the site's stylesheet, a preset's name opening
// that preset in the calculator, no horizontal overflow at 360 px, no accessibility violations, and the view offline
// after a first visit of the calculator.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { serve, launch, launchPersistent, watch, waitReady, waitControlled } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

let server;
let browser;

before(async () => {
  server = await serve();
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function openClaims(width, options = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, ...options });
  const page = await context.newPage();
  const watcher = watch(page);
  await page.goto(`${server.url}claims.html`);
  // The charts after the first load lazily: each as the reader scrolls to it.
  for (const image of await page.locator('img').all()) {
    await image.scrollIntoViewIfNeeded();
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await image.elementHandle());
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return { context, page, watcher };
}

test('the all-claims view shows every preset at every stage, with its chart and the site stylesheet', async () => {
  const { context, page, watcher } = await openClaims(1280);
  const presets = await page.evaluate(() => [...document.querySelectorAll('#presets dt a')].map((a) => new URL(a.href).hash));
  assert.ok(presets.length >= 9, `${presets.length} presets`);
  for (const stage of ['mining', 'separation', 'magnets']) {
    const rows = await page.locator(`#${stage} tbody tr`).count();
    assert.equal(rows, presets.length, `${stage}: one row per preset`);
    const src = await page.locator(`#${stage} img`).evaluate((img) => img.currentSrc);
    assert.match(src, new RegExp(`claims/${stage}\\.svg$`), 'the wide picture on a wide screen');
    // Every row's numbers are percentages or years, never NaN or empty.
    // Read as a reader sees it: below the first stage a section is laid out only near the screen.
    await page.locator(`#${stage} tbody`).scrollIntoViewIfNeeded();
    const cells = await page.locator(`#${stage} tbody td`).allInnerTexts();
    assert.ok(cells.every((cell) => /^(\d+(\.\d)?%|under 1%|over 99%|\d{4}|not by \d{4})$/.test(cell)), cells.join(' | '));
  }
  // The stylesheet is the site's (the build rewrites its address): the page is laid out, not raw.
  const width = await page.locator('.claims-main').evaluate((main) => main.getBoundingClientRect().width);
  assert.ok(width <= 72 * 16 + 1, `main column ${width} px`);
  assert.deepEqual(await watcher.problems(), []);
  await context.close();
});

test('a preset in the all-claims view opens that preset, at that stage, in the calculator', async () => {
  const { context, page } = await openClaims(1280);
  await page.locator('#separation tbody tr th a', { hasText: 'Kremlin 12%' }).click();
  await waitReady(page);
  assert.match(page.url(), /p=kremlin-12/);
  assert.match(page.url(), /st=separation/);
  assert.equal(await page.locator('#preset').inputValue(), 'kremlin-12');
  // The link carries the data version, so the calculator has nothing to warn about (a link without it reads as
  // one made with older data).
  assert.match(page.url(), /&d=\d{4}\.\d+$/);
  assert.equal(await page.locator('#notices .notice').count(), 0, 'no notice on a link from the all-claims view');
  // And the calculator links back to it.
  assert.equal(await page.locator('.preset-all a').getAttribute('href'), 'claims.html');
  await context.close();
});

test('on a 360 px phone the view uses the narrow pictures and nothing overflows the page', async () => {
  const { context, page } = await openClaims(360);
  const src = await page.locator('#mining img').evaluate((img) => img.currentSrc);
  assert.match(src, /claims\/mining-narrow\.svg$/);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `${overflow} px of horizontal overflow`);
  await context.close();
});

test('axe finds no violations in the all-claims view', async () => {
  // CSP bypassed only so that axe's script tag can be added; the first test checks the page under its CSP.
  const { context, page } = await openClaims(1280, { bypassCSP: true });
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(violations, []);
  await context.close();
});

test('the all-claims view opens offline after a first visit of the calculator', async () => {
  const { context, close } = await launchPersistent();
  try {
    const page = await context.newPage();
    await page.goto(server.url);
    await waitReady(page);
    await waitControlled(page);
    await context.setOffline(true);
    await page.goto(`${server.url}claims.html`);
    // Each chart loads as the reader scrolls to it.
    for (const image of await page.locator('img').all()) {
      await image.scrollIntoViewIfNeeded();
      await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await image.elementHandle());
    }
    assert.equal(await page.locator('h1').innerText(), 'All claims at a glance');
  } finally {
    await close();
  }
});
