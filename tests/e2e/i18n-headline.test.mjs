// End-to-end checks of the headline in Russian and Chinese (issue 13): with lang= in the link the page sets <html lang>,
// the headline's texts come from i18n/<lang>.json (read here, never written out), the big number follows the reader's
// number style (a decimal comma in Russian), and axe finds no violations.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serve, launch, ROOT, watch, waitReady } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const texts = (lang) => JSON.parse(readFileSync(path.join(ROOT, 'i18n', `${lang}.json`), 'utf8'));

/** The longest fixed part of a template (the text between its {named} values), which the page must show as it is. */
const fixedPart = (template) => template.split(/\{\w+\}/).reduce((a, b) => (b.length > a.length ? b : a), '');

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

for (const [lang, decimal] of [['ru', /^\d+,\d%$/], ['zh', /^\d+\.\d%$/]]) {
  test(`the headline in ${lang}: texts from i18n/${lang}.json, number style, lang and axe`, async () => {
    const t = texts(lang);
    const en = texts('en');
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const watcher = watch(page);
    await page.goto(`${site.url}#v=1&p=kremlin-2030&mc=200&seed=7&lang=${lang}`);
    await waitReady(page, watcher);
    assert.equal(await page.getAttribute('html', 'lang'), lang);

    assert.equal((await page.textContent('#headline-heading')).trim(), t['headline.heading']);
    assert.equal((await page.textContent('#headline summary')).trim(), t['headline.more']);
    const main = await page.textContent('#headline-russia');
    assert.ok(main.includes(t['headline.measure.separation']), main);
    assert.ok(!main.includes(en['headline.measure.separation']), `no English left: ${main}`);
    assert.match((await page.textContent('#headline-russia .big')).trim(), decimal);
    const stages = await page.textContent('#headline-stages');
    for (const key of ['headline.unit.mining', 'headline.unit.separation', 'headline.unit.magnets']) {
      assert.ok(stages.includes(t[key]), `${key} in ${stages}`);
    }
    assert.equal(await page.getAttribute('#headline-stages', 'aria-label'), t['headline.stages.label']);
    assert.ok((await page.textContent('#headline-china')).includes(fixedPart(t['headline.china'])));
    assert.ok((await page.textContent('.headline-claim')).includes(t['headline.claim']));
    assert.equal((await page.textContent('#headline-trusted a')).trim(), t['headline.milestone.link']);
    // The odds, once worked out, in the language's own sentence.
    await page.waitForSelector('#headline-probability[aria-busy="false"]', { timeout: 20_000 });
    assert.ok((await page.textContent('#headline-probability')).includes(fixedPart(t['headline.chance'])));

    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, []);
    assert.deepEqual(watcher.errors, []);
    await context.close();
  });
}
