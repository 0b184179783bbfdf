// Runs Lighthouse 12 against a URL in Debian's Chromium (through chrome-launcher) and returns category scores plus
// the audits that lost points. Shared by the Lighthouse gate (lighthouse.test.mjs) and the benchmark.

import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { CHROMIUM, CHROMIUM_ARGS } from './harness.mjs';

/**
 * Audits `url` for the given categories (e.g. ['accessibility', 'best-practices', 'performance']).
 * Returns { scores: { category: 0..100 }, failing: [ 'category/audit-id: title (score)' ], seconds }.
 * `formFactor` 'desktop' audits with a desktop screen and no CPU/network throttling; 'mobile' uses Lighthouse's defaults.
 */
export async function runLighthouse(url, categories, { formFactor = 'desktop' } = {}) {
  const started = performance.now();
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM,
    chromeFlags: ['--headless=new', ...CHROMIUM_ARGS],
    logLevel: 'silent',
  });
  try {
    const flags = { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: categories };
    const config =
      formFactor === 'desktop'
        ? {
            extends: 'lighthouse:default',
            settings: {
              formFactor: 'desktop',
              screenEmulation: { mobile: false, width: 1350, height: 940, deviceScaleFactor: 1, disabled: false },
              throttlingMethod: 'provided',
            },
          }
        : undefined;
    const result = await lighthouse(url, flags, config);
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const scores = {};
    const failing = [];
    for (const id of categories) {
      const category = lhr.categories[id];
      scores[id] = category.score === null ? null : Math.round(category.score * 100);
      for (const ref of category.auditRefs) {
        const audit = lhr.audits[ref.id];
        if (ref.weight > 0 && audit.score !== null && audit.score < 1) {
          failing.push(`${id}/${ref.id}: ${audit.title} (${audit.score})`);
        }
      }
    }
    return { scores, failing, seconds: (performance.now() - started) / 1000 };
  } finally {
    chrome.kill();
  }
}
