// End-to-end tests of the charts' languages (issue 13): with lang=ru and lang=zh, a chart's title, its text
// alternative and glossary link, its toolbar, the values shown on hover and a downloaded SVG's title and provenance are
// in that language. The texts expected are read from i18n/*.json, so the test follows the translators' files.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { serve, launch, watch, waitReady, ROOT } from './harness.mjs';

const texts = Object.fromEntries(['en', 'ru', 'zh'].map((lang) => [lang, JSON.parse(fs.readFileSync(path.join(ROOT, 'i18n', `${lang}.json`), 'utf8'))]));

/** A template's text before its first `{name}`. */
const lead = (template) => template.split('{')[0];

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
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'en-US' });
  const page = await context.newPage();
  const watcher = watch(page);
  await page.goto(site.url + fragment);
  await waitReady(page, watcher);
  return { page, context, watcher };
}

/** The values tip of chart `id` once it shows a year. */
async function tipAfterKey(page, id, key) {
  const canvas = page.locator(`#chart-${id}`);
  await canvas.scrollIntoViewIfNeeded();
  await canvas.focus();
  await page.keyboard.press(key);
  await page.waitForFunction((id) => /^\d{4}/.test(document.querySelector(`#figure-${id} .chart-tip`).textContent), id);
  return page.locator(`#figure-${id} .chart-tip`).textContent();
}

for (const lang of ['ru', 'zh']) {
  test(`the charts speak ${lang}: titles, text alternatives, toolbar, values on hover and the SVG download`, async () => {
    const t = texts[lang];
    const { page, context, watcher } = await open(`#v=1&p=price-war&lang=${lang}&d=2025.1`);
    const shown = await page.evaluate(() => ({
      share: document.getElementById('chart-share-title').textContent,
      hhi: document.getElementById('chart-hhi-title').textContent,
      hhiText: document.getElementById('chart-hhi-description').textContent,
      hhiLink: document.querySelector('#chart-hhi-description a').textContent,
      feedText: document.getElementById('chart-feed-description').textContent,
      gapText: document.getElementById('chart-gap-description').textContent,
      download: document.querySelector('#figure-share .download-label').textContent,
      svgLabel: document.getElementById('download-svg-share').getAttribute('aria-label'),
      copy: document.getElementById('copy-image-share').textContent,
    }));
    assert.equal(shown.share, t['chart.kind.share']);
    assert.equal(shown.hhi, t['chart.kind.hhi']);
    assert.ok(shown.hhiText.startsWith(t['chart.describe.hhi']), shown.hhiText);
    assert.equal(shown.hhiLink, t['chart.glossary.hhi']);
    assert.ok(shown.feedText.startsWith(lead(t['chart.describe.feed'])), shown.feedText);
    assert.ok(shown.gapText.startsWith(lead(t['chart.describe.gap'])), shown.gapText);
    assert.ok(!shown.hhiText.includes(texts.en['chart.describe.hhi']));
    assert.equal(shown.download, t['chart.download']);
    assert.equal(shown.svgLabel, t['chart.download.svg'].replace('{chart}', t['chart.kind.share']));
    assert.equal(shown.copy, t['chart.copy-image']);

    // Values on hover (here the keys' year cursor): the series' words and units in the language.
    const feed = (await tipAfterKey(page, 'feed', 'End')).split('\n');
    assert.ok(feed[1].startsWith(`${t['chart.feed.need']} `), feed.join(' | '));
    assert.ok(feed[1].endsWith(` ${t['stage.mining.unit']}`), feed.join(' | '));
    assert.ok(feed.some((line) => line.startsWith(`${t['chart.feed.unmet']} `)), feed.join(' | '));
    const gap = (await tipAfterKey(page, 'gap', 'End')).split('\n');
    assert.ok(gap[1].startsWith(`${t['chart.values.gap']} `), gap.join(' | '));
    assert.ok(gap[2].startsWith(`${t['chart.values.gap-share']} `), gap.join(' | '));
    const share = (await tipAfterKey(page, 'share', 'Home')).split('\n');
    assert.ok(share[0].endsWith(t['chart.values.published']), share.join(' | '));
    assert.ok(share.some((line) => line.startsWith(`${t['region.china']} `)), share.join(' | '));

    // A downloaded SVG: its title and provenance in the language.
    await page.locator('#download-svg-hhi').scrollIntoViewIfNeeded();
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download-svg-hhi')]);
    const svg = await readFile(await download.path(), 'utf8');
    assert.ok(svg.includes(`>\n${t['chart.hhi.title']}\n</text>`), 'the SVG title');
    assert.ok(svg.includes(`\n${t['chart.year']}\n</text>`), 'the x axis title');
    assert.ok(svg.includes(lead(t['chart.provenance'])), 'the provenance');
    assert.ok(!svg.includes(texts.en['chart.hhi.title']));
    assert.deepEqual(await watcher.problems(), [], lang);
    await context.close();
  });
}
