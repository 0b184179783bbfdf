// End-to-end: the parts of the page's own HTML (index.html, not the WebAssembly, and the fixed markup the WebAssembly
// renders from index.html's templates) in Russian and Chinese. A link's
// lang= puts them in that language with <html lang>; the language switch puts them back in English and on to another
// language; they open offline from the service worker's cache; axe finds nothing wrong; and at 360 px nothing in the
// header or the glossary is wider than the page. Expected texts come from i18n/<lang>.json (the `static.*` keys).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT, DIST, serve, launch, launchPersistent, watch, waitReady, waitControlled, axeViolations, pastEdge } from './harness.mjs';

const TEXTS = Object.fromEntries(['en', 'ru', 'zh'].map((lang) => [lang, JSON.parse(readFileSync(path.join(ROOT, 'i18n', `${lang}.json`), 'utf8'))]));
const SCENARIO = '#v=1&p=baseline';
/** The slider whose help the tests read (its help links to the glossary). */
const PARAM = 'sanctions';

/**
 * Text content of an HTML fragment: tags dropped, the entities the texts use decoded, white space removed (the built
 * index.html is minified, so the page's own English has less white space between tags than en.json).
 */
function plain(html) {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, '');
}

/** The inner HTML of the first `<tag id="id">` in an HTML fragment (no nesting of the same tag inside). */
function inner(html, tag, id) {
  const match = new RegExp(`<${tag} id="${id}">([\\s\\S]*?)</${tag}>`).exec(html);
  assert.ok(match, `<${tag} id="${id}"> in the text`);
  return match[1];
}

/** What the page should show in `lang`: texts compared as plain text, and the aria-labels as written. */
function expected(lang) {
  const t = TEXTS[lang];
  return {
    tagline: plain(t['static.html.tagline']),
    glossaryTitle: plain(inner(t['static.html.glossary'], 'h2', 'glossary-title')),
    glossary: plain(t['static.html.glossary']),
    siteNav: plain(t['static.html.site-nav']),
    siteNavLabel: t['static.label.site-nav'],
    skipLabel: t['static.label.skip-links'],
    sourcesTitle: plain(t['static.html.sources-title']),
    helpTemplate: plain(t[`static.html.help-src-${PARAM}`]),
    help: plain(inner(t[`static.html.help-src-${PARAM}`], 'p', `help-${PARAM}`)),
    // Fixed markup the WebAssembly renders from the page's templates (src/app/mod.rs `markup`).
    downloadsHeading: plain(inner(t['static.html.m-downloads'], 'h2', 'downloads-heading')),
    savedHeading: plain(inner(t['static.html.m-saved'], 'h2', 'saved-heading')),
  };
}

/** The same parts as the page shows them now. */
function shown(page) {
  return page.evaluate((param) => {
    const text = (id) => (document.getElementById(id)?.textContent || '').replace(/\s+/g, '');
    return {
      lang: document.documentElement.lang,
      tagline: text('tagline'),
      glossaryTitle: text('glossary-title'),
      glossary: text('glossary'),
      siteNav: text('site-nav'),
      siteNavLabel: document.getElementById('site-nav')?.getAttribute('aria-label'),
      skipLabel: document.getElementById('skip-links')?.getAttribute('aria-label'),
      sourcesTitle: text('sources-title'),
      helpTemplate: (document.getElementById(`help-src-${param}`)?.content.textContent || '').replace(/\s+/g, ''),
      help: text(`help-${param}`),
      downloadsHeading: text('downloads-heading'),
      savedHeading: text('saved-heading'),
    };
  }, PARAM);
}

/**
 * Waits until the page is in `lang` (its <html lang> and its tagline), then compares every part with the texts (but
 * those named in `skip`).
 */
async function assertIn(page, lang, what = '', skip = []) {
  const want = expected(lang);
  await page
    .waitForFunction(
      ([id, tagline, heading]) => {
        const text = (element) => (document.getElementById(element)?.textContent || '').replace(/\s+/g, '');
        return document.documentElement.lang === id && text('tagline') === tagline && text('downloads-heading') === heading;
      },
      [lang, want.tagline, want.downloadsHeading],
      { timeout: 10_000 },
    )
    .catch(() => {});
  const got = await shown(page);
  assert.equal(got.lang, lang, `${what}<html lang> is ${lang}`);
  for (const key of Object.keys(want)) if (!skip.includes(key)) assert.equal(got[key], want[key], `${what}${key} in ${lang}`);
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

/** Opens the page at `fragment` in a fresh context and waits until it is ready. */
async function open(fragment, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const watcher = watch(page);
  await page.goto(site.url + fragment);
  await waitReady(page, watcher);
  return { page, context, watcher };
}

test('the texts differ by language (else the tests below would prove nothing)', () => {
  for (const lang of ['ru', 'zh']) {
    const [want, english] = [expected(lang), expected('en')];
    for (const key of Object.keys(want)) assert.notEqual(want[key], english[key], `${key} in ${lang} is not the English`);
  }
});

for (const lang of ['ru', 'zh']) {
  test(`a link with lang=${lang} shows the page's own parts in ${lang}`, async () => {
    const { page, context, watcher } = await open(`${SCENARIO}&lang=${lang}`);
    await assertIn(page, lang);
    // The glossary's terms keep their ids: the page's links point to them.
    const ids = await page.evaluate(() => [...document.querySelectorAll('#glossary dt')].map((dt) => dt.id));
    const english = [...TEXTS.en['static.html.glossary'].matchAll(/<dt id="([\w-]+)">/g)].map((m) => m[1]);
    assert.deepEqual(ids, english, 'the glossary terms keep their ids');
    const link = await page.getAttribute(`#help-${PARAM} a`, 'href');
    assert.ok(ids.includes(link.slice(1)), `the slider's help links to a glossary term (${link})`);
    assert.deepEqual(await watcher.problems(), []);
    await context.close();
  });
}

/** Opens the page in Russian, then switches it to English, Chinese and back to Russian; `skip` as for assertIn. */
async function switching(skip) {
  const { page, context, watcher } = await open(`${SCENARIO}&lang=ru`);
  await assertIn(page, 'ru', 'at first: ');
  await page.selectOption('#lang', 'en');
  await assertIn(page, 'en', 'after switching to English: ', skip);
  await page.selectOption('#lang', 'zh');
  await assertIn(page, 'zh', 'after switching to Chinese: ', skip);
  await page.selectOption('#lang', 'ru');
  await assertIn(page, 'ru', 'after switching back to Russian: ', skip);
  assert.deepEqual(await watcher.problems(), []);
  await context.close();
}

// The sliders' help templates switch (helpTemplate); the help the sliders show is checked below.
test('the language switch puts the English back, and then Chinese', () => switching(['help']));

test("the sliders' help follows a language switch", () => switching([]));

test('offline after a first visit: the page opens in Russian and in Chinese from the cache', async () => {
  const persistent = await launchPersistent();
  try {
    const { context } = persistent;
    const page = await context.newPage();
    const watcher = watch(page);
    await page.goto(site.url + SCENARIO);
    await waitReady(page, watcher);
    await waitControlled(page);
    // The precache holds every built file, the languages' texts included.
    const cached = await page.evaluate(async () => {
      const names = (await caches.keys()).filter((n) => n.startsWith('ree-outlook|'));
      const urls = [];
      for (const name of names) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
      return urls;
    });
    const i18n = readdirSync(path.join(DIST, 'i18n')).map((name) => `/i18n/${name}`);
    for (const file of ['/i18n/ru.json', '/i18n/zh.json', '/i18n/ru.static.json', '/i18n/zh.static.json']) assert.ok(i18n.includes(file), `the build has ${file}`);
    assert.deepEqual(i18n.filter((file) => !cached.includes(file)), [], 'every file of dist/i18n is precached');

    const before = site.requests.length;
    await context.setOffline(true);
    try {
      for (const lang of ['ru', 'zh']) {
        const other = await context.newPage();
        const otherWatcher = watch(other);
        await other.goto(`${site.url}${SCENARIO}&lang=${lang}`);
        await waitReady(other, otherWatcher);
        await assertIn(other, lang, 'offline: ');
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


for (const lang of ['ru', 'zh']) {
  test(`axe: no violations with lang=${lang}`, async () => {
    const { page, context } = await open(`${SCENARIO}&lang=${lang}`, { bypassCSP: true });
    await assertIn(page, lang);
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });

  test(`at 360 px wide nothing in the header or the glossary is wider than the page (${lang})`, async () => {
    const { page, context } = await open(`${SCENARIO}&lang=${lang}`, { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    await assertIn(page, lang);
    const result = await pastEdge(page, '.site-header, .site-header *, #glossary, #glossary *');
    assert.equal(result.width, 360, 'the page is 360 px wide');
    assert.deepEqual(result.over, [], 'elements past the page edge');
    assert.ok(result.scrollWidth <= 360, `the page scrolls sideways: ${result.scrollWidth} px`);
    await context.close();
  });
}
