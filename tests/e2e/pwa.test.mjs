// End-to-end: the installable, offline app. Chromium reports no installability errors; once the service worker
// controls the page, the app reloads and opens other scenario links with the network off.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launchPersistent, watch, waitReady, waitControlled, canvasStats, looksDrawn, unzip, CHARTS } from './harness.mjs';

let site;
let browser;
before(async () => {
  site = await serve();
  browser = await launchPersistent();
});
after(async () => {
  await browser?.close();
  await site?.close();
});


test('Chromium finds the app installable: manifest parsed, no installability errors', async () => {
  const page = await browser.context.newPage();
  const watcher = watch(page);
  await page.goto(site.url);
  await waitReady(page, watcher);
  await waitControlled(page);
  const cdp = await browser.context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, [], `installability errors: ${JSON.stringify(installabilityErrors)}`);
  const manifest = await cdp.send('Page.getAppManifest');
  assert.deepEqual(manifest.errors, [], 'the manifest parses without errors');
  const parsed = JSON.parse(manifest.data);
  assert.equal(parsed.display, 'standalone');
  assert.equal(parsed.start_url, './');
  assert.ok(parsed.icons.some((i) => i.purpose === 'maskable' && i.sizes === '512x512'), 'a maskable 512 icon');
  assert.ok(parsed.icons.some((i) => i.sizes === '192x192'), 'a 192 icon');
  // Every icon the manifest names is served.
  for (const icon of parsed.icons) {
    const res = await page.request.get(new URL(icon.src, new URL('manifest.webmanifest', site.url)).href);
    assert.equal(res.status(), 200, `${icon.src} is served`);
    assert.equal(res.headers()['content-type'], 'image/png');
  }
  assert.deepEqual(await watcher.problems(), []);
  await page.close();
});

test('offline: reload and a different scenario link both open and draw from the cache', async () => {
  const context = browser.context;
  const page = await context.newPage();
  const watcher = watch(page);
  await page.goto(site.url);
  await waitReady(page, watcher);
  await waitControlled(page);
  const baseline = await page.getAttribute('#headline-russia', 'data-value');
  // The precache is complete before the worker activates; it holds every file of the build.
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const mine = names.filter((n) => n.startsWith('ree-outlook|'));
    const keys = mine.length === 1 ? await (await caches.open(mine[0])).keys() : [];
    return { names: mine, count: keys.length };
  });
  assert.equal(cached.names.length, 1, `one cache for this build: ${JSON.stringify(cached.names)}`);
  assert.ok(cached.count >= 5, `the cache holds the build (${cached.count} files)`);

  const before = site.requests.length;
  await context.setOffline(true);
  try {
    await page.reload();
    await waitReady(page, watcher);
    for (const id of CHARTS) assert.ok(looksDrawn(await canvasStats(page, id)), `#${id} drawn offline after reload`);

    const other = await context.newPage();
    const otherWatcher = watch(other);
    await other.goto(`${site.url}#v=1&p=skeptic&sanctions=0.9`);
    await waitReady(other, otherWatcher);
    for (const id of CHARTS) assert.ok(looksDrawn(await canvasStats(other, id)), `#${id} drawn offline for the skeptic link`);
    assert.equal(await other.inputValue('#preset'), 'skeptic', 'the link chose the skeptic preset');
    assert.equal(Number(await other.inputValue('#param-sanctions')), 0.9, 'the link set sanctions to 0.9');
    const skeptic = await other.getAttribute('#headline-russia', 'data-value');
    assert.notEqual(skeptic, baseline, 'the skeptic scenario gives a different headline than the baseline');
    // The projection's download reads the data's sources from the cache.
    const [download] = await Promise.all([other.waitForEvent('download'), other.click('#download-csv')]);
    const readme = unzip(await download.path())['README.txt'];
    assert.match(readme, /\n\nSources of the Rare-Earth Outlook data, version /, 'the sources, read offline');
    assert.doesNotMatch(readme, /could not be read/);
    assert.deepEqual(await otherWatcher.problems(), []);
    await other.close();
  } finally {
    await context.setOffline(false);
  }
  assert.equal(site.requests.length, before, 'nothing reached the server while offline');
  assert.deepEqual(await watcher.problems(), []);
  await page.close();
});

test('the service worker answers only same-origin GETs from the build, and caches nothing else', async () => {
  const page = await browser.context.newPage();
  await page.goto(site.url);
  await waitControlled(page);
  const result = await page.evaluate(async () => {
    const post = await fetch('index.html', { method: 'POST', body: 'x' });
    const missing = await fetch('not-in-the-build.txt');
    const names = (await caches.keys()).filter((n) => n.startsWith('ree-outlook|'));
    const urls = [];
    for (const name of names) for (const req of await (await caches.open(name)).keys()) urls.push(req.url);
    return { post: post.status, missing: missing.status, urls };
  });
  // The test server refuses POST (405), so this status shows the request reached the network.
  assert.equal(result.post, 405, 'a POST reaches the server');
  assert.equal(result.missing, 404, 'a file outside the build goes to the network');
  assert.ok(result.urls.length > 0, 'the cache holds the build');
  assert.deepEqual(result.urls.filter((u) => !u.startsWith(site.url)), [], 'only same-origin URLs in the scope are cached');
  assert.ok(!result.urls.some((u) => u.includes('not-in-the-build')), 'a network answer is not added to the cache');
  await page.close();
});

