// End-to-end: the release build loads cleanly (no console error, no CSP violation), draws its charts, and redraws when
// a slider is moved with the keyboard; also when the site is served from a sub-path.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watch, waitReady, canvasStats, looksDrawn, waitRedraw, CHARTS } from './harness.mjs';

let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** Opens the site at `url` in a fresh context; returns { page, watcher, context }. */
async function open(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const watcher = watch(page);
  await page.goto(url);
  await waitReady(page, watcher);
  return { page, watcher, context };
}

test('the page loads with no console error or CSP violation and draws every chart', async () => {
  const site = await serve();
  try {
    const { page, watcher, context } = await open(site.url);
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    assert.ok(csp && csp.includes("default-src 'self'"), `the page carries a strict CSP meta, got: ${csp}`);
    assert.ok(!/'unsafe-inline'|'unsafe-eval'/.test(csp), `CSP allows no unsafe-inline/unsafe-eval: ${csp}`);
    for (const id of CHARTS) {
      const stats = await canvasStats(page, id);
      assert.ok(stats, `#${id} exists`);
      assert.ok(looksDrawn(stats), `#${id} shows a drawn chart: ${JSON.stringify(stats)}`);
      assert.ok(Number(stats.draws) >= 1, `#${id} has data-draws >= 1`);
    }
    for (const id of ['headline-russia', 'headline-china', 'headline-trusted']) {
      const text = (await page.textContent(`#${id}`))?.trim();
      assert.ok(text && text.length > 0, `#${id} has text`);
    }
    // Give late errors (e.g. a service worker failing to install) a moment to surface.
    await page.waitForTimeout(500);
    assert.deepEqual(await watcher.problems(), []);
    await context.close();
  } finally {
    await site.close();
  }
});

test('moving the sanctions slider with the keyboard redraws the Russia chart and changes the headline', async () => {
  const site = await serve();
  try {
    const { page, watcher, context } = await open(site.url);
    const before = await canvasStats(page, 'chart-russia');
    const headlineBefore = await page.getAttribute('#headline-russia', 'data-value');
    assert.ok(headlineBefore !== null && Number.isFinite(Number(headlineBefore)), `#headline-russia data-value is a number: ${headlineBefore}`);

    await page.focus('#param-sanctions');
    const valueBefore = await page.inputValue('#param-sanctions');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('End');
    const valueAfter = await page.inputValue('#param-sanctions');
    assert.notEqual(valueAfter, valueBefore, 'the slider moved');
    await waitRedraw(page, 'chart-russia', before.draws);
    await page.waitForFunction(
      (prev) => document.getElementById('headline-russia')?.getAttribute('data-value') !== prev,
      headlineBefore,
      { timeout: 10_000 },
    );
    const after = await canvasStats(page, 'chart-russia');
    assert.ok(looksDrawn(after), 'the Russia chart is still drawn');
    assert.notEqual(after.hash, before.hash, 'the Russia chart pixels changed');
    const output = (await page.textContent('#value-sanctions'))?.trim();
    assert.ok(output && output.length > 0, '#value-sanctions shows the value');
    assert.deepEqual(await watcher.problems(), []);
    await context.close();
  } finally {
    await site.close();
  }
});

test('the site works when served from a sub-path', async () => {
  const site = await serve({ prefix: '/sub/' });
  try {
    const { page, watcher, context } = await open(site.url);
    for (const id of CHARTS) {
      assert.ok(looksDrawn(await canvasStats(page, id)), `#${id} drawn under /sub/`);
    }
    // The service worker registers relative to the page, inside the sub-path.
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    assert.equal(scope, site.url, 'service worker scope is the sub-path');
    const outside = site.requests.filter((r) => !r.path.startsWith('/sub/'));
    assert.deepEqual(outside, [], 'nothing is requested outside the sub-path');
    assert.deepEqual(await watcher.problems(), []);
    await context.close();
  } finally {
    await site.close();
  }
});
