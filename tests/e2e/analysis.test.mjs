// End-to-end checks of the analysis panel (issue 15): the odds say what they assume and the sampling choice changes
// them; the fan chart is titled by its region, carries the target's chance only for the target's region and ends
// where the other charts end; the tornado names every uncertain parameter in full, inside its canvas; the goal seek
// keeps the question typed, marks a stale answer, says "already met" and puts its messages beside the fields.
// Screenshots of the panel at 360 and 1440 px wide go to target/screenshots/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serve, launch, ROOT } from './harness.mjs';


/** The labels of the parameters the tornado ranks: those whose plausible range (low, high) in src/params.rs is not
 * a single value, read from the source so the test follows the table. */
// The labels are texts of i18n/en.json (`label: english_const(Msg::ParamXLabel)`; build.rs names a key's variant by
// its parts in CamelCase: "param.x.label" is ParamXLabel).
const ENGLISH = JSON.parse(readFileSync(path.join(ROOT, 'i18n', 'en.json'), 'utf8'));
const VARIANT = Object.fromEntries(Object.keys(ENGLISH).map((key) => [
  key.split(/[.\-_]/).filter(Boolean).map((part) => part[0].toUpperCase() + part.slice(1)).join(''),
  ENGLISH[key],
]));
const RANGED_LABELS = [...readFileSync(path.join(ROOT, 'src', 'params.rs'), 'utf8').matchAll(
  /label: english_const\(Msg::(\w+)\),[\s\S]*?\n        low: ([-0-9.e]+),\n        high: ([-0-9.e]+),/g,
)].filter((m) => Number(m[2]) !== Number(m[3])).map((m) => VARIANT[m[1]]);

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

/** Records every text drawn on a canvas: its canvas, text, anchor, alignment and measured width (canvas pixels). */
function recordCanvasText() {
  window.__texts = [];
  const fill = CanvasRenderingContext2D.prototype.fillText;
  CanvasRenderingContext2D.prototype.fillText = function (text, x, y, ...rest) {
    const transform = this.getTransform();
    window.__texts.push({
      canvas: this.canvas.id,
      text: String(text),
      x: transform.a * x + transform.c * y + transform.e,
      align: this.textAlign,
      width: this.measureText(text).width,
      canvasWidth: this.canvas.width,
      rotated: transform.b !== 0 || transform.c !== 0,
    });
    return fill.call(this, text, x, y, ...rest);
  };
}

async function open(fragment = '', viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(recordCanvasText);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(server.url + fragment);
  await page.waitForFunction(() => window.__reeReady === true);
  return { context, page, errors };
}

/** Waits until the analyses have answered for the current inputs (the probability is no longer busy). */
async function analysed(page) {
  await page.waitForFunction(() => {
    const p = document.getElementById('headline-probability');
    return p?.dataset.value !== undefined && p.getAttribute('aria-busy') === 'false';
  });
}

/** The texts the last draw of canvas `id` wrote (everything since its last title). */
async function canvasTexts(page, id, title) {
  return page.evaluate(
    ([id, title]) => {
      const texts = window.__texts.filter((t) => t.canvas === id);
      const start = texts.map((t) => title.test(t.text)).lastIndexOf(true);
      return texts.slice(Math.max(start, 0));
    },
    [id, title],
  );
}

/** Sets a range input to `to` the way a user's drag does (an input event). */
async function slide(page, key, to) {
  await page.evaluate(
    ([key, to]) => {
      const input = document.getElementById(`param-${key}`);
      input.value = String(to);
      input.dispatchEvent(new Event('input', { bubbles: true }));
    },
    [key, to],
  );
}

test('the odds say what they assume, and drawing around the scenario changes them and stays in the link', async () => {
  const { context, page, errors } = await open('#v=1&p=kremlin-12');
  await analysed(page);
  const line = page.locator('#headline-probability');
  assert.match(await line.innerText(), /in 2030 under the model's plausible ranges: .*\(1,000 runs\)/);
  const plausible = Number(await line.getAttribute('data-value'));
  assert.ok(plausible < 0.05, `Kremlin 12% under the plausible ranges: ${plausible}`);
  assert.match(await page.locator('#chart-fan-description').innerText(), /drawn under the model's plausible ranges/);
  assert.equal(await page.locator('#mc-sampling').inputValue(), 'plausible');

  await page.selectOption('#mc-sampling', 'scenario');
  await page.waitForFunction(() => location.hash.includes('&sm=scenario'));
  await page.waitForFunction(() => {
    const p = document.getElementById('headline-probability');
    return /around this scenario's own assumptions/.test(p.textContent) && p.getAttribute('aria-busy') === 'false';
  });
  const around = Number(await line.getAttribute('data-value'));
  assert.ok(around > 0.5, `Kremlin 12% around its own assumptions: ${around}`);
  await page.waitForFunction(() =>
    /drawn around this scenario's own assumptions/.test(document.getElementById('chart-fan-description').textContent),
  );
  // The fan's legend names the assumption too.
  await page.waitForFunction(() =>
    window.__texts.some((t) => t.canvas === 'chart-fan' && t.text === "P10–P90 around this scenario's own assumptions"),
  );

  // The link reopens the same choice; back to the default, the key leaves the link.
  const reopened = await context.newPage();
  await reopened.goto(server.url + '#v=1&p=kremlin-12&mc=1000&seed=1&sm=scenario');
  await reopened.waitForFunction(() => window.__reeReady === true);
  assert.equal(await reopened.locator('#mc-sampling').inputValue(), 'scenario');
  await analysed(reopened);
  assert.equal(Number(await reopened.locator('#headline-probability').getAttribute('data-value')), around);
  await page.selectOption('#mc-sampling', 'plausible');
  await page.waitForFunction(() => !location.hash.includes('sm=') && !location.hash.includes('mc='));
  assert.deepEqual(errors, []);
  await context.close();
});

test("the fan is titled by its region and only the target's region carries the target's chance", async () => {
  const { context, page, errors } = await open('#v=1&p=kremlin-12');
  await analysed(page);
  await page.waitForFunction(() => window.__texts.some((t) => t.canvas === 'chart-fan' && /^Chance/.test(t.text)));
  const russia = await canvasTexts(page, 'chart-fan', /: P10–P90$/);
  assert.equal(russia[0].text, "Russia's share of separation: P10–P90");
  assert.ok(russia.some((t) => /^Chance .*10%/.test(t.text)), 'Russia fan has its chance');
  assert.ok(russia.some((t) => t.text === '10% target'));

  await page.selectOption('#fan-region', 'china');
  await page.waitForFunction(() =>
    window.__texts.some((t) => t.canvas === 'chart-fan' && t.text === "China's share of separation: P10–P90"),
  );
  await page.waitForTimeout(200);
  const china = await canvasTexts(page, 'chart-fan', /: P10–P90$/);
  assert.equal(china[0].text, "China's share of separation: P10–P90");
  const stray = china.filter((t) => /Chance|target|Russia/.test(t.text));
  assert.deepEqual(stray, [], "China's fan carries nothing of Russia's target");
  const description = await page.locator('#chart-fan-description').innerText();
  assert.match(description, /^China's share of separation/);
  assert.doesNotMatch(description, /chance/i);
  // The headline keeps the chance, for Russia.
  assert.match(await page.locator('#headline-probability').innerText(), /^Chance that Russia reaches 10%/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('with a 2030 horizon the fan ends in 2030 like the other charts, even for a 2035 target', async () => {
  const { context, page, errors } = await open('#v=1&p=baseline&horizon=2030&ty=2035');
  await analysed(page);
  await page.waitForFunction(() => window.__texts.some((t) => t.canvas === 'chart-fan' && /^Russia's share of/.test(t.text)));
  const years = (texts) => texts.map((t) => t.text).filter((text) => /^20\d\d$/.test(text)).map(Number);
  const fan = years(await canvasTexts(page, 'chart-fan', /^Russia's share of/));
  const share = years(await page.evaluate(() => window.__texts.filter((t) => t.canvas === 'chart-share')));
  assert.ok(fan.length > 0 && share.length > 0);
  assert.equal(Math.max(...fan), 2030, `fan axis: ${fan}`);
  assert.equal(Math.max(...share), 2030, `share axis: ${share}`);
  // The chance still reads the target's year.
  assert.match(await page.locator('#headline-probability').innerText(), /in 2035 /);
  assert.deepEqual(errors, []);
  await context.close();
});

/**
 * Opens `fragment` at `width` px, waits for the analyses and the tornado's draw (its title matching `title`), and
 * returns the texts of that draw, after checking that every one lies inside the canvas.
 */
async function tornadoTexts(fragment, width, title) {
  const opened = await open(fragment, { width, height: 900 });
  const { page } = opened;
  await analysed(page);
  await page.locator('#chart-tornado').scrollIntoViewIfNeeded();
  await page.waitForFunction((title) => window.__texts.some((t) => t.canvas === 'chart-tornado' && new RegExp(title).test(t.text)), title.source);
  await page.waitForTimeout(300);
  const texts = await canvasTexts(page, 'chart-tornado', title);
  for (const t of texts.filter((t) => !t.rotated)) {
    const left = t.align === 'end' || t.align === 'right' ? t.x - t.width : t.align === 'center' ? t.x - t.width / 2 : t.x;
    assert.ok(left >= 0 && left + t.width <= t.canvasWidth + 1, `"${t.text}" lies inside the canvas (${left}..${left + t.width} of ${t.canvasWidth})`);
  }
  return { ...opened, texts };
}

for (const width of [360, 1440]) {
  test(`the tornado names every uncertain parameter in full, inside its canvas, at ${width} px`, async () => {
    const { context, page, errors, texts } = await tornadoTexts('#v=1&p=kremlin-12', width, /^What moves/);
    // Every parameter with a plausible range (not a single value), as the parameter table gives them.
    const labels = RANGED_LABELS;
    assert.ok(labels.length >= 22, `${labels.length} ranged parameters`);
    const drawn = texts.map((t) => t.text).join(' ').replace(/\s+/g, ' ');
    for (const label of labels) assert.ok(drawn.includes(label), `"${label}" is drawn in full: ${drawn}`);
    assert.ok(!drawn.includes('…'), 'no name is cut');
    const idle = (await page.locator('#chart-tornado-description').innerText()).match(/No effect at all: (.*)\./);
    assert.ok(idle, 'the text alternative lists the parameters with no effect');
    assert.equal(texts.filter((t) => t.text === 'no effect').length, idle[1].split(/, | and /).length);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

// Chinese names have no spaces: they break between characters, so on a phone they leave the bars room and every
// "无影响" (no effect) inside the canvas (before, unbroken names took two thirds of a 320 px canvas and cut it off).
for (const width of [320, 360]) {
  test(`in Chinese at ${width} px the tornado's names break between characters and every text lies inside its canvas`, async () => {
    const { context, errors, texts } = await tornadoTexts('#v=1&p=kremlin-12&lang=zh', width, /^影响/);
    assert.ok(texts.some((t) => t.text === '无影响'), 'parameters with no effect are marked');
    // The names (right-aligned at the bars' left edge) take at most two thirds of the canvas.
    const names = texts.filter((t) => t.align === 'end' || t.align === 'right');
    const edge = Math.max(...names.map((t) => t.x));
    assert.ok(edge <= (texts[0].canvasWidth * 2) / 3, `names end at ${edge} of ${texts[0].canvasWidth}`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('goal seek keeps the question typed, marks a stale answer, says already met and validates beside the fields', async () => {
  const { context, page, errors } = await open('#v=1&p=baseline');
  await analysed(page);
  await page.fill('#goal-share', '5');
  await page.fill('#goal-year', '2033');
  await page.selectOption('#goal-stage', 'mining');
  await page.click('#goal-seek-run');
  await page.waitForFunction(() => /2033 mining share at 5\.0%/.test(document.getElementById('goal-seek-result').textContent));
  assert.equal(await page.inputValue('#goal-share'), '5');
  assert.equal(await page.inputValue('#goal-year'), '2033');
  assert.equal(await page.inputValue('#goal-stage'), 'mining');
  assert.equal(await page.locator('#goal-seek-answer').getAttribute('data-stale'), 'false');
  assert.equal(await page.locator('.goal-note').count(), 0);

  // The stage switch moves: the question keeps its stage, and its answer (same scenario) stands.
  await page.locator('label[for="stage-magnets"]').click();
  await page.waitForFunction(() => document.getElementById('headline').dataset.stage === 'magnets');
  await page.waitForTimeout(200);
  assert.equal(await page.inputValue('#goal-stage'), 'mining', 'the question keeps its stage');
  assert.match(await page.locator('#goal-seek-result').textContent(), /2033 mining share at 5\.0%/);
  await page.locator('label[for="stage-separation"]').click();
  await page.waitForFunction(() => document.getElementById('headline').dataset.stage === 'separation');
  await page.locator('#goal-seek-run').scrollIntoViewIfNeeded();

  // A slider moves: the answer is marked stale, in text, and the inputs still hold the question.
  await slide(page, 'sanctions', 0.3);
  await page.waitForSelector('.goal-note');
  assert.match(await page.locator('.goal-note').textContent(), /previous settings; press .Find the value. again/);
  assert.equal(await page.locator('#goal-seek-answer').getAttribute('data-stale'), 'true');
  assert.equal(await page.inputValue('#goal-share'), '5');
  assert.equal(await page.inputValue('#goal-year'), '2033');
  await page.click('#goal-seek-run');
  await page.waitForFunction(() => document.getElementById('goal-seek-answer')?.dataset.stale === 'false');

  // Invalid fields: a message beside each, tied to it.
  await page.fill('#goal-share', '150');
  await page.fill('#goal-year', '1999');
  await page.click('#goal-seek-run');
  await page.waitForSelector('#goal-share-error');
  assert.match(await page.locator('#goal-share-error').innerText(), /above 0 and below 100/);
  assert.match(await page.locator('#goal-year-error').innerText(), /from 2025 to 2050/);
  assert.equal(await page.getAttribute('#goal-share', 'aria-invalid'), 'true');
  assert.equal(await page.getAttribute('#goal-share', 'aria-describedby'), 'goal-share-error');
  assert.equal(await page.getAttribute('#goal-year', 'aria-describedby'), 'goal-year-error');
  assert.equal(await page.inputValue('#goal-share'), '150', 'the typed value stays to be corrected');
  await page.fill('#goal-share', '5');
  await page.fill('#goal-year', '2033');
  await page.click('#goal-seek-run');
  await page.waitForSelector('#goal-seek-answer');
  assert.equal(await page.locator('#goal-share-error').count(), 0);
  assert.equal(await page.getAttribute('#goal-share', 'aria-invalid'), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test('goal seek says "already met" when the current value meets the target, and offers no change', async () => {
  const { context, page, errors } = await open('#v=1&p=kremlin-12');
  await analysed(page);
  assert.equal(await page.inputValue('#goal-param'), 'sanctions');
  await page.click('#goal-seek-run');
  await page.waitForSelector('#goal-seek-answer');
  const answer = await page.locator('#goal-seek-answer').innerText();
  assert.match(answer, /is already met: .Sanctions friction. at its current 10% gives 11\.4%/);
  assert.doesNotMatch(answer, /set .Sanctions friction. to/);
  assert.equal(await page.locator('#goal-seek-apply').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('screenshots of the analysis panel at 360 and 1440 px wide', async () => {
  const dir = path.join(ROOT, 'target', 'screenshots');
  await mkdir(dir, { recursive: true });
  for (const width of [360, 1440]) {
    const { context, page, errors } = await open('#v=1&p=kremlin-12&mc=1000&seed=1&sm=scenario', { width, height: 900 });
    await analysed(page);
    await page.fill('#goal-share', '150');
    await page.click('#goal-seek-run');
    await page.waitForSelector('#goal-share-error');
    await page.locator('#analysis').scrollIntoViewIfNeeded();
    await page.waitForTimeout(500);
    await page.locator('#analysis').screenshot({ path: path.join(dir, `analysis-${width}.png`) });
    assert.deepEqual(errors, []);
    await context.close();
  }
});
