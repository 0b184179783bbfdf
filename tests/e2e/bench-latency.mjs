// Browser benchmark for `make bench` (not part of `make test`): input-to-canvas latency while sliders move, first chart
// on a cold load, shipped size, and Lighthouse performance, each printed with its budget. Timings on shared machines are
// noisy, so this reports and never gates. Usage: node tests/e2e/bench-latency.mjs [--inputs 200] [--loads 10] [--no-lighthouse]

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { serve, launch, waitReady, watch, CHARTS, CHROMIUM, DIST, ROOT } from './harness.mjs';
import { runLighthouse } from './lighthouse.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? Number(args[i + 1]) : fallback;
};
const INPUTS = option('--inputs', 200);
const LOADS = option('--loads', 10);
const LIGHTHOUSE = !args.includes('--no-lighthouse');

/** Budgets (issue 7): p95 input-to-canvas, first chart on a cold load, gzipped wasm+js, Lighthouse performance. */
const BUDGET = { inputP95Ms: 16, firstChartMs: 1000, sizeKb: 200, lighthousePerformance: 95 };

/** Median and 95th percentile (nearest rank) of a list of numbers. */
function summary(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return { n: 0, median: null, p95: null, max: null };
  const rank = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { n: sorted.length, median: rank(0.5), p95: rank(0.95), max: sorted[sorted.length - 1] };
}

const round = (v, d = 1) => (v === null || v === undefined ? null : Number(v.toFixed(d)));

/** Records when the page sets window.__reeReady, with the page's own clock (ms since navigation start). */
function recordReadyTime() {
  let value;
  Object.defineProperty(window, '__reeReady', {
    configurable: true,
    get: () => value,
    set: (v) => {
      if (v && window.__reeReadyAt === undefined) window.__reeReadyAt = performance.now();
      value = v;
    },
  });
}

/** Cold loads: a fresh context each time (empty HTTP cache, no service worker), time until the first chart. */
async function coldLoads(browser, url) {
  const ready = [];
  const fcp = [];
  for (let i = 0; i < LOADS; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const watcher = watch(page);
    await page.addInitScript(recordReadyTime);
    await page.goto(url);
    await waitReady(page, watcher);
    const t = await page.evaluate(() => ({
      ready: window.__reeReadyAt,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    }));
    ready.push(t.ready);
    if (t.fcp !== null) fcp.push(t.fcp);
    await context.close();
  }
  return { ready, fcp };
}

/**
 * Moves the sanctions and first-plant sliders `n` times with input events, as a drag does, and measures in the page
 * (a) from the event to the moment every chart's data-draws attribute has changed (a MutationObserver), and
 * (b) the page's own record window.__reeTimings (event time stamp to the end of the last draw).
 */
async function inputLatency(page, n, charts) {
  return page.evaluate(
    async ([count, ids]) => {
      const canvases = ids.map((id) => document.getElementById(id));
      const sliders = ['param-sanctions', 'param-ru_first_plant'].map((id) => document.getElementById(id));
      if (sliders.some((s) => !s) || canvases.some((c) => !c)) throw new Error('a slider or chart is missing');
      const firstTiming = (window.__reeTimings || []).length;
      const observed = [];
      let missed = 0;
      for (let i = 0; i < count; i += 1) {
        const slider = sliders[i % 2];
        const min = Number(slider.min);
        const max = Number(slider.max);
        const step = Number(slider.step) || (max - min) / 100;
        const steps = Math.max(1, Math.round((max - min) / step));
        // Walk back and forth across the range in single steps, like a drag.
        const phase = Math.floor(i / 2) % (2 * steps);
        const k = phase < steps ? phase + 1 : 2 * steps - phase - 1;
        const value = String(Number((min + k * step).toFixed(6)));
        const before = canvases.map((c) => c.getAttribute('data-draws'));
        const changedAt = new Array(canvases.length).fill(null);
        const t0 = performance.now();
        const done = new Promise((resolve) => {
          let idle = null;
          const finish = () => {
            observer.disconnect();
            clearTimeout(idle);
            clearTimeout(limit);
            resolve();
          };
          const observer = new MutationObserver(() => {
            const now = performance.now();
            canvases.forEach((c, j) => {
              if (changedAt[j] === null && c.getAttribute('data-draws') !== before[j]) changedAt[j] = now;
            });
            if (changedAt.every((t) => t !== null)) finish();
            else {
              clearTimeout(idle);
              idle = setTimeout(finish, 250);
            }
          });
          canvases.forEach((c) => observer.observe(c, { attributes: true, attributeFilter: ['data-draws'] }));
          const limit = setTimeout(finish, 2000);
        });
        slider.value = value;
        slider.dispatchEvent(new Event('input', { bubbles: true }));
        await done;
        const times = changedAt.filter((t) => t !== null);
        if (times.length === canvases.length) observed.push(Math.max(...times) - t0);
        else missed += 1;
        await new Promise((r) => setTimeout(r, 10));
      }
      return { observed, missed, page: (window.__reeTimings || []).slice(firstTiming) };
    },
    [n, charts],
  );
}

/** Gzipped wasm+js of the build, from scripts/size_report.py. */
function sizeKb() {
  const out = path.join(ROOT, 'target', 'size-report.json');
  execFileSync('python3', [path.join(ROOT, 'scripts', 'size_report.py'), DIST, '--json', out], { stdio: 'ignore' });
  return JSON.parse(readFileSync(out, 'utf8')).total_gzip_bytes / 1000;
}

function line(name, value, unit, budget, pass, extra = '') {
  const v = value === null ? 'n/a' : `${value} ${unit}`;
  const verdict = pass === null ? '' : pass ? 'PASS' : 'FAIL';
  console.log(`  ${name.padEnd(34)} ${v.padStart(12)}   budget ${budget.padEnd(12)} ${verdict.padEnd(4)} ${extra}`);
}

async function main() {
  const site = await serve();
  const browser = await launch();
  const results = {};
  try {
    const loads = await coldLoads(browser, site.url);
    results.first_chart_ms = { ...summary(loads.ready), budget: BUDGET.firstChartMs };
    results.first_contentful_paint_ms = summary(loads.fcp);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const watcher = watch(page);
    await page.goto(site.url);
    await waitReady(page, watcher);
    await inputLatency(page, 10, CHARTS); // warm-up
    const latency = await inputLatency(page, INPUTS, CHARTS);
    results.input_to_canvas_ms = { ...summary(latency.observed), missed: latency.missed, budget_p95: BUDGET.inputP95Ms };
    results.page_recorded_input_ms = { ...summary(latency.page), budget_p95: BUDGET.inputP95Ms };
    const problems = await watcher.problems();
    if (problems.length) results.problems = problems;
    await context.close();
  } finally {
    await browser.close();
    await site.close();
  }
  results.size_gzip_kb = { value: round(sizeKb()), budget: BUDGET.sizeKb };
  if (LIGHTHOUSE) {
    const site2 = await serve();
    try {
      const mobile = await runLighthouse(site2.url, ['performance'], { formFactor: 'mobile' });
      const desktop = await runLighthouse(site2.url, ['performance'], { formFactor: 'desktop' });
      results.lighthouse_performance = {
        mobile: mobile.scores.performance,
        desktop: desktop.scores.performance,
        budget: BUDGET.lighthousePerformance,
        losing_points_mobile: mobile.failing,
      };
    } finally {
      await site2.close();
    }
  }

  const chromium = execFileSync(CHROMIUM, ['--version'], { stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim();
  const report = {
    when: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memory_gb: Math.round(os.totalmem() / 2 ** 30), node: process.version, chromium },
    inputs: INPUTS,
    cold_loads: LOADS,
    results,
  };
  const out = path.join(ROOT, 'target', 'bench-e2e.json');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(report, null, 2));

  const r = results;
  console.log(`\nbrowser benchmark (${report.machine.cpus} cores, ${report.machine.cpu}; ${chromium})`);
  line('input-to-canvas p95 (observer)', round(r.input_to_canvas_ms.p95), 'ms', `<= ${BUDGET.inputP95Ms} ms`, r.input_to_canvas_ms.p95 !== null && r.input_to_canvas_ms.p95 <= BUDGET.inputP95Ms, `median ${round(r.input_to_canvas_ms.median)} ms, n=${r.input_to_canvas_ms.n}, missed ${r.input_to_canvas_ms.missed}`);
  line('input-to-canvas p95 (page record)', round(r.page_recorded_input_ms.p95), 'ms', `<= ${BUDGET.inputP95Ms} ms`, r.page_recorded_input_ms.p95 === null ? null : r.page_recorded_input_ms.p95 <= BUDGET.inputP95Ms, `median ${round(r.page_recorded_input_ms.median)} ms, n=${r.page_recorded_input_ms.n}`);
  line('first chart, cold load (median)', round(r.first_chart_ms.median, 0), 'ms', `<= ${BUDGET.firstChartMs} ms`, r.first_chart_ms.median !== null && r.first_chart_ms.median <= BUDGET.firstChartMs, `p95 ${round(r.first_chart_ms.p95, 0)} ms, n=${r.first_chart_ms.n}`);
  line('first contentful paint (median)', round(r.first_contentful_paint_ms.median, 0), 'ms', '-', null, `p95 ${round(r.first_contentful_paint_ms.p95, 0)} ms`);
  line('shipped wasm+js gzipped', r.size_gzip_kb.value, 'KB', `<= ${BUDGET.sizeKb} KB`, r.size_gzip_kb.value <= BUDGET.sizeKb);
  if (r.lighthouse_performance) {
    line('Lighthouse performance (mobile)', r.lighthouse_performance.mobile, '', `>= ${BUDGET.lighthousePerformance}`, r.lighthouse_performance.mobile >= BUDGET.lighthousePerformance);
    line('Lighthouse performance (desktop)', r.lighthouse_performance.desktop, '', `>= ${BUDGET.lighthousePerformance}`, r.lighthouse_performance.desktop >= BUDGET.lighthousePerformance);
  }
  if (r.problems) console.log(`  problems seen on the page: ${r.problems.join('; ')}`);
  console.log(`\nJSON (also in target/bench-e2e.json):\n${JSON.stringify(report, null, 2)}`);
}

main().catch((error) => {
  console.error(`bench-latency: ${error.stack || error}`);
  process.exit(1);
});
