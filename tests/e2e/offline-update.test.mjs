// End-to-end: the service worker's and the server's edge cases (issue 16). An update accepted in one tab reaches every
// open tab; a failed install leaves no cache; offline, a deep link inside the site opens the calculator with its
// scenario; a normal load logs no warnings; `make serve`'s server sends the headers a static host should.

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { readFile, writeFile, rm } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import { serve, launchPersistent, copySite, watch, waitReady, waitControlled, ROOT, DIST } from './harness.mjs';

const cleanups = [];
after(async () => {
  for (const fn of cleanups.reverse()) await fn();
});

/** A served copy of the build and a browser with a persistent profile (service workers need one). */
async function site() {
  const dir = await copySite();
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  const server = await serve({ root: dir });
  cleanups.push(() => server.close());
  const browser = await launchPersistent();
  cleanups.push(() => browser.close());
  return { dir, server, browser };
}

/** Rewrites a file of the served copy and regenerates sw.js, as a new build would. */
function rebuild(dir) {
  const file = path.join(dir, 'manifest.webmanifest');
  return readFile(file, 'utf8').then(async (text) => {
    const manifest = JSON.parse(text);
    manifest.description += ' (rebuilt)';
    await writeFile(file, JSON.stringify(manifest, null, 2));
    execFileSync('python3', [path.join(ROOT, 'scripts', 'post_build.py'), dir], { stdio: 'pipe' });
  });
}

test('an update accepted in one tab reloads the second tab when its banner button is pressed', async () => {
  const { dir, server, browser } = await site();
  const first = await browser.context.newPage();
  await first.goto(server.url);
  await waitReady(first);
  await waitControlled(first);
  const second = await browser.context.newPage();
  await second.goto(`${server.url}#v=1&p=skeptic`);
  await waitReady(second);
  await waitControlled(second);

  await rebuild(dir);
  await first.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await first.waitForSelector('#update-ready', { state: 'visible', timeout: 15_000 });
  await second.waitForSelector('#update-ready', { state: 'visible', timeout: 15_000 });

  const firstReloaded = first.waitForEvent('load', { timeout: 15_000 });
  await first.click('#update-reload');
  await firstReloaded;
  await waitReady(first);

  // The new worker now controls the second tab too; its button must still bring the new version in.
  const secondReloaded = second.waitForEvent('load', { timeout: 15_000 });
  await second.click('#update-reload');
  await secondReloaded;
  await waitReady(second);
  assert.equal(await second.isHidden('#update-ready'), true, 'no banner after the second tab updated');
  assert.equal(await second.inputValue('#preset'), 'skeptic', 'the second tab kept its scenario');
});

test('a failed install leaves no cache behind', async () => {
  const { dir, server, browser } = await site();
  // A file the precache list names but the server no longer has: addAll fails, so the install fails.
  await rm(path.join(dir, 'manifest.webmanifest'));
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await waitReady(page);
  const outcome = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    const worker = registration && (registration.installing || registration.waiting || registration.active);
    if (worker && worker.state !== 'redundant' && worker.state !== 'activated') {
      await new Promise((resolve) => {
        worker.addEventListener('statechange', () => {
          if (worker.state === 'redundant' || worker.state === 'activated') resolve();
        });
      });
    }
    const names = (await caches.keys()).filter((name) => name.startsWith('ree-outlook|'));
    return { state: worker ? worker.state : 'none', names };
  });
  assert.notEqual(outcome.state, 'activated', 'the install failed');
  assert.deepEqual(outcome.names, [], 'no cache is left behind');
});

test('offline, a deep link inside the site opens the calculator with its scenario', async () => {
  const { server, browser } = await site();
  const page = await browser.context.newPage();
  await page.goto(server.url);
  await waitReady(page);
  await waitControlled(page);
  await browser.context.setOffline(true);
  try {
    const deep = await browser.context.newPage();
    const watcher = watch(deep);
    await deep.goto(`${server.url}some/deeper/path#v=1&p=skeptic&sanctions=0.9`);
    await waitReady(deep, watcher, 15_000);
    assert.equal(new URL(deep.url()).pathname, new URL(server.url).pathname, 'sent to the calculator itself');
    assert.equal(await deep.inputValue('#preset'), 'skeptic', "the link's scenario survived the redirect");
    assert.equal(Number(await deep.inputValue('#param-sanctions')), 0.9);
  } finally {
    await browser.context.setOffline(false);
  }
});

test('a normal load logs no console warnings (no integrity attribute on the wasm preload)', async () => {
  const { server, browser } = await site();
  const page = await browser.context.newPage();
  const warnings = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
  });
  await page.goto(server.url);
  await waitReady(page);
  await page.waitForTimeout(500);
  assert.deepEqual(warnings, []);
});

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
    probe.on('error', reject);
  });
}

test("make serve's server sends nosniff and a referrer policy, and no frame restriction", async () => {
  const port = await freePort();
  const child = spawn('python3', [path.join(ROOT, 'scripts', 'serve.py'), DIST, '--port', String(port)], { stdio: 'ignore' });
  cleanups.push(() => child.kill());
  let response;
  for (let attempt = 0; attempt < 50 && !response; attempt += 1) {
    try {
      response = await fetch(`http://127.0.0.1:${port}/`);
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  assert.ok(response, 'the server answered');
  assert.equal(response.status, 200);
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
  assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
  assert.equal(response.headers.get('x-frame-options'), null, 'the page may be embedded');
});
