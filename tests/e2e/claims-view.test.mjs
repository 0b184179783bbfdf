// End-to-end checks of the all-claims view opened from the calculator (www/pwa.js): the click shows claims.html's view
// in place of the calculator without loading a page, at claims.html's address; Back, Forward, "Back to the
// calculator" and a preset's link behave as a reader expects; a slider move whose address write was still pending when
// the view opened lands in the calculator's entry, never in the view's; the view is in the calculator's language,
// opens offline, and axe finds nothing in it. claims.test.mjs checks the static page itself.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, launchPersistent, watch, waitReady, waitControlled, canvasStats, looksDrawn, axeViolations, pastEdge } from './harness.mjs';

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

/** The link beside the preset picker. */
const LINK = '.preset-all a';

/**
 * Opens the calculator at `fragment` in a new context (`page` in `context`, `watcher` on it) and marks the document, so
 * a test can tell that no page was loaded since. `context` is a browser context's options, or a persistent context.
 */
async function openCalculator(fragment, context = {}) {
  if (!context.newPage) context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...context });
  const page = await context.newPage();
  const watcher = watch(page);
  await page.goto(`${server.url}#${fragment}`);
  await waitReady(page, watcher);
  await page.evaluate(() => {
    window.__sameDocument = true;
  });
  return { context, page, watcher };
}

/** Clicks the link to the view and waits for the view with its first chart. */
async function openView(page) {
  await page.click(LINK);
  await page.waitForFunction(() => {
    const image = document.querySelector('body > .claims-main img');
    return image && image.complete && image.naturalWidth > 0;
  });
}

const sameDocument = (page) => page.evaluate(() => window.__sameDocument === true);
const viewShown = (page) => page.evaluate(() => document.querySelector('body > .claims-main') !== null);

test('the link shows the view in place of the calculator, at its address, and Back and Forward move between them', async () => {
  const { context, page, watcher } = await openCalculator('v=1&p=skeptic&d=2025.1');
  const calculatorUrl = page.url();
  const entries = await page.evaluate(() => history.length);
  await openView(page);
  assert.match(page.url(), /\/claims\.html$/, 'the address is the view page\'s');
  assert.ok(await sameDocument(page), 'no page was loaded');
  assert.equal(await page.evaluate(() => history.length), entries + 1, 'one history entry');
  assert.equal(await page.title(), 'All claims at a glance · Rare-Earth Outlook');
  assert.equal(await page.evaluate(() => document.activeElement.tagName), 'H1', 'focus on the view\'s heading');
  assert.equal(await page.locator('#app').isVisible(), false, 'the calculator is hidden');
  assert.equal(await page.locator('.claims-main #separation tbody tr').count(), await page.locator('#preset option').count());
  assert.deepEqual(await pastEdge(page, 'body *'), { over: [], width: 1280, scrollWidth: 1280 });

  await page.goBack();
  await page.waitForFunction(() => document.querySelector('.claims-main') === null);
  assert.equal(page.url(), calculatorUrl, 'Back: the calculator\'s address');
  assert.ok(await sameDocument(page), 'Back did not reload the calculator');
  assert.equal(await page.inputValue('#preset'), 'skeptic', 'the scenario as it was');
  assert.equal(await page.locator('#app').isVisible(), true);
  for (const id of ['chart-share', 'chart-russia']) assert.ok(looksDrawn(await canvasStats(page, id)), `${id} still drawn`);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Every preset side by side', 'focus back on the link');

  await page.goForward();
  await page.waitForFunction(() => document.querySelector('body > .claims-main') !== null);
  assert.match(page.url(), /\/claims\.html$/);
  assert.ok(await sameDocument(page));
  assert.deepEqual(await watcher.problems(), []);
  await context.close();
});

test('in the view, a preset\'s link opens that preset in the calculator and "Back to the calculator" goes back', async () => {
  const { context, page, watcher } = await openCalculator('v=1&p=skeptic&d=2025.1');
  const calculatorUrl = page.url();
  const entries = await page.evaluate(() => history.length);
  await openView(page);
  await page.locator('.claims-main #separation tbody tr th a', { hasText: 'Kremlin 12%' }).click();
  await page.waitForFunction(() => document.querySelector('#preset').value === 'kremlin-12');
  assert.equal(await viewShown(page), false);
  assert.ok(await sameDocument(page), 'the preset opened without loading the page');
  assert.match(page.url(), /#v=1&p=kremlin-12&st=separation&d=2025\.1$/);
  assert.equal(await page.locator('#notices .notice').count(), 0, 'no notice');
  assert.equal(await page.evaluate(() => history.length), entries + 1, 'the preset took the view\'s entry');
  await page.waitForFunction(() => document.getElementById('chart-russia').dataset.draws >= 2);
  // Back from the preset: the scenario before the view.
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('#preset').value === 'skeptic');
  assert.equal(page.url(), calculatorUrl);

  await openView(page);
  await page.click('.claims-main .claims-back');
  await page.waitForFunction(() => document.querySelector('.claims-main') === null);
  assert.equal(page.url(), calculatorUrl, '"Back to the calculator" returns to it as it was');
  assert.equal(await page.inputValue('#preset'), 'skeptic');
  assert.ok(await sameDocument(page));
  // A reload at the view's address opens the static page.
  await openView(page);
  await page.reload();
  assert.equal(await page.locator('#app').count(), 0, 'the static page');
  assert.equal(await page.locator('h1').innerText(), 'All claims at a glance');
  assert.deepEqual(await watcher.problems(), []);
  await context.close();
});

test('a slider move whose address write is pending when the view opens lands in the calculator\'s entry', async () => {
  const { context, page, watcher } = await openCalculator('v=1&p=skeptic&d=2025.1');
  await page.waitForTimeout(1200);
  await page.focus('#param-sanctions');
  // Two steps within the write interval: the second's write is still pending when the view opens.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  // At once (a click in the page, as a keyboard's Enter on the focused link): Playwright's own click takes longer
  // than the write interval.
  await page.evaluate((link) => document.querySelector(link).click(), LINK);
  const moved = Number(await page.inputValue('#param-sanctions'));
  await page.waitForFunction(() => document.querySelector('body > .claims-main') !== null);
  await page.waitForTimeout(600);
  assert.match(page.url(), /\/claims\.html$/, 'nothing written into the view\'s address');
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('.claims-main') === null);
  await page.waitForTimeout(300);
  assert.ok(page.url().includes(`sanctions=${moved}`), `the move is in the calculator's address: ${page.url()}`);
  assert.equal(Number(await page.inputValue('#param-sanctions')), moved);
  assert.deepEqual(await watcher.problems(), []);
  await context.close();
});

test('on a 360 px phone in Russian the link opens the Russian view, its narrow pictures, nothing past the edge, and axe finds no violations', async () => {
  const { context, page } = await openCalculator('v=1&p=baseline&lang=ru&d=2025.1', { viewport: { width: 360, height: 740 }, bypassCSP: true });
  await page.waitForFunction((link) => document.querySelector(link)?.getAttribute('href') === 'claims.ru.html', LINK);
  await openView(page);
  assert.match(page.url(), /\/claims\.ru\.html$/);
  assert.equal(await page.locator('.claims-main h1').innerText(), 'Обзор всех заявлений');
  assert.match(await page.locator('.claims-main img').first().evaluate((img) => img.currentSrc), /claims\/mining-narrow\.ru\.svg$/);
  const edge = await pastEdge(page, '.claims-main *:not(.table-wrap *)');
  assert.deepEqual(edge.over, []);
  assert.equal(edge.scrollWidth, 360);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('the view opens offline after a first visit of the calculator', async () => {
  const persistent = await launchPersistent();
  try {
    const { context, page } = await openCalculator('v=1&p=baseline&d=2025.1', persistent.context);
    await waitControlled(page);
    await context.setOffline(true);
    await openView(page);
    assert.ok(await sameDocument(page));
    assert.equal(await page.locator('.claims-main h1').innerText(), 'All claims at a glance');
  } finally {
    await persistent.close();
  }
});
