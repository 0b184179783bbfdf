// The guided walk through the claims (issue 12): it opens each preset in turn with what the claim assumes and what
// the model shows, by keyboard, can be skipped, steps back with the browser's Back, passes axe and fits a phone.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { serve, launch, watch, waitReady } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

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

async function open(fragment, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ bypassCSP: true, viewport });
  const page = await context.newPage();
  const watcher = watch(page);
  await page.goto(site.url + fragment);
  await waitReady(page, watcher);
  return { page, context, watcher };
}

const heading = (page) => page.locator('#walk-heading').textContent();
const presetParam = (page) => new URL(page.url()).hash.match(/[#&]p=([^&]+)/)?.[1];

test('the walk opens every claim in turn by keyboard, says what each assumes and shows, and can be left', async () => {
  const { page, context, watcher } = await open('#v=1&p=skeptic&sanctions=0.5');
  assert.equal(await page.locator('#walk').count(), 0, 'no walk until asked');
  await page.focus('#walk-start');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#walk-heading');
  await page.waitForFunction(() => document.activeElement?.id === 'walk-heading');
  const count = await page.$$eval('#preset option', (options) => options.length);
  const titles = await page.$$eval('#preset option', (options) => options.map((o) => o.textContent.trim()));
  assert.equal(await heading(page), `Claim 1 of ${count}: ${titles[0]}`);
  const seen = [];
  for (let step = 0; step < count; step += 1) {
    await page.waitForFunction((title) => document.getElementById('walk-heading')?.textContent.endsWith(title), titles[step]);
    const text = await page.locator('#walk').textContent();
    assert.match(text, /What it assumes:/);
    // The numbers are the projection's: the headline's mining share appears in the step's sentence.
    const shows = text.match(/What it shows: in 2030 Russia would have ([\d.]+%) of world mining/);
    assert.ok(shows, `step ${step + 1} says what it shows: ${text}`);
    assert.equal(await page.locator('#preset').inputValue(), presetParam(page), 'the picker follows the walk');
    seen.push(presetParam(page));
    if (step + 1 < count) {
      // Discrete changes less than a second apart share one history entry (ARCHITECTURE.md); a reader reads first.
      if (step + 2 === count) await page.waitForTimeout(1100);
      await page.focus('#walk-next');
      await page.keyboard.press('Enter');
    }
  }
  assert.equal(new Set(seen).size, count, `every preset once: ${seen.join(', ')}`);
  assert.equal(await page.locator('#walk-next').count(), 0, 'no Next on the last claim');
  // Back returns to the claim before.
  await page.goBack();
  await page.waitForFunction((title) => document.getElementById('walk-heading')?.textContent.endsWith(title), titles[count - 2]);
  await page.click('#walk-end');
  await page.waitForFunction(() => !document.getElementById('walk'));
  await page.waitForFunction(() => document.activeElement?.id === 'walk-start');
  assert.deepEqual(await watcher.problems(), []);
  await context.close();
});

test('the walk passes axe and fits a 360 px phone, above the headline', async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
    const { page, context } = await open('#v=1&p=baseline', viewport);
    await page.click('#walk-start');
    await page.click('#walk-next');
    await page.waitForFunction(() => /^Claim 2 of/.test(document.getElementById('walk-heading')?.textContent ?? ''));
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run('#walk', { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, [], `${viewport.width}px`);
    const box = await page.locator('#walk').boundingBox();
    const headline = await page.locator('#headline').boundingBox();
    assert.ok(box.y + box.height <= headline.y + 1, `${viewport.width}px: the walk sits above the headline`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${viewport.width}px: the page scrolls sideways by ${overflow}px`);
    await page.locator('#walk').screenshot({ path: `target/walk-${viewport.width}.png` });
    await context.close();
  }
});
