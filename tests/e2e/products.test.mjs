// End-to-end checks of separation's two products on the page (issue 11, "Light and heavy"): a link to heavy separation
// opens with the heavy choice, China near all of it and Russia with none (loparite yields light rare earths only), the
// share chart and its text alternative name the product, the headline names heavy supply and the magnets outside China
// that depend on Chinese Dy and Tb, switching to light redraws the two charts that follow the switch and keeps `st=` in
// the link, the table shows the product's rows, old links still open the whole stage, and axe finds no violations.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { serve, launch, watch, waitReady } from './harness.mjs';

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

/** Opens the page at `fragment` in a CSP-bypassing context (for axe) and waits until it is ready. */
async function open(fragment = '', viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ bypassCSP: true, viewport });
  const page = await context.newPage();
  const watcher = watch(page);
  await page.goto(server.url + fragment);
  await waitReady(page, watcher);
  return { context, page, watcher };
}

/** Runs axe on the page and returns its violations as readable lines (as tests/e2e/a11y.test.mjs does). */
async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(', ')}`);
}

const draws = (page, id) => page.locator(`#${id}`).getAttribute('data-draws').then(Number);
const value = (page, id) => page.locator(`#${id}`).getAttribute('data-value').then(Number);
const text = (page, selector) => page.locator(selector).innerText();

test('a link to heavy separation shows China with nearly all of it, Russia with none, and says why', async () => {
  const { context, page, watcher } = await open('#v=1&p=baseline&st=separation_heavy');
  assert.equal(await page.isChecked('#stage-separation-heavy'), true);
  assert.equal(await page.locator('#headline').getAttribute('data-stage'), 'separation_heavy');
  assert.ok((await draws(page, 'chart-share')) >= 1, 'the share chart is drawn');
  const china = await value(page, 'headline-china');
  assert.ok(china >= 0.95, `China's 2030 share of heavy separation ${china}`);
  assert.ok((await value(page, 'headline-russia')) < 0.005, 'Russia makes next to no Dy and Tb');
  assert.match(await text(page, '#headline-russia'), /heavy rare earths \(Dy, Tb\)/);
  // Read in the closed details too: the why names heavy supply, China's line the magnets that depend on it.
  const why = await page.locator('#headline-why').textContent();
  assert.match(why, /loparite, which yields light rare earths \(Nd, Pr\) only/);
  assert.match(why, /heavy supply/);
  assert.match(await page.locator('#headline-china').textContent(), /Magnet output outside China that depends on Chinese Dy and Tb in 2030: [\d,]+ t/);
  // The list names the product where the whole stage was.
  assert.ok(await page.locator('#headline-stages li[data-stage="separation_heavy"]').count() === 1);
  assert.match(await page.locator('#chart-share-description').textContent(), /^Separation: heavy \(Dy, Tb\) market share by region, in t oxide\. China holds/);
  assert.match(await page.locator('#chart-gap-description').textContent(), /heavy separation \(Dy, Tb\)|No supply gap/);
  assert.deepEqual(await watcher.problems(), []);
  await context.close();
});

test('switching to light redraws only the share and supply-gap charts and keeps the product in the link', async () => {
  const { context, page } = await open('#v=1&p=baseline&st=separation_heavy');
  const heavyChina = await value(page, 'headline-china');
  const before = await Promise.all(['chart-share', 'chart-russia', 'chart-hhi', 'chart-gap'].map((id) => draws(page, id)));
  await page.locator('label[for="stage-separation-light"]').click();
  await page.waitForFunction((n) => Number(document.getElementById('chart-share').dataset.draws) > n, before[0]);
  await page.waitForFunction((n) => Number(document.getElementById('chart-gap').dataset.draws) > n, before[3]);
  await page.waitForTimeout(200);
  assert.equal(await draws(page, 'chart-russia'), before[1]);
  assert.equal(await draws(page, 'chart-hhi'), before[2]);
  await page.waitForFunction(() => /[#&]st=separation_light(&|$)/.test(location.hash));
  assert.equal(await page.locator('#headline').getAttribute('data-stage'), 'separation_light');
  const lightChina = await value(page, 'headline-china');
  assert.ok(lightChina < heavyChina, `China holds less of the light product (${lightChina}) than of the heavy (${heavyChina})`);
  assert.match(await page.locator('#chart-share-description').textContent(), /Separation: light \(Nd, Pr\) market share/);
  // Back to the whole stage: the product leaves the link.
  await page.check('#stage-separation');
  await page.waitForFunction(() => /[#&]st=separation(&|$)/.test(location.hash));
  await context.close();
});

test('the table shows the product\'s rows, model years only, with the magnets relying on China', async () => {
  const { context, page } = await open('#v=1&p=baseline&st=separation_heavy&vw=table');
  await page.waitForSelector('#projection-table');
  assert.equal(await page.locator('#projection-table').getAttribute('data-stage'), 'separation_heavy');
  assert.match(await text(page, '#projection-table-caption'), /heavy separation \(Dy, Tb\)/);
  assert.equal(await page.locator('#projection-table tbody tr.observed').count(), 0);
  const headers = await page.locator('#projection-table thead th').allInnerTexts();
  assert.ok(headers.some((header) => /relying on China's Dy and Tb/.test(header)), headers.join(' | '));
  const row = await page.locator('#projection-table tbody tr', { hasText: '2030' }).first().locator('td').allInnerTexts();
  const china = Number(row[headers.indexOf('China') - 1].replace('%', ''));
  assert.ok(china >= 95, `China's 2030 heavy share in the table: ${china}%`);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('old links open the whole stage as before, and an unknown product gives a notice', async () => {
  const { context, page } = await open('#v=1&p=baseline&st=separation');
  assert.equal(await page.isChecked('#stage-separation'), true);
  assert.equal(await page.locator('#headline-stages li').count(), 3);
  await context.close();
  const bad = await open('#v=1&p=baseline&st=separation_medium');
  await bad.page.waitForFunction(() => document.querySelectorAll('#notices .notice').length > 0);
  assert.match(await text(bad.page, '#notices'), /Unknown stage 'separation_medium'.*separation_heavy/);
  assert.equal(await bad.page.isChecked('#stage-separation'), true);
  await bad.context.close();
});

test('axe: no violations with heavy separation chosen, wide and at phone width', async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 740 }]) {
    const { context, page } = await open('#v=1&p=baseline&st=separation_heavy', viewport);
    assert.deepEqual(await axeViolations(page), [], `${viewport.width} px`);
    // Every choice of the switch is on screen and has its label, also on a phone.
    for (const id of ['stage-mining', 'stage-separation', 'stage-separation-light', 'stage-separation-heavy', 'stage-magnets']) {
      const box = await page.locator(`label[for="${id}"]`).boundingBox();
      assert.ok(box && box.x >= 0 && box.x + box.width <= viewport.width + 1, `${id} at ${viewport.width} px: ${JSON.stringify(box)}`);
    }
    await context.close();
  }
});
