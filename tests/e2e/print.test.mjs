// End-to-end: printing the calculator gives a briefing (www/style.css, `@media print`). Under print media, with a
// scenario open and its analyses drawn: every chart canvas fits the printable width of A4 and of Letter without
// distortion; buttons, file inputs, skip links, the goal-seek form and the analysis selects are hidden while the
// headline, the charts, the share link and the sources stay; `page.pdf` gives a reasonable number of A4 and Letter
// pages; and no chart is cut across a page boundary: in the PDF each canvas is one image drawn on exactly one page
// (a canvas cut by a page break is drawn on both pages it straddles).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, watch, waitReady } from './harness.mjs';

/** Paper sizes in millimetres, as page.pdf's `format` names them. */
const PAPERS = { A4: { width: 210, height: 297 }, Letter: { width: 215.9, height: 279.4 } };
const MM = 96 / 25.4;
const SCENARIO = '#v=1&p=skeptic&sanctions=0.9';

let site;
let browser;
let page;
let watcher;
before(async () => {
  site = await serve();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  watcher = watch(page);
  await page.goto(site.url + SCENARIO);
  await waitReady(page, watcher);
  // The analysis charts (fan, tornado) draw when their results arrive.
  await page.waitForFunction(() => [...document.querySelectorAll('canvas')].every((c) => Number(c.dataset.draws || 0) > 0), null, { timeout: 30_000 });
  await page.emulateMedia({ media: 'print' });
});
after(async () => {
  await browser?.close();
  await site?.close();
});

/** The print stylesheet's page margin in CSS px, read from its `@page` rule (so the test follows the stylesheet). */
async function pageMarginPx() {
  const margin = await page.evaluate(() => {
    const find = (rules) => {
      for (const rule of rules) {
        if (rule instanceof CSSPageRule) return rule.style.getPropertyValue('margin') || rule.style.getPropertyValue('margin-top');
        if (rule.cssRules && rule instanceof CSSMediaRule && /print/.test(rule.media.mediaText)) {
          const found = find(rule.cssRules);
          if (found) return found;
        }
      }
      return null;
    };
    for (const sheet of document.styleSheets) {
      const found = find(sheet.cssRules);
      if (found) return found;
    }
    return null;
  });
  assert.ok(margin, 'the stylesheet has an @page rule with a margin for print');
  const m = /^([\d.]+)(mm|cm|in|px)$/.exec(margin.trim());
  assert.ok(m, `a margin in one unit: ${margin}`);
  const factor = { mm: MM, cm: 10 * MM, in: 96, px: 1 }[m[2]];
  return Number(m[1]) * factor;
}

/** The printable area of a paper in CSS px. */
async function printable(name) {
  const margin = await pageMarginPx();
  return { width: PAPERS[name].width * MM - 2 * margin, height: PAPERS[name].height * MM - 2 * margin };
}

/** What the print layout shows at the current viewport: each canvas's box and bitmap, and which elements render. */
async function printLayout() {
  return page.evaluate(() => {
    const shown = (el) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
    return {
      docWidth: document.documentElement.scrollWidth,
      canvases: [...document.querySelectorAll('canvas')].filter(shown).map((c) => {
        const r = c.getBoundingClientRect();
        return { id: c.id, left: r.left, right: r.right, width: r.width, height: r.height, bitmap: [c.width, c.height] };
      }),
      shownControls: [
        ...document.querySelectorAll('button, input[type="file"], input[type="range"], .skip-links a, #goal-seek, .analysis-settings select, .download-row'),
      ]
        .filter(shown)
        .map((el) => el.id || el.className || el.tagName),
      shown: Object.fromEntries(
        ['#headline-russia', '#chart-share', '#citation', '#sources', '#settings', '#preset-description'].map((sel) => [sel, !!document.querySelector(sel) && shown(document.querySelector(sel))]),
      ),
      shareLink: document.querySelector('#share-link')?.value || '',
      citation: document.querySelector('#citation')?.textContent || '',
      citationRight: document.querySelector('#citation')?.getBoundingClientRect().right || 0,
    };
  });
}

for (const name of Object.keys(PAPERS)) {
  test(`${name}: every chart fits the printable width, undistorted; controls hidden, the briefing's parts shown`, async () => {
    const area = await printable(name);
    await page.setViewportSize({ width: Math.floor(area.width), height: Math.floor(area.height) });
    // Let a resize redraw settle (the canvases keep their proportions either way).
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    const layout = await printLayout();
    assert.ok(layout.canvases.length >= 4, `the charts print: ${layout.canvases.map((c) => c.id)}`);
    for (const c of layout.canvases) {
      assert.ok(c.width > area.width * 0.6, `#${c.id} uses the page's width (${c.width.toFixed(0)} of ${area.width.toFixed(0)} px)`);
      assert.ok(c.left >= -0.5 && c.right <= Math.floor(area.width) + 0.5, `#${c.id} fits the printable width of ${name}: ${c.left.toFixed(1)}–${c.right.toFixed(1)} of ${area.width.toFixed(1)} px`);
      const drawn = c.bitmap[0] / c.bitmap[1];
      assert.ok(Math.abs(c.width / c.height - drawn) / drawn < 0.03, `#${c.id} keeps its proportions (${c.width.toFixed(0)}×${c.height.toFixed(0)}, bitmap ${c.bitmap.join('×')})`);
    }
    assert.ok(layout.docWidth <= Math.floor(area.width) + 1, `nothing runs past the right margin (${layout.docWidth} px)`);
    assert.deepEqual(layout.shownControls, [], 'buttons, file inputs, sliders, skip links, the goal seek and the analysis selects are hidden');
    for (const [selector, visible] of Object.entries(layout.shown)) assert.ok(visible, `${selector} is printed`);
    assert.match(layout.shareLink, /#v=1&/, 'the share field holds the scenario link');
    assert.ok(layout.citation.includes(layout.shareLink), 'the printed citation carries the whole link');
    assert.ok(layout.citationRight <= Math.floor(area.width) + 0.5, 'the citation wraps within the printable width');
  });

  test(`${name}: page.pdf gives a few pages and no chart straddles a page boundary`, async () => {
    const pdf = await page.pdf({ format: name });
    const { pages, images } = pdfImages(pdf);
    assert.ok(pages.length >= 2 && pages.length <= 10, `a reasonable number of ${name} pages: ${pages.length}`);
    const canvases = (await printLayout()).canvases.length;
    assert.equal(images.size, canvases, `one image per printed canvas (${images.size} images, ${canvases} canvases)`);
    for (const [image, onPages] of images) {
      assert.equal(onPages.length, 1, `image ${image} (a chart) is drawn on one page, not cut across pages ${onPages.join(' and ')}`);
    }
    assert.deepEqual(await watcher.problems(), []);
  });
}

/**
 * The pages of a PDF written by Chromium (Skia) and, for each image XObject, the pages (1-based) that draw it,
 * directly or through form XObjects. Object dictionaries are plain text in these files; only streams are compressed.
 */
function pdfImages(buffer) {
  const text = buffer.toString('latin1');
  const objects = new Map();
  for (const m of text.matchAll(/(\d+) 0 obj\s*(<<[\s\S]*?)(?:stream\r?\n|endobj)/g)) objects.set(m[1], m[2]);
  // Object streams (PDF 1.5) would hide dictionaries; Chromium does not write them, and this reader says so if it does.
  assert.ok(!/\/Type\s*\/ObjStm/.test(text), 'the PDF has no object streams (this reader needs plain dictionaries)');
  const pages = [...objects.entries()].filter(([, dict]) => /\/Type\s*\/Page(?![s\w])/.test(dict)).map(([id]) => id);
  const images = new Map();
  const xobjectRefs = (dict) => {
    let resources = /\/Resources\s*(\d+) 0 R/.exec(dict);
    const body = resources ? objects.get(resources[1]) || '' : dict;
    const block = /\/XObject\s*<<([^>]*)>>/.exec(body) || ((resources = /\/XObject\s*(\d+) 0 R/.exec(body)) && [null, objects.get(resources[1]) || '']);
    return block ? [...block[1].matchAll(/\/[\w.-]+\s+(\d+) 0 R/g)].map((m) => m[1]) : [];
  };
  const visit = (id, pageNo, seen) => {
    if (seen.has(id)) return;
    seen.add(id);
    const dict = objects.get(id) || '';
    if (/\/Subtype\s*\/Image/.test(dict)) {
      const list = images.get(id) || [];
      if (!list.includes(pageNo)) list.push(pageNo);
      images.set(id, list);
    } else if (/\/Subtype\s*\/Form/.test(dict)) {
      for (const ref of xobjectRefs(dict)) visit(ref, pageNo, seen);
    }
  };
  pages.forEach((id, i) => {
    const seen = new Set();
    for (const ref of xobjectRefs(objects.get(id))) visit(ref, i + 1, seen);
  });
  // Soft masks are images too, but belong to the image that names them.
  for (const dict of objects.values()) {
    const mask = /\/SMask\s+(\d+) 0 R/.exec(dict);
    if (mask) images.delete(mask[1]);
  }
  return { pages, images };
}
