// End-to-end checks of issue 12: the embed view (a link's `embed=<chart>`: the headline, that one chart and a link to
// the whole calculator, for an article's <iframe>), under a sub-path and inside an iframe on another local page with
// no CSP violation; an unknown chart's notice; "Copy embed code" (an <iframe> snippet whose address opens the same
// scenario in the embed view) and "Copy image" (a PNG of the chart with its provenance below) on the clipboard, with
// their fallbacks; and axe in the embed view.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { serve, launch, watch, waitReady, canvasStats, looksDrawn, CHARTS } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const DATA = 'd=2025.1';
const SCENARIO = `v=1&p=skeptic&st=mining&fr=china`;
/** What every page keeps out of the embed view. */
const HIDDEN = ['#settings', '.toolbar', '#projection-table-area', '.share', '.downloads', '#analysis', '.site-footer', '.tagline', '.appendix', '.skip-links', '#budget-heading'];

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

/** Opens `url` in a fresh context (`options` for it) and waits until the page is ready. */
async function open(url, options = {}) {
  const context = await browser.newContext({ viewport: { width: 800, height: 800 }, ...options });
  const page = await context.newPage();
  const watcher = watch(page);
  await page.goto(url);
  await waitReady(page, watcher);
  return { context, page, watcher };
}

/** Which of `selectors` are visible in `page` (or a frame). */
async function visible(page, selectors) {
  const shown = [];
  for (const selector of selectors) {
    const locator = page.locator(selector);
    if ((await locator.count()) > 0 && (await locator.first().isVisible())) shown.push(selector);
  }
  return shown;
}

/** The page's charts, by figure id, that are visible. */
const visibleCharts = (page) => visible(page, CHARTS.map((id) => `#figure-${id.slice('chart-'.length)}`));

test('an embed link shows only the headline, the chosen chart and the link to the whole calculator', async () => {
  for (const chart of ['share', 'russia', 'hhi', 'gap', 'feed']) {
    const { context, page, watcher } = await open(`${site.url}#${SCENARIO}&embed=${chart}&${DATA}`);
    assert.deepEqual(await visibleCharts(page), [`#figure-${chart}`], chart);
    assert.deepEqual(await visible(page, ['#headline', '#headline-russia', '.site-header h1', '#open-full']), ['#headline', '#headline-russia', '.site-header h1', '#open-full']);
    assert.deepEqual(await visible(page, [...HIDDEN, '#figure-fan', '#figure-tornado', `#figure-${chart} .download-row`]), [], chart);
    assert.ok(looksDrawn(await canvasStats(page, `chart-${chart}`)), `${chart} is drawn`);
    assert.equal(await page.locator('#notices .notice').count(), 0);
    // The address keeps the embed view (it is part of the link), and the page fits its width.
    assert.ok(page.url().endsWith(`&embed=${chart}&${DATA}`), page.url());
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth));
    assert.deepEqual(await watcher.problems(), []);
    await context.close();
  }
});

test('the full-calculator link opens the same scenario, without the embed view, in a new tab', async () => {
  const { context, page, watcher } = await open(`${site.url}#${SCENARIO}&embed=gap&${DATA}`);
  const full = `${site.url}#${SCENARIO}&${DATA}`;
  const link = page.locator('#open-full');
  assert.equal(await link.evaluate((a) => a.href), full);
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.match(await link.getAttribute('rel'), /noopener/);
  const russia = await page.locator('#headline-russia').getAttribute('data-value');
  const [opened] = await Promise.all([context.waitForEvent('page'), link.click()]);
  await waitReady(opened);
  assert.equal(opened.url(), full);
  assert.equal(await opened.locator('[data-embed]').count(), 0);
  assert.equal(await opened.locator('#headline-russia').getAttribute('data-value'), russia);
  assert.deepEqual(await visible(opened, ['#settings', '.site-footer', '#analysis']), ['#settings', '.site-footer', '#analysis']);
  assert.equal((await visibleCharts(opened)).length, 5);
  assert.equal(await opened.locator('#open-full').isVisible(), false);
  assert.deepEqual(await watcher.problems(), []);
  await context.close();
});

test('an unknown chart to embed gives a notice and the whole page', async () => {
  const { context, page, watcher } = await open(`${site.url}#v=1&p=baseline&embed=pie&${DATA}`);
  assert.match(
    await page.locator('#notices').innerText(),
    /Unknown chart 'pie' to embed; showing the whole calculator \(valid: share, russia, hhi, gap, feed\)\./,
  );
  assert.equal(await page.locator('[data-embed]').count(), 0);
  assert.equal((await visibleCharts(page)).length, 5);
  assert.deepEqual(await visible(page, ['#settings', '.site-footer', '.tagline']), ['#settings', '.site-footer', '.tagline']);
  // The address settles on the link without the key.
  await page.waitForFunction(() => !location.hash.includes('embed'));
  assert.deepEqual(await watcher.problems(), []);
  await context.close();
});

test('the embed view works under a sub-path, inside an iframe on another local page, with no CSP violation', async () => {
  const sub = await serve({ prefix: '/sub/dir/' });
  const src = `${sub.url}#${SCENARIO}&embed=gap&${DATA}`;
  // The article: another origin on 127.0.0.1 that embeds the chart as the copied code does.
  const article = createServer((req, res) => {
    if (req.url !== '/') {
      res.writeHead(204);
      return res.end();
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(`<!doctype html><html lang="en"><title>An article</title><h1>An article</h1><p>Text before.</p>
<iframe src="${src.replaceAll('&', '&amp;')}" title="Rare-Earth Outlook: Supply gap outside China" width="100%" height="720" loading="lazy"></iframe><p>Text after.</p>`);
  });
  await new Promise((resolve) => article.listen(0, '127.0.0.1', resolve));
  try {
    const context = await browser.newContext({ viewport: { width: 900, height: 1000 } });
    const page = await context.newPage();
    const watcher = watch(page);
    await page.goto(`http://127.0.0.1:${article.address().port}/`);
    let frame;
    for (let tries = 0; !frame && tries < 200; tries += 1) {
      frame = page.frames().find((candidate) => candidate.url().startsWith(sub.url));
      if (!frame) await page.waitForTimeout(50);
    }
    assert.ok(frame, page.frames().map((candidate) => candidate.url()).join(', '));
    await frame.waitForFunction(() => window.__reeReady === true, null, { timeout: 20_000 });
    assert.deepEqual(await visibleCharts(frame), ['#figure-gap']);
    assert.deepEqual(await visible(frame, HIDDEN), []);
    assert.ok(looksDrawn(await canvasStats(frame, 'chart-gap')));
    assert.equal(await frame.locator('#open-full').evaluate((a) => a.href), `${sub.url}#${SCENARIO}&${DATA}`);
    // The files came from the sub-path, and the service worker registers there, inside the iframe too.
    assert.ok(sub.requests.some((request) => /^\/sub\/dir\/ree-web-.*\.wasm$/.test(request.path)), 'the module came from the sub-path');
    const scope = await frame.evaluate(() =>
      Promise.race([navigator.serviceWorker.ready.then((registration) => registration.scope), new Promise((resolve) => setTimeout(() => resolve(null), 10_000))]),
    );
    assert.equal(scope, sub.url);
    const csp = await frame.evaluate(() => window.__cspViolations);
    assert.deepEqual(csp, []);
    assert.ok(await frame.evaluate(() => Boolean(document.querySelector('meta[http-equiv="Content-Security-Policy"]'))));
    assert.deepEqual(await watcher.problems(), []);
    await context.close();
  } finally {
    await new Promise((resolve) => article.close(resolve));
    await sub.close();
  }
});

/** A page of the whole calculator at SCENARIO whose clipboard the test may read. */
async function clipboardPage() {
  const opened = await open(`${site.url}#${SCENARIO}&${DATA}`, { viewport: { width: 1280, height: 900 } });
  await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
  return opened;
}

test('"Copy embed code" copies an iframe of the chart whose address opens the same scenario in the embed view', async () => {
  const { context, page, watcher } = await clipboardPage();
  const status = page.locator('#figure-gap .copy-status');
  await page.locator('#copy-embed-gap').click();
  await page.waitForFunction(() => document.querySelector('#figure-gap .copy-status').textContent !== '');
  assert.equal(await status.textContent(), 'Copied.');
  const code = await page.evaluate(() => navigator.clipboard.readText());
  const iframe = await page.evaluate((text) => {
    const parsed = new DOMParser().parseFromString(text, 'text/html').querySelector('iframe');
    return parsed && Object.fromEntries([...parsed.attributes].map((attribute) => [attribute.name, attribute.value]));
  }, code);
  assert.deepEqual(iframe, {
    src: `${site.url}#${SCENARIO}&embed=gap&${DATA}`,
    title: 'Rare-Earth Outlook: Supply gap outside China',
    width: '100%',
    height: '720',
    loading: 'lazy',
  });
  assert.match(code, /^<iframe src="[^"]+" title="[^"]+" width="100%" height="720" loading="lazy"><\/iframe>$/);
  assert.ok(code.includes('&amp;embed=gap&amp;'), code);
  // The address round-trips: it opens the embed view of the same scenario, whose link back is this page's.
  const russia = await page.locator('#headline-russia').getAttribute('data-value');
  const embedded = await context.newPage();
  await embedded.goto(iframe.src);
  await waitReady(embedded);
  assert.equal(embedded.url(), iframe.src);
  assert.deepEqual(await visibleCharts(embedded), ['#figure-gap']);
  assert.equal(await embedded.locator('#headline-russia').getAttribute('data-value'), russia);
  assert.equal(await embedded.locator('#open-full').evaluate((a) => a.href), page.url());
  // The analyses' charts have no embed view, so no embed code.
  assert.equal(await page.locator('#copy-embed-fan').isVisible(), false);
  assert.equal(await page.locator('#copy-embed-share').isVisible(), true);
  assert.deepEqual(await watcher.problems(), []);
  await context.close();
});

test('where the clipboard refuses the embed code, it is shown selected beside the button', async () => {
  const { context, page } = await clipboardPage();
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  await page.locator('#copy-embed-share').click();
  await page.waitForFunction(() => document.querySelector('#figure-share .copy-status').textContent !== '');
  assert.equal(
    await page.locator('#figure-share .copy-status').textContent(),
    'Could not copy (the browser did not allow copying); the code is selected beside: press Ctrl+C or ⌘C.',
  );
  const field = await page.evaluate(() => {
    const input = document.querySelector('#figure-share .download-row input');
    return { shown: !input.hidden, focused: document.activeElement === input, start: input.selectionStart, end: input.selectionEnd, value: input.value };
  });
  assert.ok(field.shown && field.focused, JSON.stringify(field));
  assert.equal(field.start, 0);
  assert.equal(field.end, field.value.length);
  assert.match(field.value, new RegExp(`^<iframe src="${site.url}#v=1&amp;p=skeptic&amp;st=mining&amp;fr=china&amp;embed=share&amp;d=2025\\.1" `));
  await context.close();
});

test('"Copy image" puts a PNG of the chart with its provenance below on the clipboard', async () => {
  const { context, page, watcher } = await clipboardPage();
  await page.locator('#copy-image-russia').click();
  await page.waitForFunction(() => document.querySelector('#figure-russia .copy-status').textContent !== '');
  assert.equal(await page.locator('#figure-russia .copy-status').textContent(), 'Copied.');
  const copied = await page.evaluate(async () => {
    const items = await navigator.clipboard.read();
    const png = await items[0].getType('image/png');
    const bitmap = await createImageBitmap(png);
    const canvas = document.getElementById('chart-russia');
    return { types: items[0].types, width: bitmap.width, height: bitmap.height, canvas: [canvas.width, canvas.height], ratio: devicePixelRatio };
  });
  assert.deepEqual(copied.types, ['image/png']);
  assert.equal(copied.ratio, 1);
  // The canvas and the 36 px provenance footer (chart::PROVENANCE_HEIGHT) below it.
  assert.deepEqual([copied.width, copied.height], [copied.canvas[0], copied.canvas[1] + 36]);
  assert.deepEqual(await watcher.problems(), []);
  await context.close();
});

test('"Copy image" says why when the browser cannot or will not copy the picture', async () => {
  const { context, page } = await clipboardPage();
  const copy = async (id) => {
    await page.evaluate((chart) => (document.querySelector(`#figure-${chart} .copy-status`).textContent = ''), id);
    await page.locator(`#copy-image-${id}`).click();
    await page.waitForFunction((chart) => document.querySelector(`#figure-${chart} .copy-status`).textContent !== '', id);
    return page.locator(`#figure-${id} .copy-status`).textContent();
  };
  // A browser without ClipboardItem (Firefox before 127).
  await page.evaluate(() => delete window.ClipboardItem);
  assert.equal(await copy('share'), 'Could not copy (the browser cannot copy this here); download the PNG instead.');
  // Permission refused.
  await page.evaluate(() => {
    window.ClipboardItem = class {};
    navigator.clipboard.write = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
  });
  assert.equal(await copy('hhi'), 'Could not copy (the browser did not allow copying); download the PNG instead.');
  await context.close();
});

test('axe finds no violations in the embed view, at phone and column widths', async () => {
  for (const width of [360, 800]) {
    // CSP bypassed only so that axe's script tag can be added; the iframe test checks the page under its CSP.
    const { context, page } = await open(`${site.url}#${SCENARIO}&embed=share&${DATA}`, { bypassCSP: true, viewport: { width, height: 800 } });
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, [], `${width} px`);
    await context.close();
  }
});
