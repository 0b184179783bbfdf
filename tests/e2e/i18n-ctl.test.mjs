// The settings column in Russian and Chinese (issue 13): the parameters' labels and groups, the preset picker (titles,
// description, status), the controls' marks and the guided walk come from i18n/<lang>.json, the document says its
// language, and axe finds no violations. The texts are read from the catalogues, not written here.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serve, launch, watch, waitReady, ROOT } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const catalogue = (lang) => JSON.parse(fs.readFileSync(path.join(ROOT, 'i18n', `${lang}.json`), 'utf8'));

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

async function open(fragment) {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const watcher = watch(page);
  await page.goto(site.url + fragment);
  await waitReady(page, watcher);
  return { page, context };
}

async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
  return violations;
}

const squash = (text) => (text ?? '').replace(/\s+/g, ' ').trim();

for (const lang of ['ru', 'zh']) {
  test(`the settings column in ${lang}: labels, groups, presets, marks and the walk`, async () => {
    const t = catalogue(lang);
    const en = catalogue('en');
    const { page, context } = await open(`#v=1&p=kremlin-2030&sanctions=0.5&lang=${lang}`);
    assert.equal(await page.getAttribute('html', 'lang'), lang);

    // Labels and group titles.
    assert.equal(squash(await page.textContent('label[for="param-sanctions"]')), t['param.sanctions.label']);
    assert.equal(squash(await page.textContent('label[for="param-ru_plan_share"]')), t['param.ru-plan-share.label']);
    assert.notEqual(t['param.sanctions.label'], en['param.sanctions.label']);
    assert.ok(squash(await page.textContent('#group-sanctions')).startsWith(t['param.group.sanctions']));
    assert.ok(squash(await page.textContent('#group-advanced')).startsWith(t['param.group.advanced']));

    // The preset picker: titles, the description, the link and the status of one changed value.
    const titles = await page.$$eval('#preset option', (options) => options.map((o) => o.textContent.trim()));
    assert.equal(titles[0], t['preset.baseline.title']);
    assert.ok(titles.includes(t['preset.kremlin-2030.title']));
    assert.equal(squash(await page.textContent('#preset-description')), t['preset.kremlin-2030.description']);
    assert.equal(squash(await page.textContent('#preset-heading')), t['preset.heading']);
    assert.equal(squash(await page.textContent('#changed-count')), t['preset.status.one']);
    assert.equal(squash(await page.textContent('#reset-preset')), t['preset.reset']);

    // The changed mark beside the moved slider, and the value's unit in the reader's language.
    const mark = squash(await page.textContent('#param-sanctions ~ .changed-mark'));
    assert.ok(mark.startsWith(t['control.changed']), mark);
    const years = squash(await page.textContent('#value-ru_ramp_years'));
    assert.ok(!/year/.test(years), `the ramp's value has no English unit: ${years}`);
    assert.equal(await page.getAttribute('[role="group"].choices', 'aria-label'), t['control.reserves.label']);

    // The walk.
    assert.equal(squash(await page.textContent('#walk-start')), t['walk.start']);
    await page.click('#walk-start');
    await page.waitForSelector('#walk-heading');
    const heading = squash(await page.textContent('#walk-heading'));
    assert.ok(heading.endsWith(t['preset.baseline.title']), heading);
    const bold = await page.$$eval('#walk b', (items) => items.map((b) => b.textContent.trim()));
    const boldTexts = [...t['walk.text'].matchAll(/<b>(.*?)<\/b>/g)].map((m) => m[1].trim());
    assert.deepEqual(bold, boldTexts);
    assert.equal(squash(await page.textContent('#walk-next')), t['walk.next']);
    assert.equal(squash(await page.textContent('.walk-note')), t['walk.note']);

    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
}
