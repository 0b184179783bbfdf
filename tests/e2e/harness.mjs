// Shared end-to-end test harness: serves the built site (dist/) on 127.0.0.1 on a free port and drives Debian's Chromium
// through playwright-core. Used by every tests/e2e/*.test.mjs file and by the benchmark script.

import { createServer } from 'node:http';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, cp } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';

/** Repository root (two levels above this file). */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The built site under test; REE_DIST overrides it. */
export const DIST = path.resolve(process.env.REE_DIST || path.join(ROOT, 'dist'));
/** The same site built with the test-hooks feature (`make test-hooks-site`); REE_DIST_TEST_HOOKS overrides it. */
export const TEST_HOOKS_DIST = path.resolve(process.env.REE_DIST_TEST_HOOKS || path.join(ROOT, 'target', 'dist-test-hooks'));
/** Chromium binary (Debian's package); CHROME_PATH overrides it. */
export const CHROMIUM = process.env.CHROME_PATH || '/usr/bin/chromium';
/** Flags that keep Chromium off the network and quiet on this closed machine (see shared/design/toolchain.md). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
/** Canvases the page draws, by id (DOM contract in notes/common.md). */
export const CHARTS = ['chart-share', 'chart-russia', 'chart-hhi', 'chart-gap', 'chart-feed'];

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** Files worth compressing on the wire. */
const COMPRESSIBLE = /\.(html|js|mjs|wasm|css|json|webmanifest|svg|txt)$/;

/** Fails with a clear message when the site has not been built. */
export function requireDist(dir = DIST) {
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`no built site at ${dir}/index.html: run \`make build\` (and \`make test-hooks-site\` for ${TEST_HOOKS_DIST}) first, or set REE_DIST`);
  }
}

/**
 * Serves `root` at http://127.0.0.1:<free port><prefix>, gzip-compressing text and wasm when the browser accepts it.
 * Returns { origin, url, requests, setRoot(dir), close() }.
 * `url` is the site's address (origin + prefix); `requests` records every path asked for, with its status.
 */
export async function serve({ root = DIST, prefix = '/', gzip = true } = {}) {
  requireDist(root);
  let current = root;
  const compressed = new Map();
  const requests = [];
  const server = createServer(async (req, res) => {
    const pathname = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
    const reply = (status, body, type = 'text/plain; charset=utf-8') => {
      requests.push({ path: pathname, status });
      res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-cache' });
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (req.method !== 'GET' && req.method !== 'HEAD') return reply(405, 'method not allowed');
    if (!pathname.startsWith(prefix)) return reply(404, 'outside the site');
    let rel = pathname.slice(prefix.length);
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(current, rel);
    if (!file.startsWith(path.resolve(current) + path.sep)) return reply(403, 'forbidden');
    try {
      const info = await stat(file);
      if (!info.isFile()) return reply(404, 'not found');
      const body = await readFile(file);
      const type = TYPES[path.extname(file)] || 'application/octet-stream';
      // Compress text and wasm as any real static host does (Lighthouse's load figures depend on transfer sizes).
      if (gzip && COMPRESSIBLE.test(file) && /\bgzip\b/.test(req.headers['accept-encoding'] || '')) {
        requests.push({ path: pathname, status: 200 });
        const key = `${file}:${info.mtimeMs}:${info.size}`;
        if (!compressed.has(key)) compressed.set(key, gzipSync(body, { level: 9 }));
        res.writeHead(200, { 'Content-Type': type, 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding', 'Cache-Control': 'no-cache' });
        return res.end(req.method === 'HEAD' ? undefined : compressed.get(key));
      }
      return reply(200, body, type);
    } catch {
      return reply(404, 'not found');
    }
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: origin + prefix,
    requests,
    setRoot(dir) {
      current = dir;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** Launches headless Chromium (an ordinary, incognito-like browser). */
export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Launches Chromium with a fresh profile directory (needed for service-worker installability checks). */
export async function launchPersistent() {
  const dir = await mkdtemp(path.join(tmpdir(), 'ree-e2e-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 900 },
  });
  const close = async () => {
    await context.close();
    await rm(dir, { recursive: true, force: true });
  };
  return { context, close };
}

/** Copies a built site to a fresh temporary directory (for tests that change it). */
export async function copySite(from = DIST) {
  const dir = await mkdtemp(path.join(tmpdir(), 'ree-e2e-site-'));
  await cp(from, dir, { recursive: true });
  return dir;
}

/**
 * Records what would make a person distrust the page: console errors, uncaught exceptions, CSP violations and
 * failed requests. Call before navigating. Returns an object whose `problems()` lists them as strings.
 */
export function watch(page) {
  const errors = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
    else if (/Content[- ]Security[- ]Policy/i.test(msg.text())) errors.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => errors.push(`uncaught: ${err.message}`));
  page.on('requestfailed', (req) => {
    // Aborted navigations of the page itself during reloads are normal.
    const failure = req.failure()?.errorText || 'failed';
    if (failure !== 'net::ERR_ABORTED') errors.push(`request failed: ${req.url()} (${failure})`);
  });
  page.on('response', (res) => {
    if (res.status() >= 400) errors.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  // CSP violations also arrive as DOM events; keep them on window so a test can read them after a reload too.
  page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile || ''}:${e.lineNumber || 0})`);
    });
  });
  return {
    errors,
    async problems() {
      let csp = [];
      try {
        csp = await page.evaluate(() => window.__cspViolations || []);
      } catch {
        // the page may be gone; console messages still tell
      }
      return [...errors, ...csp.map((v) => `CSP violation: ${v}`)];
    },
  };
}

/**
 * Waits until the page reports its charts on screen with their data (window.__reeReady === true, set after the frames
 * that present the charts drawn at load). On a timeout the error lists what `watcher` (from watch()) saw go wrong, so a
 * failure says why the page never became ready.
 */
export async function waitReady(page, watcher = null, timeout = 20_000) {
  try {
    await page.waitForFunction(() => window.__reeReady === true, null, { timeout });
  } catch (error) {
    const seen = watcher ? await watcher.problems() : [];
    throw new Error(`the page never set window.__reeReady: ${error.message}${seen.length ? `\n  ${seen.join('\n  ')}` : ''}`);
  }
}

/**
 * Reads a canvas's pixels in the page: { width, height, drawn (non-transparent pixels), colours (distinct colours,
 * capped), hash (FNV-1a of all pixel bytes), draws (data-draws attribute) }.
 */
export async function canvasStats(page, id) {
  return page.evaluate((canvasId) => {
    const canvas = document.getElementById(canvasId);
    if (!canvas) return null;
    const { width, height } = canvas;
    const draws = canvas.getAttribute('data-draws');
    if (!width || !height) return { width, height, drawn: 0, colours: 0, hash: 0, draws };
    const data = canvas.getContext('2d').getImageData(0, 0, width, height).data;
    let drawn = 0;
    let hash = 0x811c9dc5;
    const colours = new Set();
    for (let i = 0; i < data.length; i += 4) {
      if (data[i + 3] !== 0) drawn += 1;
      if (colours.size < 64) colours.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
      for (let k = 0; k < 4; k += 1) {
        hash ^= data[i + k];
        hash = Math.imul(hash, 0x01000193) >>> 0;
      }
    }
    return { width, height, drawn, colours: colours.size, hash, draws };
  }, id);
}

/** True when a canvas shows a real picture: many painted pixels in more than two colours. */
export function looksDrawn(stats) {
  return Boolean(stats && stats.width > 0 && stats.height > 0 && stats.drawn > 1000 && stats.colours > 2);
}

/** Waits until a canvas's data-draws attribute differs from `before`. */
export async function waitRedraw(page, id, before, timeout = 10_000) {
  await page.waitForFunction(
    ([canvasId, prev]) => {
      const c = document.getElementById(canvasId);
      return c && c.getAttribute('data-draws') !== null && c.getAttribute('data-draws') !== prev;
    },
    [id, before],
    { timeout },
  );
}

/**
 * Waits (at most `timeout` ms) until a service worker is active for the page and controls it; returns its scope.
 * Fails with a clear message instead of hanging when the worker never installs.
 */
export async function waitControlled(page, timeout = 15_000) {
  const scope = await page.evaluate(
    (ms) =>
      Promise.race([
        navigator.serviceWorker.ready.then((registration) => registration.scope),
        new Promise((resolve) => setTimeout(() => resolve(null), ms)),
      ]),
    timeout,
  );
  if (scope === null) throw new Error(`no service worker became active within ${timeout} ms`);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout });
  return scope;
}

/** The files of a downloaded zip (the projection's download) by name, as text, read by Python's zipfile, a standard
 * unzip, which also checks every CRC. */
export function unzip(file) {
  const script = 'import json, sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nassert z.testzip() is None\n'
    + 'print(json.dumps({i.filename: z.read(i).decode() for i in z.infolist()}))';
  return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf8' }));
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/**
 * Runs axe-core on the current page and returns its violations as readable lines (rule, impact, first few elements).
 * The page's context must bypass the CSP (`bypassCSP: true`), only so that axe's script tag can be added.
 */
export async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

/**
 * The elements matching `selector` that reach past the page's left or right edge (at most ten, as "tag#id left..right"),
 * with the page's width and scroll width: what a 360 px test asserts is empty and no wider than the page.
 */
export function pastEdge(page, selector) {
  return page.evaluate((selector) => {
    const width = document.documentElement.clientWidth;
    const over = [];
    for (const element of document.querySelectorAll(selector)) {
      const box = element.getBoundingClientRect();
      if (box.width > 0 && (box.right > width + 0.5 || box.left < -0.5)) over.push(`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} ${Math.round(box.left)}..${Math.round(box.right)}`);
    }
    return { width, scrollWidth: document.documentElement.scrollWidth, over: over.slice(0, 10) };
  }, selector);
}
