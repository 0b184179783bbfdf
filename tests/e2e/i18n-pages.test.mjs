// End-to-end: the parts of the site outside the calculator's WebAssembly in Russian and Chinese. The all-claims pages
// claims.ru.html and claims.zh.html (their <html lang>, headings, numbers in the language's style, their own charts,
// links to the calculator and to each other; no axe violations; nothing wider than a 360 px phone), the track record
// in the calculator, the manifest the page links in each language, and the claims pages offline from the service
// worker's cache. Expected texts come from i18n/<lang>.json.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, serve, launch, launchPersistent, watch, waitReady, waitControlled, axeViolations } from './harness.mjs';

const TEXTS = Object.fromEntries(['en', 'ru', 'zh'].map((lang) => [lang, JSON.parse(readFileSync(path.join(ROOT, 'i18n', `${lang}.json`), 'utf8'))]));
const PAGE = { en: 'claims.html', ru: 'claims.ru.html', zh: 'claims.zh.html' };
/** A share as each language writes it in a table cell: "12,3%" in Russian, "12.3%" in English and Chinese. */
const SHARE = { en: /^\d+\.\d%$/, ru: /^\d+,\d%$/, zh: /^\d+\.\d%$/ };
const SCENARIO = '#v=1&p=baseline';

/** The text of the first `<h2 id="track-record-title">` of a language's track record, white space removed. */
function trackTitle(lang) {
  const html = TEXTS[lang]['static.html.track-record'];
  const match = /<h2 id="track-record-title">([^<]*)<\/h2>/.exec(html);
  assert.ok(match, `${lang}: the track record has its title`);
  return match[1].replace(/\s+/g, '');
}

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

/** Opens a language's all-claims page with every chart loaded (the later ones load lazily, as the reader nears them). */
async function openClaims(lang, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const watcher = watch(page);
  await page.goto(site.url + PAGE[lang]);
  for (const image of await page.locator('img').all()) {
    await image.scrollIntoViewIfNeeded();
    await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await image.elementHandle());
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  return { context, page, watcher };
}

test('the texts differ by language (else the tests below would prove nothing)', () => {
  for (const lang of ['ru', 'zh']) {
    for (const key of ['claims.title', 'claims.presets-heading', 'manifest.name', 'track-record.title']) {
      assert.notEqual(TEXTS[lang][key], TEXTS.en[key], `${key} in ${lang}`);
    }
    assert.notEqual(trackTitle(lang), trackTitle('en'));
  }
});

for (const lang of ['ru', 'zh']) {
  test(`${PAGE[lang]} is in its language, with its own charts, links to the calculator in it and to the other languages`, async () => {
    const { context, page, watcher } = await openClaims(lang);
    const got = await page.evaluate(() => ({
      lang: document.documentElement.lang,
      h1: document.querySelector('h1').textContent,
      presets: document.getElementById('presets-heading').textContent,
      cells: [...document.querySelectorAll('#mining tbody td')].map((td) => td.textContent),
      charts: [...document.images].map((img) => new URL(img.currentSrc).pathname),
      calculator: [...document.querySelectorAll('a[href^="./#v=1"]')].map((a) => a.getAttribute('href')),
      switch: [...document.querySelectorAll('.claims-langs a')].map((a) => [a.getAttribute('hreflang'), a.getAttribute('href'), a.hasAttribute('aria-current')]),
    }));
    assert.equal(got.lang, lang, '<html lang>');
    assert.equal(got.h1, TEXTS[lang]['claims.title']);
    assert.equal(got.presets, TEXTS[lang]['claims.presets-heading']);
    const shares = got.cells.filter((cell) => /%$/.test(cell) && /\d[.,]\d/.test(cell));
    assert.ok(shares.length > 10, `shares in the mining table: ${got.cells.join(' | ')}`);
    for (const cell of shares) assert.match(cell, SHARE[lang], `a share written in ${lang}'s style`);
    assert.equal(got.charts.length, 3);
    for (const chart of got.charts) assert.match(chart, new RegExp(`^/claims/\\w+\\.${lang}\\.svg$`), 'the language\'s own chart');
    assert.ok(got.calculator.length >= 9 * 4, `${got.calculator.length} links to the calculator`);
    for (const link of got.calculator) assert.match(link, new RegExp(`&lang=${lang}&d=\\d{4}\\.\\d+$`), link);
    assert.deepEqual(got.switch, ['en', 'ru', 'zh'].map((id) => [id, PAGE[id], id === lang]));
    // The charts' words are the language's (the SVG's own text, not only the page's).
    const svg = await (await page.request.get(`${site.url}claims/mining.${lang}.svg`)).text();
    assert.ok(svg.includes(TEXTS[lang]['claims.chart-x-axis']), 'the chart\'s x axis in the language');
    assert.deepEqual(await watcher.problems(), []);
    // The switch leads to the English page.
    await Promise.all([page.waitForURL(/\/claims\.html$/), page.click('.claims-langs a[hreflang="en"]')]);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
    await context.close();
  });

  test(`a preset on ${PAGE[lang]} opens the calculator in ${lang}, whose link leads back to ${PAGE[lang]}`, async () => {
    const { context, page, watcher } = await openClaims(lang);
    await page.locator('#separation tbody tr th a').nth(2).click();
    await waitReady(page, watcher);
    assert.match(page.url(), new RegExp(`st=separation.*lang=${lang}|lang=${lang}.*st=separation`));
    await page.waitForFunction((id) => document.documentElement.lang === id, lang);
    assert.equal(await page.locator('.preset-all a').getAttribute('href'), PAGE[lang]);
    // The site navigation under the page links there too, and says that the method page is in English.
    assert.equal(await page.locator('#site-nav a').first().getAttribute('href'), PAGE[lang]);
    const method = await page.locator('#site-nav a[href="method.html"]').textContent();
    assert.match(method, lang === 'ru' ? /\(на английском\)$/ : /（英文）$/);
    assert.deepEqual(await watcher.problems(), []);
    await context.close();
  });

  test(`axe: no violations on ${PAGE[lang]}`, async () => {
    const { context, page } = await openClaims(lang, { bypassCSP: true });
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });

  test(`at 360 px wide nothing on ${PAGE[lang]} is wider than the page (tables scroll in their own box)`, async () => {
    const { context, page } = await openClaims(lang, { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const result = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const over = [];
      for (const element of document.querySelectorAll('body *')) {
        if (element.parentElement.closest('.table-wrap')) continue;
        const box = element.getBoundingClientRect();
        if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)) over.push(`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} ${Math.round(box.left)}..${Math.round(box.right)}`);
      }
      const narrow = [...document.images].map((img) => new URL(img.currentSrc).pathname);
      return { width, scrollWidth: document.documentElement.scrollWidth, over: over.slice(0, 10), narrow };
    });
    assert.equal(result.width, 360);
    assert.deepEqual(result.over, [], 'elements past the page edge');
    assert.ok(result.scrollWidth <= 360, `the page scrolls sideways: ${result.scrollWidth} px`);
    for (const chart of result.narrow) assert.match(chart, new RegExp(`-narrow\\.${lang}\\.svg$`), 'the phone\'s picture');
    await context.close();
  });

  test(`the calculator's track record in ${lang}, with the language's numbers`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const watcher = watch(page);
    await page.goto(`${site.url}${SCENARIO}&lang=${lang}`);
    await waitReady(page, watcher);
    const title = () => page.evaluate(() => document.getElementById('track-record-title')?.textContent.replace(/\s+/g, ''));
    await page.waitForFunction((want) => document.getElementById('track-record-title')?.textContent.replace(/\s+/g, '') === want, trackTitle(lang), { timeout: 10_000 }).catch(() => {});
    assert.equal(await title(), trackTitle(lang));
    const got = await page.evaluate(() => ({
      head: [...document.querySelectorAll('#track-record-table thead th')].map((th) => th.textContent),
      stage: document.querySelector('#track-record-table tbody th').textContent,
      cells: [...document.querySelectorAll('#track-record-table tbody td')].map((td) => td.textContent),
      label: document.querySelector('#track-record .table-wrap').getAttribute('aria-label'),
      summary: document.querySelector('.track-record-summary li').textContent,
    }));
    assert.equal(got.head[0], TEXTS[lang]['track-record.col.stage']);
    assert.equal(got.stage, TEXTS[lang]['stage.mining']);
    assert.equal(got.label, TEXTS[lang]['track-record.table-label']);
    const shares = got.cells.filter((cell) => /%$/.test(cell));
    assert.ok(shares.length >= 20, got.cells.join(' | '));
    for (const cell of shares) assert.match(cell, SHARE[lang], `a share written in ${lang}'s style`);
    const errors = got.cells.filter((cell) => /^[+-]/.test(cell));
    assert.ok(errors.length >= 10 && errors.every((cell) => (lang === 'ru' ? /^[+-]\d+,\d$/ : /^[+-]\d+\.\d$/).test(cell)), errors.join(' | '));
    assert.ok(got.summary.includes(lang === 'ru' ? 'п. п.' : '百分点'), got.summary);
    // Back in English, the English section returns.
    await page.selectOption('#lang', 'en');
    await page.waitForFunction((want) => document.getElementById('track-record-title')?.textContent.replace(/\s+/g, '') === want, trackTitle('en'), { timeout: 10_000 }).catch(() => {});
    assert.equal(await title(), trackTitle('en'));
    assert.deepEqual(await watcher.problems(), []);
    await context.close();
  });
}

test('the page links the manifest in its language, and Chromium reads each without errors', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const watcher = watch(page);
  await page.goto(`${site.url}${SCENARIO}&lang=ru`);
  await waitReady(page, watcher);
  const cdp = await context.newCDPSession(page);
  const linked = () => page.evaluate(() => document.querySelector('link[rel=manifest]').getAttribute('href'));
  const manifest = async (lang, file) => {
    await page.waitForFunction((want) => document.querySelector('link[rel=manifest]').getAttribute('href') === want, file, { timeout: 10_000 }).catch(() => {});
    assert.equal(await linked(), file, `the manifest linked in ${lang}`);
    // Chromium picks the new link up by itself; poll until it reports that file.
    let got;
    for (let tries = 0; tries < 50; tries += 1) {
      got = await cdp.send('Page.getAppManifest');
      if (got.url.endsWith(`/${file}`) && got.data) break;
      await page.waitForTimeout(100);
    }
    assert.ok(got.url.endsWith(`/${file}`), `Chromium reads ${got.url}`);
    assert.deepEqual(got.errors, [], `${file} parses without errors`);
    const parsed = JSON.parse(got.data);
    assert.equal(parsed.name, TEXTS[lang]['manifest.name']);
    assert.equal(parsed.short_name, TEXTS[lang]['manifest.short-name']);
    assert.equal(parsed.description, TEXTS[lang]['manifest.description']);
    assert.equal(parsed.lang, lang);
    assert.equal(parsed.id, './', 'the same app in every language');
    assert.equal(parsed.start_url, lang === 'en' ? './' : `./#lang=${lang}`);
  };
  await manifest('ru', 'manifest.ru.webmanifest');
  await page.selectOption('#lang', 'zh');
  await manifest('zh', 'manifest.zh.webmanifest');
  await page.selectOption('#lang', 'en');
  await manifest('en', 'manifest.webmanifest');
  assert.deepEqual(await watcher.problems(), []);
  await context.close();
});

test('offline after a first visit of the calculator: the claims pages in Russian and Chinese open from the cache', async () => {
  const persistent = await launchPersistent();
  try {
    const { context } = persistent;
    const page = await context.newPage();
    const watcher = watch(page);
    await page.goto(site.url + SCENARIO);
    await waitReady(page, watcher);
    await waitControlled(page);
    const cached = await page.evaluate(async () => {
      const names = (await caches.keys()).filter((n) => n.startsWith('ree-outlook|'));
      const urls = [];
      for (const name of names) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      return urls;
    });
    for (const file of ['/claims.ru.html', '/claims.zh.html', '/claims/mining.ru.svg', '/claims/magnets-narrow.zh.svg', '/manifest.ru.webmanifest', '/manifest.zh.webmanifest']) {
      assert.ok(cached.includes(file), `${file} is precached`);
    }
    const before = site.requests.length;
    await context.setOffline(true);
    try {
      for (const lang of ['ru', 'zh']) {
        const other = await context.newPage();
        const otherWatcher = watch(other);
        await other.goto(site.url + PAGE[lang]);
        for (const image of await other.locator('img').all()) {
          await image.scrollIntoViewIfNeeded();
          await other.waitForFunction((img) => img.complete && img.naturalWidth > 0, await image.elementHandle());
        }
        assert.equal(await other.locator('h1').innerText(), TEXTS[lang]['claims.title']);
        assert.equal(await other.evaluate(() => document.documentElement.lang), lang);
        assert.deepEqual(await otherWatcher.problems(), []);
        await other.close();
      }
    } finally {
      await context.setOffline(false);
    }
    assert.equal(site.requests.length, before, 'nothing reached the server while offline');
    await page.close();
  } finally {
    await persistent.close();
  }
});
