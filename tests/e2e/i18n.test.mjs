// End-to-end tests of the page's languages (issue 13), the frame: which language a link opens in (its lang=, else the
// browser's preference), the switch and the link that keeps it, an unknown value's notice, numbers in the reader's style,
// the document's lang and title, a chart drawn again in the new language, and axe in each language. The texts expected
// are read from i18n/*.json, so the test follows the translators' files.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serve, launch, watch, waitReady, ROOT, axeViolations } from './harness.mjs';

const texts = Object.fromEntries(['en', 'ru', 'zh'].map((lang) => [lang, JSON.parse(fs.readFileSync(path.join(ROOT, 'i18n', `${lang}.json`), 'utf8'))]));

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

async function open(fragment, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const watcher = watch(page);
  await page.goto(site.url + fragment);
  await waitReady(page, watcher);
  return { page, context, watcher };
}

const shown = (page) =>
  page.evaluate(() => ({
    lang: document.documentElement.lang,
    title: document.title,
    chosen: document.getElementById('lang').value,
    legend: document.querySelector('.stage-switch legend').textContent,
    big: document.querySelector('.headline-main .big')?.textContent ?? '',
    hash: location.hash,
    notices: document.getElementById('notices')?.textContent ?? '',
  }));

test('a link with lang=ru or lang=zh opens in that language, whatever the browser prefers', async () => {
  for (const lang of ['ru', 'zh']) {
    const { page, context, watcher } = await open(`#v=1&p=kremlin-2030&lang=${lang}&d=2025.1`, { locale: 'en-US' });
    const now = await shown(page);
    assert.equal(now.lang, lang);
    assert.equal(now.title, texts[lang]['page.title']);
    assert.equal(now.chosen, lang);
    assert.equal(now.legend, texts[lang]['switch.stage.legend']);
    assert.match(now.hash, new RegExp(`&lang=${lang}&`), 'the link keeps the language');
    assert.deepEqual(await watcher.problems(), [], lang);
    await context.close();
  }
});

test('a link without lang opens in the browser\'s language, and a switch is kept in the link', async () => {
  const { page, context } = await open('#v=1&p=baseline&d=2025.1', { locale: 'ru-RU' });
  let now = await shown(page);
  assert.equal(now.lang, 'ru');
  assert.doesNotMatch(now.hash, /lang=/, 'the browser\'s own language is not written into the link');
  // Russian numbers: a decimal comma in the headline's share.
  assert.match(now.big, /^\d+,\d%$/, now.big);
  const before = await page.evaluate(() => document.getElementById('chart-share').dataset.draws);
  await page.selectOption('#lang', 'zh');
  await page.waitForFunction(() => document.documentElement.lang === 'zh');
  now = await shown(page);
  assert.equal(now.legend, texts.zh['switch.stage.legend']);
  assert.match(now.hash, /&lang=zh&/);
  assert.match(now.big, /^\d+\.\d%$/, now.big);
  // The chart is drawn again, in the new language.
  await page.waitForFunction((b) => document.getElementById('chart-share').dataset.draws !== b, before);
  // Discrete changes less than a second apart share one history entry; a reader's next choice comes later.
  await page.waitForTimeout(1_100);
  await page.selectOption('#lang', 'en');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  now = await shown(page);
  assert.equal(now.legend, texts.en['switch.stage.legend']);
  assert.equal(now.title, texts.en['page.title']);
  assert.match(now.hash, /&lang=en&/);
  // Back goes to the Chinese page.
  await page.goBack();
  await page.waitForFunction(() => document.documentElement.lang === 'zh');
  await context.close();
});

test('an unknown language in a link gets a notice and English', async () => {
  const { page, context } = await open('#v=1&p=baseline&lang=xx&d=2025.1', { locale: 'zh-CN' });
  const now = await shown(page);
  assert.equal(now.lang, 'en');
  assert.equal(now.legend, texts.en['switch.stage.legend']);
  assert.ok(now.notices.includes(texts.en['lang.unknown'].replace('{value}', "'xx'")), now.notices);
  await context.close();
});

test('axe finds no violations in Russian and in Chinese', async () => {
  for (const lang of ['ru', 'zh']) {
    const { page, context } = await open(`#v=1&p=baseline&lang=${lang}&d=2025.1`, { bypassCSP: true });
    assert.deepEqual(await axeViolations(page), [], lang);
    await context.close();
  }
});
