// Browser benchmark for `make bench` (not part of `make test`): how soon the all-claims view (claims.html) shows its
// first chart and its table, budget 50 ms (issue 12). Fresh browser contexts (empty cache, no service worker), from
// navigation start to the largest contentful paint (the first stage's chart or the intro) and to the `load` event
// (every picture decoded), over --loads loads; prints median and p95 of each with the budget. It reports and never
// gates: timings on a shared machine are noise unless it is quiet (the load average is printed beside them).
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
try {
  for (let run = 0; run < loads; run += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.addInitScript(() => {
      window.__lcp = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) window.__lcp = entry.startTime;
      }).observe({ type: 'largest-contentful-paint', buffered: true });
    });
    await page.goto(`${server.url}claims.html`, { waitUntil: 'load' });
    // LCP is final once the page has painted after load.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));
    const [paint, end] = await page.evaluate(() => [window.__lcp, performance.getEntriesByType('navigation')[0].loadEventEnd]);
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
console.log(`all-claims view, ${loads} cold loads, load average ${os.loadavg()[0].toFixed(2)} on ${os.cpus().length} cores`);
line('claims.html largest contentful paint', lcp);
line('claims.html load event (every chart decoded)', loaded);
