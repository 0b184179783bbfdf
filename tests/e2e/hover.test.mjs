// End-to-end checks of the values shown on hover, tap and keyboard focus (issue 15) and of the supply-gap chart: the
// year under the pointer is the one the chart draws there (read from the chart's own SVG download), the values are the
// projection's (the page's table, the fan's text alternative, the command-line tool), the keys move a year cursor,
// nothing is redrawn for it, and the supply gap opens in the price-war preset and follows China's export controls.
// Screenshots with the values showing at 360 and 1440 px go to target/screenshots/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdir } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { serve, launch, watch, waitReady, ROOT } from './harness.mjs';

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

async function open(fragment = '', options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const watcher = watch(page);
  await page.goto(server.url + fragment);
  await waitReady(page, watcher);
  return { context, page, watcher };
}

/** The text of chart `id`'s values tip ('' when hidden). */
const tip = (page, id) => page.locator(`#figure-${id} .chart-tip`).textContent();

/** Waits until chart `id`'s tip text satisfies `test` (a RegExp); returns the text. */
async function waitTip(page, id, pattern) {
  await page.waitForFunction(
    ([id, source]) => new RegExp(source).test(document.querySelector(`#figure-${id} .chart-tip`).textContent),
    [id, pattern.source],
    { timeout: 10_000 },
  );
  return tip(page, id);
}

/**
 * Where the chart draws `year`, in page coordinates: the x of its year label in the chart's own SVG download (the same
 * drawing at the canvas's size), mapped onto the canvas's content box; y is the middle of the canvas.
 */
async function yearPoint(page, id, year) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(`#download-svg-${id}`)]);
  const svg = await readFile(await download.path(), 'utf8');
  const label = svg.match(new RegExp(`<text x="([0-9.]+)"[^>]*>\\n${year}\\n</text>`));
  assert.ok(label, `the ${id} chart labels ${year} on its x axis`);
  const width = Number(svg.match(/<svg width="([0-9.]+)"/)[1]);
  // Clicking the download may have scrolled the canvas partly out of view.
  await page.locator(`#chart-${id}`).scrollIntoViewIfNeeded();
  const box = await page.locator(`#chart-${id}`).boundingBox();
  return { x: box.x + 1 + (Number(label[1]) * (box.width - 2)) / width, y: box.y + box.height / 2, box };
}

/** The command-line tool's projection for a preset and extra settings (the same model, built natively). */
function cliProjection(preset, ...sets) {
  const args = ['run', '--quiet', '--bin', 'ree-outlook', '--', '--preset', preset, '--format', 'json'];
  for (const set of sets) args.push('--set', set);
  return JSON.parse(execFileSync('cargo', args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })).projection;
}

/** The page's scroll position once it has stopped moving (focusing an element may scroll it into view smoothly). */
async function settledScroll(page) {
  let last = -1;
  for (;;) {
    const now = await page.evaluate(() => new Promise((done) => setTimeout(() => done(window.scrollY), 150)));
    if (now === last) return now;
    last = now;
  }
}

/** A whole number with thousands separators, as the page writes tonnes. */
const tonnes = (value) => Math.round(value).toLocaleString('en-US');

test('hovering the share chart shows the year under the pointer and the table\'s values, without a redraw', async () => {
  const { context, page, watcher } = await open();
  const { x, y, box } = await yearPoint(page, 'share', 2030);
  const draws = await page.getAttribute('#chart-share', 'data-draws');
  await page.mouse.move(x, y);
  const text = await waitTip(page, 'share', /^2030\n/);

  // The values are the table's for 2030, region by region, with their unit.
  await page.click('#toggle-table');
  const regions = await page.locator('#projection-table thead th').allTextContents();
  const row = await page.locator('#projection-table tbody tr', { has: page.locator('th', { hasText: /^2030$/ }) });
  const cells = await row.locator('td').allTextContents();
  const lines = text.split('\n').slice(1);
  assert.equal(lines.length, 8, text);
  for (const [index, line] of lines.entries()) {
    assert.equal(line, `${regions[index + 1]} ${cells[index]}`, `line ${index}`);
    assert.match(cells[index], /^\d+\.\d%$/);
  }

  // The guide line stands at the year, and the tip lies inside the canvas.
  const placed = await page.locator('#figure-share .chart-tip').evaluate((element) => ({
    guide: element.offsetLeft + parseFloat(getComputedStyle(element).getPropertyValue('--guide-x')),
    tip: element.getBoundingClientRect().toJSON(),
  }));
  assert.ok(Math.abs(box.x + placed.guide - x) <= 2, `guide at ${box.x + placed.guide}, year at ${x}`);
  assert.ok(placed.tip.left >= box.x - 1 && placed.tip.right <= box.x + box.width + 1, JSON.stringify(placed.tip));
  assert.ok(placed.tip.top >= box.y - 1 && placed.tip.bottom <= box.y + box.height + 1, JSON.stringify(placed.tip));

  // A published year with no figure says so; over the axis labels or off the chart, nothing shows.
  const before2025 = await yearPoint(page, 'share', 2020);
  await page.mouse.move(before2025.x, before2025.y);
  assert.equal(await waitTip(page, 'share', /^2020/), '2020 (published)\nNo figure for this year');
  await page.mouse.move(box.x + 8, y);
  assert.equal(await waitTip(page, 'share', /^$/), '');
  await page.mouse.move(x, y);
  await waitTip(page, 'share', /^2030\n/);
  await page.mouse.move(2, 2);
  assert.equal(await waitTip(page, 'share', /^$/), '');
  assert.equal(await page.getAttribute('#chart-share', 'data-draws'), draws, 'hovering never redraws the chart');
  assert.deepEqual(await watcher.problems(), []);
  await context.close();
});

test('a focused chart steps through the years with the arrow keys, Home and End; Escape and leaving hide the values', async () => {
  const { context, page, watcher } = await open();
  const canvas = page.locator('#chart-russia');
  assert.equal(await canvas.getAttribute('tabindex'), '0');
  assert.equal(await page.locator('#figure-russia .chart-tip').getAttribute('aria-live'), 'polite');
  assert.equal(await page.locator('#chart-tornado').getAttribute('tabindex'), null, 'the tornado has no years to step through');
  const draws = await canvas.getAttribute('data-draws');
  await canvas.focus();
  const scroll = await settledScroll(page);
  await page.keyboard.press('ArrowRight');
  let text = await waitTip(page, 'russia', /^2019/);
  assert.match(text, /^2019 \(published\)\nMining \d+\.\d%/);
  await page.keyboard.press('ArrowRight');
  await waitTip(page, 'russia', /^2020/);
  await page.keyboard.press('End');
  text = await waitTip(page, 'russia', /^2040\n/);
  assert.match(text, /^2040\nMining \d+\.\d%\nSeparation \d+\.\d%\nMagnets \d+\.\d%$/);
  await page.keyboard.press('ArrowLeft');
  await waitTip(page, 'russia', /^2039\n/);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await waitTip(page, 'russia', /^2040\n/);
  assert.equal(await settledScroll(page), scroll, 'the keys the chart takes do not scroll the page');
  await page.keyboard.press('Escape');
  await waitTip(page, 'russia', /^$/);
  await page.keyboard.press('Home');
  await waitTip(page, 'russia', /^2019/);
  await page.keyboard.press('Tab');
  await waitTip(page, 'russia', /^$/);
  assert.equal(await canvas.getAttribute('data-draws'), draws, 'the keys never redraw the chart');
  assert.deepEqual(await watcher.problems(), []);
  await context.close();
});

test('a tap on a phone shows the values of the year tapped', async () => {
  // Where 2030 lies, from the SVG download of a page of the same size (a mouse click on the download button would
  // leave an emulated mouse behind on the touch page).
  const viewport = { width: 360, height: 740 };
  const measured = await open('', { viewport });
  const { x: across } = await yearPoint(measured.page, 'hhi', 2030);
  const left = (await measured.page.locator('#chart-hhi').boundingBox()).x;
  await measured.context.close();
  const { context, page, watcher } = await open('', { viewport, hasTouch: true, isMobile: true });
  await page.locator('#chart-hhi').scrollIntoViewIfNeeded();
  const box = await page.locator('#chart-hhi').boundingBox();
  const [x, y] = [box.x + across - left, box.y + box.height / 2];
  await page.touchscreen.tap(x, y);
  const text = await waitTip(page, 'hhi', /^2030\n/);
  assert.match(text, /^2030\nMining [\d,]+\nSeparation [\d,]+\nMagnets [\d,]+$/);
  // The HHI quoted is the text alternative's for 2030.
  const description = await page.textContent('#chart-hhi-description');
  for (const stage of ['mining', 'separation', 'magnets']) {
    const value = text.match(new RegExp(`${stage[0].toUpperCase()}${stage.slice(1)} ([\\d,]+)`))[1];
    assert.ok(description.includes(`${stage} ${value}`), `${stage} ${value} in: ${description}`);
  }
  assert.deepEqual(await watcher.problems(), []);
  await context.close();
});

test('the supply-gap chart quotes the model\'s gap in the price war, follows export controls, and says when there is none', async () => {
  const baseline = cliProjection('baseline');
  assert.ok(baseline.stages.separation.supply_gap.every((gap) => gap < 0.5), 'no gap at the baseline');
  const { context, page, watcher } = await open();
  assert.match(await page.textContent('#chart-gap-description'), /^No supply gap outside China in this scenario: /);
  await context.close();

  const at = baseline.years.indexOf(2030);
  const war = cliProjection('price-war').stages.separation;
  assert.ok(war.supply_gap[at] > 1000, `the price war opens a gap: ${war.supply_gap[at]}`);
  const priceWar = await open('#v=1&p=price-war');
  const description = await priceWar.page.textContent('#chart-gap-description');
  assert.ok(!description.includes('No supply gap'), description);
  assert.ok(description.includes(`${tonnes(war.supply_gap[at])} t oxide in 2030`), description);
  const { x, y } = await yearPoint(priceWar.page, 'gap', 2030);
  await priceWar.page.mouse.move(x, y);
  let text = await waitTip(priceWar.page, 'gap', /^2030\n/);
  // (The command line's JSON has no gap share; the unit tests check it against the model.)
  const share = text.match(/^2030\nGap ([\d,]+) t oxide\nShare of demand outside China (\d+\.\d)%$/);
  assert.ok(share, text);
  assert.equal(share[1], tonnes(war.supply_gap[at]));
  assert.ok(Number(share[2]) > 0 && Number(share[2]) < 100, text);

  // Tighter export controls widen the gap: the chart redraws and the values follow.
  const draws = await priceWar.page.getAttribute('#chart-gap', 'data-draws');
  await priceWar.page.evaluate(() => {
    const input = document.getElementById('param-cn_export_controls');
    input.value = '0.8';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await priceWar.page.waitForFunction((n) => document.getElementById('chart-gap').dataset.draws !== n, draws);
  const tighter = cliProjection('price-war', 'cn_export_controls=0.8').stages.separation;
  assert.ok(tighter.supply_gap[at] > war.supply_gap[at] + 1000, 'the command line agrees the gap widens');
  await priceWar.page.mouse.move(x, y + 1);
  text = await waitTip(priceWar.page, 'gap', new RegExp(`^2030\\nGap ${tonnes(tighter.supply_gap[at])} t oxide`));
  assert.ok(text.startsWith('2030\n'), text);
  assert.deepEqual(await priceWar.watcher.problems(), []);
  await priceWar.context.close();
});

test('the fan chart shows P10, median, P90 and the scenario line of the year, as its text alternative states them', async () => {
  const { context, page, watcher } = await open();
  await page.waitForFunction(() => Number(document.getElementById('chart-fan').dataset.draws) >= 1, null, { timeout: 30_000 });
  await page.locator('#chart-fan').focus();
  await page.keyboard.press('Home');
  const first = Number((await waitTip(page, 'fan', /^\d{4}/)).slice(0, 4));
  for (let year = first; year < 2030; year += 1) await page.keyboard.press('ArrowRight');
  const text = await waitTip(page, 'fan', /^2030\n/);
  const value = (label) => text.match(new RegExp(`\\n${label} ([\\d.]+%)`))?.[1];
  const description = await page.textContent('#chart-fan-description');
  const stated = description.match(/In 2030 the middle 80% of runs lie between ([\d.]+%) and ([\d.]+%) \(median ([\d.]+%); the scenario as set gives ([\d.]+%)\)/);
  assert.ok(stated, description);
  assert.deepEqual([value('P10'), value('P90'), value('Median'), value('Scenario as set')], stated.slice(1, 5), text);
  assert.deepEqual(await watcher.problems(), []);
  await context.close();
});

test('screenshots with the values showing at 360 and 1440 px', async () => {
  const dir = path.join(process.env.REE_SCREENSHOTS || path.join(ROOT, 'target', 'screenshots'));
  await mkdir(dir, { recursive: true });
  for (const width of [360, 1440]) {
    const { context, page } = await open('#v=1&p=price-war', { viewport: { width, height: 900 } });
    for (const id of ['share', 'gap']) {
      await page.locator(`#chart-${id}`).scrollIntoViewIfNeeded();
      const { x, y } = await yearPoint(page, id, 2030);
      await page.mouse.move(x, y);
      await waitTip(page, id, /^2030\n/);
      const tipBox = await page.locator(`#figure-${id} .chart-tip`).boundingBox();
      assert.ok(tipBox.x >= 0 && tipBox.x + tipBox.width <= width, `the ${id} tip fits in ${width} px`);
      await page.locator(`#figure-${id}`).screenshot({ path: path.join(dir, `hover-${id}-${width}.png`) });
    }
    await context.close();
  }
});
