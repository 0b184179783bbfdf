// End-to-end checks of issue 15's page points: the headline follows the stage switch and names each stage's unit and the
// claim's stage, only the key number is announced, the supply gap shows where it exists, the first chart is on a phone's
// first screen with the settings folded after it, skip links, the table's separators and gap column, and a scenario
// file's outcome beside the button that loaded it. Screenshots at 360, 768 and 1440 px go to target/screenshots/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { serve, launch, ROOT, watch, waitReady } from './harness.mjs';

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

async function open(fragment = '', viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const watcher = watch(page);
  await page.goto(server.url + fragment);
  await waitReady(page, watcher);
  return { context, page, watcher };
}

const attr = (page, selector, name) => page.locator(selector).getAttribute(name);

test('the stage switch moves the whole headline: number, unit, why and China', async () => {
  const { context, page, watcher } = await open();
  assert.equal(await attr(page, '#headline', 'data-stage'), 'separation');
  const stages = {};
  for (const stage of ['mining', 'separation', 'magnets']) {
    stages[stage] = await attr(page, `#headline-stages li[data-stage="${stage}"]`, 'data-value');
  }
  assert.equal(await attr(page, '#headline-russia', 'data-value'), stages.separation);
  assert.notEqual(stages.mining, stages.separation, 'the stages differ at the baseline');
  const stageList = await page.locator('#headline-stages').innerText();
  assert.match(stageList, /tonnes of rare-earth oxide/);
  assert.match(stageList, /Nd, Pr, Dy and Tb/);
  assert.match(stageList, /NdFeB magnets, in tonnes/);
  assert.match(await page.locator('.headline-claim').innerText(), /10% and 12% claims count mining/);
  const chinaBefore = await attr(page, '#headline-china', 'data-value');

  await page.locator('label[for="stage-mining"]').click();
  await page.waitForFunction(() => document.getElementById('headline').dataset.stage === 'mining');
  assert.equal(await attr(page, '#headline-russia', 'data-value'), stages.mining);
  assert.match(await page.locator('#headline-russia').innerText(), /world mine output/);
  assert.match(await page.locator('#headline-why').innerText(), /t REO a year/);
  assert.match(await page.locator('#headline-china').innerText(), /of mining in 2030/);
  assert.notEqual(await attr(page, '#headline-china', 'data-value'), chinaBefore);
  assert.match(await page.locator('#headline-trusted').innerText(), /of mining/);
  assert.match(await page.locator('#headline-live').innerText(), /^Russia, mining 2030: [0-9.]+%$/);
  // The Russia chart marks and describes the stage shown too.
  await page.waitForFunction(() => /^Russia's share of world mining is/.test(document.getElementById('chart-russia-description')?.textContent ?? ''));

  // Only the key number is a live region: a slider move announces one short sentence.
  const live = await page.evaluate(() =>
    [...document.querySelectorAll('#headline [aria-live], #headline[aria-live]')].map((element) => element.id),
  );
  assert.deepEqual(live, ['headline-live']);
  assert.deepEqual(await watcher.problems(), []);
  await context.close();
});

test('the supply gap outside China is in the headline and the table when China withholds exports', async () => {
  const { context, page, watcher } = await open('#v=1&p=price-war');
  const gap = await page.locator('#headline-gap').innerText();
  assert.match(gap, /Supply gap outside China in 2030, separation: [0-9,]+ t oxide, [0-9.]+% of demand there\./);
  await page.locator('#toggle-table').click();
  const header = await page.locator('#projection-table thead th').last().innerText();
  assert.match(header, /Supply gap outside China/);
  const row2030 = page.locator('#projection-table tbody tr', { has: page.locator('th', { hasText: /^2030$/ }) });
  const cells = await row2030.locator('td').allInnerTexts();
  assert.match(cells.at(-1), /^[1-9][0-9]{0,2}(,[0-9]{3})* \([0-9.]+%\)$/, `gap cell ${cells.at(-1)}`);
  assert.match(cells.at(-2), /^[0-9]{1,3}(,[0-9]{3})+$/, `demand with separators: ${cells.at(-2)}`);

  // No export controls, no gap: the line goes.
  await page.evaluate(() => {
    const input = document.getElementById('param-cn_export_controls');
    input.value = '0';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction(() => !document.getElementById('headline-gap'));
  assert.deepEqual(await watcher.problems(), []);
  await context.close();
});

test('on a 360 px phone the headline and the first chart fill the first screen; settings fold after the charts', async () => {
  const { context, page, watcher } = await open('', { width: 360, height: 740 });
  const box = await page.locator('#chart-share').boundingBox();
  assert.ok(box.y + box.height <= 740, `the share chart ends at ${box.y + box.height} px`);
  const headline = await page.locator('#headline-russia').boundingBox();
  assert.ok(headline.y < box.y);
  // Every settings group starts folded, and the settings come after the charts.
  const opened = await page.evaluate(() => [...document.querySelectorAll('details.group')].map((d) => d.open));
  assert.ok(opened.length >= 4 && opened.every((o) => !o), `groups open: ${opened}`);
  const order = await page.evaluate(
    () => document.getElementById('charts').compareDocumentPosition(document.getElementById('settings')) & Node.DOCUMENT_POSITION_FOLLOWING,
  );
  assert.ok(order, 'settings follow the charts');
  // A group opens on demand, and its help stays folded until asked for.
  await page.locator('#group-russia').click();
  const help = page.locator('#param-ru_plan_share ~ details.help').first();
  assert.equal(await help.evaluate((d) => d.open), false);
  await help.locator('summary').click();
  assert.match(await page.locator('#help-ru_plan_share').innerText(), /Source:/);
  // Every slider's help (read from the page's static templates) is there, with its source.
  const helps = await page.$$eval('.control details.help p[id^="help-"]', (ps) => ps.map((p) => [p.id, p.textContent]));
  assert.ok(helps.length >= 30, `${helps.length} helps`);
  for (const [id, text] of helps) assert.match(text, /\S.* Source: \S/, id);
  assert.deepEqual(await watcher.problems(), []);
  await context.close();
});

test('on a 360 px phone the first chart ends within the first screen for every preset and every stage', async () => {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
  const page = await context.newPage();
  const presets = await (async () => {
    await page.goto(server.url);
    await waitReady(page);
    return page.$$eval('#preset option', (options) => options.map((o) => o.value));
  })();
  const over = [];
  for (const preset of presets) {
    for (const stage of ['mining', 'separation', 'magnets', 'separation_light', 'separation_heavy']) {
      await page.goto('about:blank');
      await page.goto(`${server.url}#v=1&p=${preset}&st=${stage}&d=2025.1`);
      await waitReady(page);
      const box = await page.locator('#chart-share').boundingBox();
      if (box.y + box.height > 740) over.push(`${preset} at ${stage}: ${Math.round(box.y + box.height)} px`);
    }
  }
  assert.ok(presets.length >= 9, `${presets.length} presets`);
  assert.deepEqual(over, [], 'the share chart ends below the first screen');
  await context.close();
});

test('the skip links lead to the charts and the settings from the first key press', async () => {
  const { context, page, watcher } = await open();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Skip to the charts');
  await page.keyboard.press('Enter');
  const top = await page.evaluate(() => document.getElementById('charts').getBoundingClientRect().top);
  assert.ok(Math.abs(top) < 5, `the charts are at the top of the window (${top})`);
  // The page's own address (the scenario) is not replaced by the skip target.
  assert.doesNotMatch(page.url(), /#charts$/);
  assert.deepEqual(await watcher.problems(), []);
  await context.close();
});

test("a scenario file's outcome shows beside the button that loaded it", async () => {
  const { context, page, watcher } = await open();
  const file = path.join(tmpdir(), 'ree-bad-scenario.json');
  await writeFile(file, '{"version": 1, "scenario": {"sanctions": "lots"');
  await page.setInputFiles('#load-json', file);
  await page.waitForFunction(() => document.getElementById('load-outcome').textContent.length > 0);
  const outcome = await page.locator('#load-outcome').innerText();
  assert.match(outcome, /was not loaded/);
  const button = await page.locator('label[for="load-json"]').boundingBox();
  const shown = await page.locator('#load-outcome').boundingBox();
  assert.ok(Math.abs(shown.y - button.y) < 200, `outcome ${shown.y} px, button ${button.y} px`);
  assert.deepEqual(await watcher.problems(), []);
  await context.close();
});

test("the why line names what the money buys and what holds Russia back most (issue 11's hub budget)", async () => {
  const { context, page, watcher } = await open('#v=1&p=hub-budget&ru_budget_share=0.5&st=magnets&d=2025.1');
  const why = await page.locator('#headline-why').innerText();
  assert.match(why, /of which the money buys [0-9,]+ t NdFeB/);
  assert.match(why, /what holds it back most in 2030: the money/);
  assert.match(why, /of their Dy and Tb from China/);
  assert.deepEqual(await watcher.problems(), []);
  await context.close();
});

test('when the clipboard refuses, the link is selected in its field for the reader to copy', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) },
    });
  });
  const page = await context.newPage();
  const watcher = watch(page);
  await page.goto(server.url + '#v=1&p=skeptic&d=2025.1');
  await waitReady(page, watcher);
  await page.locator('#copy-link').click();
  await page.waitForFunction(() => /Could not copy/.test(document.getElementById('copy-status').textContent));
  const selected = await page.evaluate(() => {
    const field = document.getElementById('share-link');
    return field.selectionStart === 0 && field.selectionEnd === field.value.length && field.value.length > 0;
  });
  assert.ok(selected, 'the whole link is selected');
  await context.close();
});

test('screenshots at 360, 768 and 1440 px', async () => {
  const dir = path.join(ROOT, 'target', 'screenshots');
  await mkdir(dir, { recursive: true });
  for (const width of [360, 768, 1440]) {
    const { context, page } = await open('#v=1&p=price-war', { width, height: width < 700 ? 740 : 900 });
    await page.screenshot({ path: path.join(dir, `headline-${width}.png`) });
    await context.close();
  }
});
