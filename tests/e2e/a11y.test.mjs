// End-to-end accessibility gate: axe-core, injected into the built page, reports zero violations in the page's main
// states (default, each stage, table view, a bad link's notice, compare on, analyses on, dark theme, phone width), and
// every control is reachable with the Tab key and shows a visible focus ring.

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
async function open(fragment = '', options = {}) {
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, ...options });
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

test('axe: no violations with a reference scenario compared and the analyses on', async () => {
  const { page, context } = await open('#v=1&p=kremlin-2030&r.p=skeptic&mc=200&seed=7&tg=0.12');
  // Let the Monte Carlo run (in a worker or on the main thread) and the fan chart draw.
  await page.waitForTimeout(1500);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('axe: no violations in the dark theme (contrast included)', async () => {
  const { page, context } = await open('', { colorScheme: 'dark' });
  assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), true);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('axe: no violations at phone width', async () => {
  const { page, context } = await open('', { viewport: { width: 375, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('keyboard: Tab reaches every control, each with a visible focus ring', async () => {
  const { page, context } = await open();
  // Every visible, enabled control the page offers, with the collapsible groups opened (their summaries are Tab stops).
  const controls = await page.evaluate(() => {
    document.querySelectorAll('details').forEach((d) => {
      d.open = true;
    });
    const selector = 'a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex="-1"])';
    return [...document.querySelectorAll(selector)]
      .filter((el) => !el.disabled && el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true }))
      .filter((el) => !(el.type === 'radio' && !el.checked)) // a radio group is one Tab stop; arrows move inside it
      .map((el) => el.id || `${el.tagName.toLowerCase()}:${(el.textContent || el.name || '').trim().slice(0, 30)}`);
  });
  assert.ok(controls.length >= 10, `the page has its controls (${controls.length})`);
  const reached = new Set();
  const noRing = [];
  for (let i = 0; i < controls.length + 20; i += 1) {
    await page.keyboard.press('Tab');
    const info = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
      const name = el.id || `${el.tagName.toLowerCase()}:${(el.textContent || el.name || '').trim().slice(0, 30)}`;
      return { name, ring };
    });
    if (!info) continue;
    reached.add(info.name);
    if (!info.ring) noRing.push(info.name);
  }
  const missed = controls.filter((name) => !reached.has(name));
  assert.deepEqual(missed, [], 'controls the Tab key never reached');
  assert.deepEqual([...new Set(noRing)], [], 'controls without a visible focus ring');
  await context.close();
});


test('axe: no violations with goal-seek messages beside their fields and a stale answer', async () => {
  const { page, context } = await open('#v=1&p=kremlin-12&mc=1000&seed=1&sm=scenario');
  await page.fill('#goal-share', '150');
  await page.fill('#goal-year', '1999');
  await page.click('#goal-seek-run');
  await page.waitForSelector('#goal-year-error');
  assert.deepEqual(await axeViolations(page), [], 'messages shown');
  await page.fill('#goal-share', '10');
  await page.fill('#goal-year', '2030');
  await page.click('#goal-seek-run');
  await page.waitForSelector('#goal-seek-answer');
  await page.evaluate(() => {
    const input = document.getElementById('param-sanctions');
    input.value = '0.5';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForSelector('.goal-note');
  assert.deepEqual(await axeViolations(page), [], 'stale answer shown');
  await context.close();
});
