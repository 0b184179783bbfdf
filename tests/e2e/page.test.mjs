// End-to-end: the release build loads cleanly (no console error, no CSP violation), draws its charts, and redraws when
// a slider is moved with the keyboard; also when the site is served from a sub-path.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watch, waitReady, waitControlled, canvasStats, looksDrawn, waitRedraw, requireDist, CHARTS, TEST_HOOKS_DIST } from './harness.mjs';

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
    const gapBefore = await canvasStats(page, 'chart-gap');
    const gapShown = await page.getAttribute('#chart-gap', 'data-shown');
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
    // The baseline's supply gap is nil whatever the sanctions: its chart shows the new input without a redraw.
    await page.waitForFunction((prev) => document.getElementById('chart-gap').getAttribute('data-shown') !== prev, gapShown);
    const gapAfter = await canvasStats(page, 'chart-gap');
    assert.equal(gapAfter.draws, gapBefore.draws, 'the supply-gap chart is not redrawn');
    assert.equal(gapAfter.hash, gapBefore.hash, 'the supply-gap chart keeps its pixels');
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
    const scope = await waitControlled(page);
    assert.equal(scope, site.url, 'service worker scope is the sub-path');
    const outside = site.requests.filter((r) => !r.path.startsWith('/sub/'));
    assert.deepEqual(outside, [], 'nothing is requested outside the sub-path');
    assert.deepEqual(await watcher.problems(), []);
    await context.close();
  } finally {
    await site.close();
  }
});

test('an unexpected failure shows the error panel with a working way back to the defaults', async () => {
  // The crash on request exists only in the site built with the test-hooks feature (`make test-hooks-site`).
  requireDist(TEST_HOOKS_DIST);
  const site = await serve({ root: TEST_HOOKS_DIST });
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const uncaught = [];
    page.on('pageerror', (err) => uncaught.push(err.message));
    // debug-panic=1 makes the test-hooks build panic on purpose right after it mounts (src/bin/ree-web.rs).
    await page.goto(`${site.url}#v=1&p=skeptic&debug-panic=1`);
    await page.waitForSelector('#error-panel', { state: 'visible', timeout: 15_000 });
    const text = await page.textContent('#error-panel');
    assert.match(text, /went wrong/i);
    assert.equal(await page.isVisible('#reset-defaults'), true, 'the panel offers the way back');
    const watcher = watch(page);
    await Promise.all([page.waitForEvent('load'), page.click('#reset-defaults')]);
    await waitReady(page, watcher);
    assert.ok(!page.url().includes('debug-panic'), `the way back drops the crash request: ${page.url()}`);
    assert.ok(looksDrawn(await canvasStats(page, 'chart-share')), 'the default page draws again');
    assert.equal(await page.isHidden('#error-panel'), true, 'the panel is gone after the reset');
    await context.close();
  } finally {
    await site.close();
  }
});

test('markup in a link is shown as text, never inserted as HTML', async () => {
  const site = await serve();
  try {
    const context = await browser.newContext();
    const page = await context.newPage();
    const watcher = watch(page);
    const dialogs = [];
    page.on('dialog', async (dialog) => {
      dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    const payload = encodeURIComponent('<img src=x id=injected onerror=alert(1)>');
    await page.goto(`${site.url}#v=1&p=${payload}&${payload}=1&sanctions=${payload}`);
    await waitReady(page, watcher);
    await page.waitForSelector('#notices :is(p, li, div)', { timeout: 5_000 });
    assert.equal(await page.$('#injected'), null, 'no element was created from the link');
    assert.equal(await page.$('img[src="x"]'), null, 'no image was created from the link');
    assert.match(await page.textContent('#notices'), /<img/, 'the notice quotes the bad value as text');
    assert.deepEqual(dialogs, []);
    assert.deepEqual(await watcher.problems(), []);
    await context.close();
  } finally {
    await site.close();
  }
});

test('the shipped page ignores #debug-panic=1: the crash hook exists only in the test build', async () => {
  const site = await serve();
  try {
    const page = await browser.newPage();
    const watcher = watch(page);
    await page.goto(`${site.url}#v=1&p=skeptic&debug-panic=1`);
    await waitReady(page, watcher);
    await page.waitForTimeout(500);
    assert.equal(await page.isHidden('#error-panel'), true, 'no error panel');
    assert.ok(looksDrawn(await canvasStats(page, 'chart-share')), 'the page draws');
    assert.deepEqual(await watcher.problems(), []);
    await page.close();
  } finally {
    await site.close();
  }
});
