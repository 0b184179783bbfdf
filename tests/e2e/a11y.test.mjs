// End-to-end accessibility gate: axe-core, injected into the built page, reports zero violations in the page's main
// states (default, each stage, table view, a bad link's notice shown).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { serve, launch, watch, waitReady } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

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

/**
 * Runs axe on the current page and returns its violations as readable lines (rule, impact, first few elements).
 * The audit context bypasses the CSP only so the axe script tag can be added; the CSP itself is tested elsewhere.
 */
async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.join(', ')}`);
}

/** Opens the page (optionally at a fragment) in a CSP-bypassing context and waits until it is ready. */
async function open(fragment = '') {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const watcher = watch(page);
  await page.goto(site.url + fragment);
  await waitReady(page, watcher);
  return { page, context };
}

test('axe: no violations in the default state', async () => {
  const { page, context } = await open();
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('axe: no violations on each stage', async () => {
  const { page, context } = await open();
  for (const stage of ['mining', 'separation', 'magnets']) {
    await page.check(`#stage-${stage}`);
    assert.equal(await page.isChecked(`#stage-${stage}`), true);
    assert.deepEqual(await axeViolations(page), [], `stage ${stage}`);
  }
  await context.close();
});

test('axe: no violations with the table view open', async () => {
  const { page, context } = await open();
  await page.click('#toggle-table');
  await page.waitForSelector('#projection-table', { state: 'visible', timeout: 5_000 });
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('axe: no violations with a bad-link notice shown', async () => {
  const { page, context } = await open('#v=1&p=no-such-preset&bogus=1&sanctions=7');
  await page.waitForSelector('#notices :is(p, li, div)', { timeout: 5_000 });
  const text = await page.textContent('#notices');
  assert.ok(text && text.trim().length > 0, 'the notice explains what the link got wrong');
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});
