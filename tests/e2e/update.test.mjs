// End-to-end: a rebuilt site replaces the old cache and offers the update. Serves a copy of dist/, lets the worker take
// control, then changes a file in the copy and regenerates sw.js with the post-build hook, as a new build would.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile, writeFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { serve, launchPersistent, copySite, watch, waitReady, waitControlled, canvasStats, looksDrawn, ROOT } from './harness.mjs';

const cleanups = [];
after(async () => {
  for (const fn of cleanups.reverse()) await fn();
});

/** The build hash written into a site's sw.js by scripts/post_build.py. */
async function buildHash(dir) {
  const sw = await readFile(path.join(dir, 'sw.js'), 'utf8');
  const m = sw.match(/"hash":\s*"([0-9a-f]+)"/);
  assert.ok(m, 'sw.js carries a build hash');
  return m[1];
}

/** Names of this app's caches, as the page sees them. */
function cacheNames(page) {
  return page.evaluate(async () => (await caches.keys()).filter((n) => n.startsWith('ree-outlook|')));
}

test('a new build replaces the old cache and shows the update banner, whose button reloads into it', async () => {
  const dir = await copySite();
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const site = await serve({ root: dir });
  cleanups.push(() => site.close());
  const browser = await launchPersistent();
  cleanups.push(() => browser.close());

  const page = await browser.context.newPage();
  const watcher = watch(page);
  await page.goto(site.url);
  await waitReady(page, watcher);
  await waitControlled(page);
  const oldHash = await buildHash(dir);
  assert.deepEqual(await cacheNames(page), [`ree-outlook|${site.url}|${oldHash}`]);
  assert.equal(await page.isHidden('#update-ready'), true, 'no banner while the build is current');

  // "Rebuild": change the content of a file (the manifest: hashed assets carry SRI integrity, so they would change
  // their names instead) and run the post-build hook on the copy.
  const file = 'manifest.webmanifest';
  const manifest = JSON.parse(await readFile(path.join(dir, file), 'utf8'));
  manifest.description += ' (rebuilt)';
  await writeFile(path.join(dir, file), JSON.stringify(manifest, null, 2));
  execFileSync('python3', [path.join(ROOT, 'scripts', 'post_build.py'), dir], { stdio: 'pipe' });
  const newHash = await buildHash(dir);
  assert.notEqual(newHash, oldHash, 'a changed file gives a new build hash');

  // The browser checks for a new worker on navigation and when asked; ask.
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await page.waitForSelector('#update-ready', { state: 'visible', timeout: 15_000 });
  assert.equal(await page.isVisible('#update-reload'), true);

  const reloaded = page.waitForEvent('load', { timeout: 15_000 });
  await page.click('#update-reload');
  await reloaded;
  await waitReady(page, watcher);
  assert.ok(looksDrawn(await canvasStats(page, 'chart-share')), 'the new version draws');
  await page.waitForFunction(
    (name) => caches.keys().then((keys) => keys.filter((k) => k.startsWith('ree-outlook|')).join() === name),
    `ree-outlook|${site.url}|${newHash}`,
    { timeout: 10_000 },
  );
  const served = await page.evaluate(async (file) => {
    const res = await caches.match(new URL(file, location.href).href);
    return res ? res.text() : '';
  }, file);
  assert.ok(served.includes('(rebuilt)'), 'the new cache holds the new file content');
  assert.equal(await page.isHidden('#update-ready'), true, 'no banner after updating');
  assert.deepEqual(await watcher.problems(), []);
});
