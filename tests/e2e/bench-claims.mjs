// Browser benchmark for `make bench` (not part of `make test`): how soon the all-claims view (claims.html) shows its
// first chart and its table, budget 50 ms (issue 12). Two ways a reader meets it, each over --loads loads:
// - from the calculator: the page open and its service worker installed (as after any visit), the reader clicks
//   "Every preset side by side"; from that navigation's start to the largest contentful paint and to `load`;
// - cold: a fresh browser context (empty cache, no service worker) opening claims.html by its address.
// Prints median and p95 of each with the budget. It reports and never gates: timings on a shared machine are noise
// unless it is quiet (the load average is printed beside them).
//
// Usage: node tests/e2e/bench-claims.mjs [--loads 15]

import os from 'node:os';
import { serve, launch } from './harness.mjs';

const BUDGET_MS = 50;
const args = process.argv.slice(2);
const loads = Number(args[args.indexOf('--loads') + 1]) || 15;

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

const server = await serve();
const browser = await launch();
const lcp = [];
const loaded = [];
const warmLcp = [];
const warmLoaded = [];
const observeLcp = () => {
  window.__lcp = 0;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__lcp = entry.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
};
// LCP is final once the page has painted after load.
const settled = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
const timings = (page) => page.evaluate(() => [window.__lcp, performance.getEntriesByType('navigation')[0].loadEventEnd]);
try {
  {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(observeLcp);
    await page.goto(server.url);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null && window.__reeReady);
    for (let run = 0; run < loads; run += 1) {
      if (run > 0) {
        await page.goto(server.url);
        await page.waitForFunction(() => window.__reeReady);
      }
      await Promise.all([page.waitForURL(/claims\.html$/, { waitUntil: 'load' }), page.click('a[href="claims.html"]')]);
      await settled(page);
      const [paint, end] = await timings(page);
      warmLcp.push(paint);
      warmLoaded.push(end);
    }
    await context.close();
  }
  for (let run = 0; run < loads; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(observeLcp);
    await page.goto(`${server.url}claims.html`, { waitUntil: 'load' });
    await settled(page);
    const [paint, end] = await timings(page);
    lcp.push(paint);
    loaded.push(end);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const line = (name, values) => {
  const p95 = percentile(values, 95);
  console.log(`${name}: median ${percentile(values, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms (budget ${BUDGET_MS} ms: ${p95 <= BUDGET_MS ? 'PASS' : 'FAIL'})`);
};
console.log(`all-claims view, ${loads} loads each way, load average ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores`);
line('from the calculator: largest contentful paint', warmLcp);
line('from the calculator: load event (every chart decoded)', warmLoaded);
line('cold context: largest contentful paint', lcp);
line('cold context: load event (every chart decoded)', loaded);
