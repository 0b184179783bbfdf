// End-to-end checks of "My scenarios" (issue 12): scenarios saved under names in localStorage survive a reload, open as
// their links would (state, address, a history entry), are renamed and deleted; names are text, never markup; saving
// and opening work offline; a full quota, blocked storage or an unreadable stored value is said beside the buttons and
// loses nothing already saved; the section passes axe and fits a 360 px phone (screenshots in $REE_SHOTS or /tmp).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { serve, launch, launchPersistent, watch, waitReady, waitControlled } from './harness.mjs';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const KEY = 'ree-outlook.saved.v1';
const SHOTS = process.env.REE_SHOTS || '/tmp';

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

/** A fresh context (its own localStorage) and a page on `fragment`, ready. CSP bypassed only so axe can be added. */
async function open(fragment = '', viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ bypassCSP: true, viewport });
  const page = await context.newPage();
  const watcher = watch(page);
  await page.goto(site.url + fragment);
  await waitReady(page, watcher);
  return { context, page, watcher };
}

/** The saved names as listed. */
const listed = (page) => page.$$eval('.saved li > span[id]', (spans) => spans.map((span) => span.textContent));
/** The status line beside the section's buttons. */
const status = async (page) => (await page.textContent('#saved-status')).trim();
/** The stored list, parsed. */
const stored = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), KEY);

/** Waits until the status line says `expected` (a string, exactly, or a pattern). */
async function expectStatus(page, expected) {
  const pattern = typeof expected === 'string' ? `^${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$` : expected.source;
  try {
    await page.waitForFunction((source) => new RegExp(source).test(document.getElementById('saved-status').textContent.trim()), pattern, { timeout: 5000 });
  } catch {
    assert.fail(`the status says ${JSON.stringify(await status(page))}, not ${expected}`);
  }
}

/** Waits until the list shows `names`, in order. */
async function expectListed(page, names) {
  try {
    await page.waitForFunction((want) => JSON.stringify([...document.querySelectorAll('.saved li > span[id]')].map((s) => s.textContent)) === want, JSON.stringify(names), { timeout: 5000 });
  } catch {
    assert.deepEqual(await listed(page), names);
  }
}

/** Types `name` and presses Save (or Enter in the field). */
async function save(page, name, { enter = false } = {}) {
  await page.fill('#saved-name', name);
  if (enter) await page.press('#saved-name', 'Enter');
  else await page.click('form.saved > button');
}

/** Presses one of an entry's buttons by its accessible name, e.g. "Open Skeptic". */
async function press(page, name) {
  await page.getByRole('button', { name, exact: true }).click();
}

/** Sets a slider as a reader's drag would. */
async function setSlider(page, key, value) {
  await page.evaluate(([id, v]) => {
    const input = document.getElementById(id);
    input.value = String(v);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  }, [`param-${key}`, value]);
}

test('two saved scenarios survive a reload; open, rename and delete; names are text', async () => {
  const { context, page, watcher } = await open('#v=1&p=skeptic&sanctions=0.9');
  assert.deepEqual(await listed(page), []);
  await save(page, '  Skeptic 0.9  ', { enter: true });
  await expectStatus(page, 'Saved.');
  await expectListed(page, ['Skeptic 0.9']);
  assert.equal(await page.inputValue('#saved-name'), '', 'the field is emptied after saving');
  await page.goto(`${site.url}#v=1&p=hub-budget`);
  await page.reload();
  await waitReady(page, watcher);
  await save(page, 'Hub budget');
  await expectListed(page, ['Skeptic 0.9', 'Hub budget']);
  await page.reload();
  await waitReady(page, watcher);
  assert.deepEqual(await listed(page), ['Skeptic 0.9', 'Hub budget']);
  const today = await page.evaluate(() => {
    const d = new Date();
    return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
  });
  const entries = await stored(page);
  assert.equal(entries.length, 2);
  assert.deepEqual(entries[0], { name: 'Skeptic 0.9', link: entries[0].link, saved: today });
  assert.match(entries[0].link, /^v=1&p=skeptic&sanctions=0\.9&st=separation&d=/);
  assert.match(await page.textContent('.saved li'), new RegExp(`saved ${today}`));

  // Open: the state, the address and a history entry, as the link would.
  assert.equal(await page.inputValue('#preset'), 'hub-budget');
  await press(page, 'Open Skeptic 0.9');
  await expectStatus(page, 'Opened.');
  await page.waitForFunction(() => document.getElementById('preset').value === 'skeptic');
  assert.equal(Number(await page.inputValue('#param-sanctions')), 0.9);
  await page.waitForFunction(() => location.hash.includes('p=skeptic') && location.hash.includes('sanctions=0.9'));
  await page.goBack();
  await page.waitForFunction(() => document.getElementById('preset').value === 'hub-budget');
  await page.goForward();
  await page.waitForFunction(() => document.getElementById('preset').value === 'skeptic');

  // Rename to the name in the field; a taken or empty name is refused and changes nothing.
  await page.fill('#saved-name', 'Hub budget');
  await press(page, 'Rename Skeptic 0.9');
  await expectStatus(page, /already has that name/);
  await page.fill('#saved-name', '   ');
  await press(page, 'Rename Skeptic 0.9');
  await expectStatus(page, /Type a name/);
  await save(page, 'Hub budget');
  await expectStatus(page, /already has that name/);
  assert.equal(await page.inputValue('#saved-name'), 'Hub budget', 'a refused name stays in the field to be corrected');
  assert.deepEqual(await listed(page), ['Skeptic 0.9', 'Hub budget']);
  await page.fill('#saved-name', 'Sceptic, high sanctions');
  await press(page, 'Rename Skeptic 0.9');
  await expectStatus(page, 'Renamed.');
  await expectListed(page, ['Sceptic, high sanctions', 'Hub budget']);
  assert.equal((await stored(page))[0].name, 'Sceptic, high sanctions');

  // A name is text: markup in it is shown as typed, never parsed.
  const markup = '<img src=x onerror="window.__owned=1"> & Россия 🇷🇺';
  await save(page, markup);
  await expectListed(page, ['Sceptic, high sanctions', 'Hub budget', markup]);
  assert.equal(await page.locator('.saved img').count(), 0);
  assert.equal(await page.evaluate(() => window.__owned), undefined);

  // Delete keeps the focus in the section, on the name field.
  await press(page, 'Delete Hub budget');
  await expectStatus(page, 'Deleted.');
  await expectListed(page, ['Sceptic, high sanctions', markup]);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'saved-name');
  await page.reload();
  await waitReady(page, watcher);
  assert.deepEqual(await listed(page), ['Sceptic, high sanctions', markup]);
  assert.deepEqual(await watcher.problems(), []);
  await context.close();
});

test('a full quota or blocked storage is said beside the buttons, and what was saved stays', async () => {
  const { context, page, watcher } = await open('#v=1&p=skeptic');
  await save(page, 'Kept');
  await expectListed(page, ['Kept']);
  await save(page, 'Also kept');
  await expectListed(page, ['Kept', 'Also kept']);
  const before = await page.evaluate((key) => localStorage.getItem(key), KEY);
  await context.addInitScript(() => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.reload();
  await waitReady(page, watcher);
  assert.deepEqual(await listed(page), ['Kept', 'Also kept']);
  await save(page, 'One too many');
  await expectStatus(page, "Nothing was changed: the browser's storage for this page is full.");
  await page.fill('#saved-name', 'Renamed');
  await press(page, 'Rename Kept');
  await expectStatus(page, "Nothing was changed: the browser's storage for this page is full.");
  await press(page, 'Delete Also kept');
  await expectStatus(page, "Nothing was changed: the browser's storage for this page is full.");
  assert.deepEqual(await listed(page), ['Kept', 'Also kept']);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), before, 'the stored list is unchanged');
  await page.reload();
  await waitReady(page, watcher);
  assert.deepEqual(await listed(page), ['Kept', 'Also kept']);
  await context.close();

  // Storage switched off: said at once and on Save, and the page works on.
  const blocked = await browser.newContext();
  await blocked.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  const other = await blocked.newPage();
  const otherWatcher = watch(other);
  await other.goto(site.url);
  await waitReady(other, otherWatcher);
  await expectStatus(other, /does not let this page store anything/);
  await save(other, 'Nowhere');
  await expectStatus(other, /does not let this page store anything/);
  assert.deepEqual(await listed(other), []);
  await blocked.close();
});

test('an unreadable stored list is left as it is; an unreadable entry is named and kept', async () => {
  const { context, page, watcher } = await open();
  await page.evaluate((key) => localStorage.setItem(key, '{"not": "a list"'), KEY);
  await page.reload();
  await waitReady(page, watcher);
  await expectStatus(page, /could not be read, so they are left as they are/);
  await save(page, 'Over it');
  await expectStatus(page, /could not be read, so they are left as they are/);
  assert.equal(await page.evaluate((key) => localStorage.getItem(key), KEY), '{"not": "a list"', 'never written over');

  const good = { name: 'Good', link: 'v=1&p=skeptic&sanctions=0.9', saved: '2026-01-02' };
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, JSON.stringify([good, { name: 'Broken' }, 7])]);
  await page.reload();
  await waitReady(page, watcher);
  assert.deepEqual(await listed(page), ['Good']);
  await expectStatus(page, 'Saved scenarios that could not be read are left as stored: “Broken”, no. 3.');
  await save(page, 'New');
  await expectListed(page, ['Good', 'New']);
  assert.deepEqual(await stored(page), [good, { name: 'New', link: (await stored(page))[1].link, saved: (await stored(page))[1].saved }, { name: 'Broken' }, 7]);

  // A link saved by an older version (before links carried a data version) opens with its notice.
  const old = { name: 'Old link', link: 'v=1&p=skeptic&sanctions=0.8', saved: '2025-06-01' };
  await page.evaluate(([key, text]) => localStorage.setItem(key, text), [KEY, JSON.stringify([old])]);
  await page.reload();
  await waitReady(page, watcher);
  await press(page, 'Open Old link');
  await expectStatus(page, 'Opened, with notices: see the top of the page.');
  await page.waitForFunction(() => document.getElementById('preset').value === 'skeptic');
  assert.equal(Number(await page.inputValue('#param-sanctions')), 0.8);
  assert.match(await page.textContent('#notices'), /Link: This link was made with the 2024\.1 data/);
  await context.close();
});

test('offline: saving and opening work once the service worker controls the page', async () => {
  const persistent = await launchPersistent();
  try {
    const page = await persistent.context.newPage();
    const watcher = watch(page);
    await page.goto(`${site.url}#v=1&p=baseline`);
    await waitReady(page, watcher);
    await waitControlled(page);
    const requests = site.requests.length;
    await persistent.context.setOffline(true);
    try {
      await page.reload();
      await waitReady(page, watcher);
      await save(page, 'Offline baseline');
      await expectListed(page, ['Offline baseline']);
      const sanctions = Number(await page.inputValue('#param-sanctions'));
      await setSlider(page, 'sanctions', 0.85);
      await page.waitForFunction(() => location.hash.includes('sanctions=0.85'));
      await save(page, 'Offline sanctions');
      await expectListed(page, ['Offline baseline', 'Offline sanctions']);
      await press(page, 'Open Offline baseline');
      await page.waitForFunction((v) => Number(document.getElementById('param-sanctions').value) === v, sanctions);
      await press(page, 'Open Offline sanctions');
      await page.waitForFunction(() => Number(document.getElementById('param-sanctions').value) === 0.85);
      await page.reload();
      await waitReady(page, watcher);
      assert.deepEqual(await listed(page), ['Offline baseline', 'Offline sanctions']);
    } finally {
      await persistent.context.setOffline(false);
    }
    assert.equal(site.requests.length, requests, 'nothing reached the server while offline');
    assert.deepEqual(await watcher.problems(), []);
  } finally {
    await persistent.close();
  }
});

test('the section has no axe violations and fits a 360 px phone and a wide screen', async () => {
  for (const viewport of [{ width: 360, height: 780 }, { width: 1280, height: 900 }]) {
    const { context, page } = await open('#v=1&p=skeptic', viewport);
    await save(page, 'Skeptic');
    await expectListed(page, ['Skeptic']);
    await save(page, 'Ωmega: a long name with ünïcödé that wraps on a phone, sixty');
    await expectListed(page, ['Skeptic', 'Ωmega: a long name with ünïcödé that wraps on a phone, sixty']);
    await save(page, 'Skeptic');
    await expectStatus(page, /already has that name/);
    const section = page.locator('form.saved');
    await section.scrollIntoViewIfNeeded();
    await page.addScriptTag({ path: AXE });
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run('form.saved', { resultTypes: ['violations'] });
      return result.violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, [], `${viewport.width}px`);
    const overflow = await page.evaluate(() => {
      const box = document.querySelector('form.saved').getBoundingClientRect();
      const outside = [...document.querySelectorAll('form.saved *')].filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && (r.left < box.left - 0.5 || r.right > box.right + 0.5);
      });
      return { page: document.documentElement.scrollWidth - window.innerWidth, outside: outside.map((el) => el.outerHTML.slice(0, 60)) };
    });
    assert.ok(overflow.page <= 0, `${viewport.width}px: the page scrolls sideways by ${overflow.page}px`);
    assert.deepEqual(overflow.outside, [], `${viewport.width}px: nothing sticks out of the section`);
    // Every button is reached with Tab from the field.
    await page.focus('#saved-name');
    const reached = [];
    for (let i = 0; i < 10; i += 1) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement.textContent));
    }
    assert.deepEqual(reached, ['Save', 'Open', 'Rename', 'Delete', 'Open', 'Rename', 'Delete', reached[7], reached[8], reached[9]]);
    await section.screenshot({ path: `${SHOTS}/my-scenarios-${viewport.width}.png` });
    await context.close();
  }
});
