// End-to-end: the whole page at 360 px in English, Russian and Chinese, laid out as a reader on a phone sees it: the
// charts view with three compared scenarios and every folded part opened, then the table view. No element reaches
// past the page's right edge (but inside the parts that scroll sideways on purpose, the table and the notices'
// long links), and no control's or heading's text is wider than its own box. A screenshot of each language is kept
// in target/screenshots/ for a person to look at. And in Russian and Chinese no English is left: no run of three
// English words outside the names of publications, organisations and the command line.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { ROOT, serve, launch, watch, waitReady } from './harness.mjs';

const SHOTS = path.join(ROOT, 'target', 'screenshots');
/** Four scenarios compared, the money and heavy parts shown: the longest texts the page writes. */
const SCENARIO = '#v=1&p=kremlin-2030&st=separation&r.p=skeptic&r2.p=price-war&r3.p=hub-budget&d=2025.1';

let site;
let browser;
before(async () => {
  site = await serve();
  browser = await launch();
  mkdirSync(SHOTS, { recursive: true });
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/**
 * What is too wide on the page now: elements whose right edge passes the viewport's (outside the parts meant to
 * scroll sideways), and controls, headings and labels whose text is wider than their box.
 */
function tooWide(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const scrolls = (element) => element.closest('.table-wrap, pre, code, .share-field');
    const name = (element) => `${element.tagName.toLowerCase()}${element.id ? '#' + element.id : ''}${element.className && typeof element.className === 'string' ? '.' + element.className.trim().split(/\s+/).join('.') : ''} "${(element.textContent || '').trim().slice(0, 40)}"`;
    const problems = [];
    for (const element of document.body.querySelectorAll('*')) {
      if (scrolls(element) || element.closest('[hidden], template, .visually-hidden')) continue;
      const box = element.getBoundingClientRect();
      // Not shown, or hidden for the eye but kept for screen readers (a 1 px clipped box).
      if (box.width <= 1 || box.height <= 1) continue;
      if (box.right > width + 1) problems.push(`${name(element)} ends at ${Math.round(box.right)} px of ${width}`);
      if (/^(BUTTON|SELECT|LABEL|H1|H2|H3|SUMMARY|TH|DT)$/.test(element.tagName) && element.scrollWidth > element.clientWidth + 1 && getComputedStyle(element).display !== 'inline') {
        problems.push(`${name(element)}: text ${element.scrollWidth} px in a box of ${element.clientWidth} px`);
      }
    }
    const overflow = document.documentElement.scrollWidth - width;
    if (overflow > 0) problems.push(`the page scrolls sideways by ${overflow} px`);
    return problems;
  });
}

/** Opens every folded part of the page (<details>), as a reader reading it all would. */
async function openAll(page) {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
}

for (const lang of ['en', 'ru', 'zh']) {
  test(`at 360 px in ${lang}, nothing is wider than the page or its box (charts, then table)`, async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    const watcher = watch(page);
    await page.goto(`${site.url}${SCENARIO}&lang=${lang}`);
    await waitReady(page, watcher);
    await page.waitForFunction((id) => document.documentElement.lang === id, lang);
    await openAll(page);
    // The analysis panel's odds and bands arrive from the worker.
    await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 20_000 }).catch(() => {});
    const charts = await tooWide(page);
    await page.screenshot({ path: path.join(SHOTS, `i18n-360-${lang}.png`), fullPage: true });
    assert.deepEqual(charts, [], `charts view in ${lang}`);

    await page.goto(`${site.url}${SCENARIO}&vw=table&lang=${lang}`);
    await waitReady(page, watcher);
    await page.waitForSelector('.table-wrap table');
    await openAll(page);
    const table = await tooWide(page);
    await page.screenshot({ path: path.join(SHOTS, `i18n-360-${lang}-table.png`), fullPage: true });
    assert.deepEqual(table, [], `table view in ${lang}`);
    assert.deepEqual(await watcher.problems(), []);
    await context.close();
  });
}

/** Names that stay as published (titles of sources, publishers, projects, the command line). */
const NAMES = [
  'Rare-Earth Outlook', 'Global Critical Minerals Outlook', 'Rare Earth Exchanges', 'Mineral Commodity Summaries',
  'Critical Minerals Dataset', 'Rare Earth Elements', 'Horizontal Merger Guidelines', 'Critical Raw Materials Act',
  'ree-outlook --hindcast', 'The Moscow Times', 'Loparite: a rare-earth ore', 'MP Materials, Energy Fuels, Solvay, Neo, Serra Verde', 'Energy Fuels Phase', 'Nd, Pr, Dy',
];

for (const lang of ['ru', 'zh']) {
  test(`in ${lang}, no English is left on the page (charts with notices and compared scenarios, then the table)`, async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const watcher = watch(page);
    const left = [];
    for (const view of ['', '&vw=table']) {
      // zz=1 and p=… give notices; the analyses run; the money section and the walk's start are on the page.
      await page.goto(`${site.url}#v=1&p=kremlin-2030&st=separation&r.p=skeptic&r2.p=price-war&zz=1&lang=${lang}${view}`);
      await waitReady(page, watcher);
      await page.waitForFunction((id) => document.documentElement.lang === id, lang);
      await openAll(page);
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 20_000 }).catch(() => {});
      left.push(...(await page.evaluate((names) => {
        const found = [];
        const english = /[A-Za-z][a-z]+(?:[ ,'’-]+[A-Za-z][a-z]+){2,}/;
        const plain = (text) => names.reduce((rest, name) => rest.split(name).join(' '), text);
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let node; (node = walker.nextNode());) {
          const parent = node.parentElement;
          if (!parent || parent.closest('template, script, style, [hidden], #share-link, #citation, li[id^="src-"]')) continue;
          const match = plain(node.textContent).match(english);
          if (match) found.push(`${match[0]} (in <${parent.tagName.toLowerCase()}${parent.id ? '#' + parent.id : ''}>)`);
        }
        for (const element of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
          for (const name of ['aria-label', 'title', 'placeholder']) {
            const match = plain(element.getAttribute(name) || '').match(english);
            if (match) found.push(`${name}="${match[0]}"`);
          }
        }
        return found;
      }, NAMES)));
    }
    assert.deepEqual([...new Set(left)], [], `English left in ${lang}`);
    await context.close();
  });
}
