// End-to-end: the address and the browser history (issue 16). A changed fragment is handled once and the address
// settles on the canonical link; Back soon after a slider move does not lose the move; browsing the preset picker with
// the arrow keys leaves one history entry.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watch, waitReady } from './harness.mjs';

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

/** The texts of the notices shown. */
function notices(page) {
  return page.$$eval('#notices .notice p', (items) => items.map((item) => item.textContent));
}

test('an edited address is handled once: one notice, and the address settles on the canonical link', async () => {
  const page = await browser.newPage();
  const watcher = watch(page);
  await page.goto(`${site.url}#v=1&p=skeptic`);
  await waitReady(page, watcher);
  await page.waitForTimeout(1000);
  await page.evaluate(() => {
    location.hash = 'v=1&p=skeptic&bogus=1';
  });
  await page.waitForTimeout(800);
  const bogus = (await notices(page)).filter((text) => text.includes("'bogus'"));
  assert.equal(bogus.length, 1, `one notice about 'bogus': ${JSON.stringify(await notices(page))}`);
  const hash = await page.evaluate(() => location.hash);
  assert.ok(!hash.includes('bogus'), `the address settled on the canonical link: ${hash}`);
  assert.ok(hash.includes('p=skeptic'), hash);
  assert.deepEqual(await watcher.problems(), []);
  await page.close();
});

test('Back right after a slider move, then Forward, brings the move back', async () => {
  const page = await browser.newPage();
  const watcher = watch(page);
  await page.goto(`${site.url}#v=1&p=baseline`);
  await waitReady(page, watcher);
  await page.selectOption('#preset', 'skeptic');
  await page.waitForTimeout(1200);
  const start = Number(await page.inputValue('#param-sanctions'));
  await page.focus('#param-sanctions');
  // Two steps within the write interval: the second one's history write is still pending when Back comes.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const moved = Number(await page.inputValue('#param-sanctions'));
  assert.notEqual(moved, start, 'the slider moved');
  await page.evaluate(() => history.back());
  await page.waitForFunction(() => document.querySelector('#preset').value === 'baseline');
  await page.evaluate(() => history.forward());
  await page.waitForFunction(() => document.querySelector('#preset').value === 'skeptic');
  await page.waitForTimeout(300);
  assert.equal(Number(await page.inputValue('#param-sanctions')), moved, 'the move is back');
  assert.ok((await page.evaluate(() => location.hash)).includes(`sanctions=${moved}`), 'and in the address');
  assert.deepEqual(await watcher.problems(), []);
  await page.close();
});

test('browsing the preset picker with the arrow keys adds one history entry, not one per preset', async () => {
  const page = await browser.newPage();
  const watcher = watch(page);
  await page.goto(`${site.url}#v=1&p=baseline`);
  await waitReady(page, watcher);
  await page.waitForTimeout(300);
  const before = await page.evaluate(() => history.length);
  await page.focus('#preset');
  for (let i = 0; i < 6; i += 1) {
    await page.keyboard.press('ArrowDown');
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(400);
  const added = (await page.evaluate(() => history.length)) - before;
  assert.ok(added <= 1, `history grew by ${added}`);
  assert.notEqual(await page.inputValue('#preset'), 'baseline', 'the presets did change');
  // Back returns to where the browsing started.
  await page.evaluate(() => history.back());
  await page.waitForFunction(() => document.querySelector('#preset').value === 'baseline');
  assert.deepEqual(await watcher.problems(), []);
  await page.close();
});

test("a fragment holding an address (#, ?, ://) opens as the command line reads it", async () => {
  const page = await browser.newPage();
  const watcher = watch(page);
  await page.goto(`${site.url}#v=1&p=skeptic&sanctions=0.9&ref=https://example.org/a?b=1#c`);
  await waitReady(page, watcher);
  assert.equal(await page.inputValue('#preset'), 'skeptic');
  assert.equal(Number(await page.inputValue('#param-sanctions')), 0.9);
  const shown = await notices(page);
  assert.ok(shown.some((text) => text.includes("'ref'")), `a notice names the ignored 'ref': ${JSON.stringify(shown)}`);
  assert.deepEqual(await watcher.problems(), []);
  await page.close();
});

test('a link of tiny values is rewritten short and reopens the same scenario', async () => {
  const page = await browser.newPage();
  const watcher = watch(page);
  const tiny = ['sanctions', 'sanctions_util_loss', 'cn_export_controls', 'cn_price_response', 'sanctions_mining', 'sanctions_magnets', 'ru_feed_imports', 'rival_utilisation'].map((key) => `${key}=1e-300`).join('&');
  await page.goto(`${site.url}#v=1&p=skeptic&${tiny}`);
  await waitReady(page, watcher);
  await page.waitForTimeout(600);
  const written = await page.evaluate(() => location.hash);
  assert.ok(written.length < 400, `the page wrote a short link (${written.length} characters): ${written.slice(0, 120)}`);
  const before = await page.getAttribute('#headline-russia', 'data-value');
  await page.reload();
  await waitReady(page, watcher);
  assert.equal(await page.evaluate(() => location.hash), written, 'the written link reopens unchanged');
  assert.equal(await page.getAttribute('#headline-russia', 'data-value'), before, 'to the same scenario');
  const shown = await notices(page);
  assert.ok(!shown.some((text) => text.includes('characters long')), JSON.stringify(shown));
  assert.deepEqual(await watcher.problems(), []);
  await page.close();
});
