// End-to-end checks of "What the money buys and what feeds it" (issue 11): with the hub's budget at face value the
// page's answer and table say what `ree-outlook --budget` prints, the budget slider changes the capacity bought and
// redraws the feed chart, the section passes axe, and it fits a 360 px phone without sideways scrolling.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { serve, launch, watch, waitReady, ROOT } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const HUB = '#v=1&p=hub-budget';

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

/** Opens the page at `fragment` (CSP bypassed only so axe can be injected) and waits until it is ready. */
async function open(fragment, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ bypassCSP: true, viewport });
  const page = await context.newPage();
  const watcher = watch(page);
  await page.goto(site.url + fragment);
  await waitReady(page, watcher);
  return { page, context };
}

/** The budget table's rows as [heading, cell, cell, cell] text. */
const tableRows = (page) =>
  page.$$eval('#budget-table tbody tr', (rows) => rows.map((row) => [...row.children].map((cell) => cell.textContent.trim())));

/** `ree-outlook --preset hub-budget --budget` (readable table), split into lines. */
function cliReport(...extra) {
  const args = ['run', '--quiet', '--bin', 'ree-outlook', '--', '--preset', 'hub-budget', '--budget', ...extra];
  return execFileSync('cargo', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).split('\n');
}

test('page and CLI agree on what the hub budget buys and what runs out first', async () => {
  const { page, context } = await open(HUB);
  const lines = cliReport();
  const rows = await tableRows(page);
  assert.equal(rows.length, 6);
  for (const [heading, ...cells] of rows) {
    const line = lines.find((text) => text.startsWith(heading));
    assert.ok(line, `the CLI prints no row "${heading}"`);
    assert.deepEqual(line.slice(heading.length).trim().split(/\s+/), cells, heading);
  }
  // The capacity the money buys: 11,015 t of separation, as the CLI says.
  assert.deepEqual(rows[1], ['Separation capacity (t oxide a year)', '11,015', '11,015', '13,308']);
  const answer = (await page.locator('#budget-answer').textContent()).trim();
  assert.ok(lines.includes(answer), `the CLI does not print the page's answer: ${answer}`);
  assert.match(answer, /^\$9\.20bn for rare earths .* buys 100% of the capacity 10% of world output in 2030 needs \(84% of what 12% needs\)/);
  const feed = (await page.locator('#feed-sentence').textContent()).trim();
  assert.ok(lines.includes(feed), `the CLI does not print the page's feed sentence: ${feed}`);
  // Every source the section links to is in the page's sources list.
  const targets = await page.$$eval('.budget-sources a', (links) => links.map((a) => a.getAttribute('href')));
  assert.ok(targets.length >= 8);
  for (const target of targets) assert.equal(await page.locator(target).count(), 1, target);
  await context.close();
});

test('the budget slider changes the capacity bought and redraws the feed chart', async () => {
  const { page, context } = await open(HUB);
  const canvas = page.locator('#chart-feed');
  await canvas.scrollIntoViewIfNeeded();
  await page.waitForFunction(() => Number(document.querySelector('#chart-feed')?.getAttribute('data-draws')) > 0);
  const before = Number(await canvas.getAttribute('data-draws'));
  const bought = async () => (await tableRows(page))[1][1];
  assert.equal(await bought(), '11,015');
  await page.evaluate(() => {
    const input = document.getElementById('param-ru_budget');
    input.value = '4';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction(() => document.querySelector('#budget-table tbody tr:nth-child(2) td')?.textContent !== '11,015');
  const lines = cliReport('--set', 'ru_budget=4');
  const line = lines.find((text) => text.startsWith('Separation capacity'));
  assert.equal(await bought(), line.split(/\s+/).at(-3), line);
  await page.waitForFunction((count) => Number(document.querySelector('#chart-feed').getAttribute('data-draws')) > count, before);
  assert.match(await page.locator('#budget-answer').textContent(), /what runs out first in 2030: at mining, money/);
  await context.close();
});

test('the money section has no axe violations and fits a 360 px phone', async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 360, height: 780 }]) {
    const { page, context } = await open(HUB, viewport);
    await page.locator('#budget').scrollIntoViewIfNeeded();
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run('#budget', { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, [], `${viewport.width}px`);
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - window.innerWidth,
      table: document.querySelector('#budget-table').scrollWidth - document.querySelector('#budget').clientWidth,
    }));
    assert.ok(overflow.page <= 0, `${viewport.width}px: the page scrolls sideways by ${overflow.page}px`);
    assert.ok(overflow.table <= 0, `${viewport.width}px: the table is ${overflow.table}px wider than its section`);
    await context.close();
  }
});
