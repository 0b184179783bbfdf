// End-to-end checks of the page's messages and working parts in Russian and Chinese (issue 13): with lang= in the link,
// a broken link's notices, the compare controls and a pinned preset's default name, "My scenarios" (its list, buttons
// and status), a refused scenario file, the copy-link and download buttons all come from i18n/<lang>.json (read here,
// with the values filled in), axe finds no violations, and at 360 px none of these parts is wider than the page.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serve, launch, ROOT, watch, waitReady, axeViolations, pastEdge } from './harness.mjs';

const texts = (lang) => JSON.parse(readFileSync(path.join(ROOT, 'i18n', `${lang}.json`), 'utf8'));

/** `template` with each `{name}` of `values` filled in (others left as written). */
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? values[name] : whole));

/** A regular expression for `template` with `values` filled in and any other `{name}` matching any text. */
function pattern(template, values) {
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(
    template
      .split(/(\{\w+\})/)
      .map((part) => {
        const name = /^\{(\w+)\}$/.exec(part)?.[1];
        if (!name) return escape(part);
        return name in values ? escape(values[name]) : '.+?';
      })
      .join(''),
  );
}

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

for (const lang of ['ru', 'zh']) {
  test(`notices, compare, My scenarios, files, copy link and downloads in ${lang}; axe; nothing wider than 360 px`, async () => {
    const t = texts(lang);
    const en = texts('en');
    const context = await browser.newContext({
      bypassCSP: true,
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.origin });
    const page = await context.newPage();
    const watcher = watch(page);
    // No `d`: a link from before data versions, with an unknown preset and an unknown setting.
    await page.goto(`${site.url}#v=1&p=nope&zz=1&lang=${lang}`);
    await waitReady(page, watcher);
    assert.equal(await page.getAttribute('html', 'lang'), lang);

    // The link's notices, each introduced as the link's, in the language.
    const notices = await page.locator('#notices .notice p').allTextContents();
    const link = (notice) => fill(t['notice.from-link'], { notice });
    const expected = [
      pattern(link(t['notice.data.unversioned']), { what: t['notice.what.link'], version: '2024.1', changes: t['notice.data-changes'] }),
      pattern(link(t['notice.unknown-preset']), { whose: '', value: "'nope'", baseline: t['preset.baseline.title'] }),
      new RegExp(`^${pattern(link(t['notice.unknown-setting']), { key: "'zz'" }).source}$`),
    ];
    assert.equal(notices.length, expected.length, notices.join('\n'));
    expected.forEach((want, index) => assert.match(notices[index], want));
    for (const notice of notices) assert.ok(!notice.includes(en['notice.from-link'].split('{')[0]), `no English left: ${notice}`);
    assert.equal((await page.textContent('#notices .dismiss')).trim(), t['notice.dismiss']);
    assert.equal(await page.getAttribute('#notices .dismiss', 'aria-label'), t['notice.dismiss-label']);

    // Copy link, print and the downloads.
    assert.equal((await page.textContent('#copy-link')).trim(), t['share.copy']);
    assert.equal((await page.textContent('#print-briefing')).trim(), t['share.print']);
    assert.equal((await page.textContent('#download-csv')).trim(), t['download.csv']);
    assert.equal((await page.textContent('#download-json')).trim(), t['download.json']);
    await page.click('#copy-link');
    await page.waitForFunction(() => document.getElementById('copy-status').textContent.trim() !== '');
    const copied = (await page.textContent('#copy-status')).trim();
    assert.ok(copied === t['share.copied'] || pattern(t['share.copy-failed'], {}).test(copied), copied);

    // A refused scenario file: why, in the language, beside the input and in the notices.
    await page.setInputFiles('#load-json', { name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "x"}') });
    const refused = fill(t['file.not-loaded'], { name: 'bad.json', message: fill(t['file.wrong-format'], { format: 'ree-outlook-scenario' }) });
    await page.waitForFunction((want) => document.getElementById('load-outcome').textContent.trim() === want, refused, { timeout: 5000 });

    // Pin the scenario (the baseline, as the unknown preset fell back to it): the compare controls and its name.
    assert.equal((await page.textContent('#pin-reference')).trim(), t['compare.pin']);
    await page.click('#pin-reference');
    await page.waitForSelector('#reference-name-1');
    assert.equal(await page.inputValue('#reference-name-1'), t['preset.baseline.title']);
    assert.equal(await page.getAttribute('#reference-name-1', 'aria-label'), t['compare.name.1']);
    assert.equal((await page.textContent('#remove-reference-1')).trim(), t['compare.remove.1']);
    assert.equal((await page.textContent('#clear-reference')).trim(), t['compare.clear']);
    // The link keeps no name for an unnamed reference: what it shows is the reader's language's default.
    assert.doesNotMatch(await page.evaluate(() => location.hash), /r\.n=/);

    // My scenarios: save, the list's line and buttons, open, and a refused name.
    const status = async () => (await page.textContent('#saved-status')).trim();
    const name = lang === 'ru' ? 'Мой сценарий' : '我的情景';
    await page.fill('#saved-name', name);
    await page.click('form.saved > button');
    await page.waitForFunction((want) => document.getElementById('saved-status').textContent.trim() === want, t['saved.saved'], { timeout: 5000 });
    assert.equal((await page.textContent('#sn0')).trim(), name);
    const line = await page.textContent('.saved li');
    assert.ok(line.includes(t['saved.on']), line);
    assert.equal((await page.textContent('#so0')).trim(), t['saved.open']);
    assert.equal((await page.textContent('#sr0')).trim(), t['saved.rename']);
    assert.equal((await page.textContent('#sd0')).trim(), t['saved.delete']);
    await page.fill('#saved-name', name);
    await page.click('form.saved > button');
    await page.waitForFunction((want) => document.getElementById('saved-status').textContent.trim() === want, t['saved.taken'], { timeout: 5000 });
    await page.click('#so0');
    await page.waitForFunction((want) => document.getElementById('saved-status').textContent.trim() === want, t['saved.opened'], { timeout: 5000 });
    assert.equal(await status(), t['saved.opened']);

    // A changed reference is its preset "(changed)"; one named with its preset's English title (as an English page
    // showed it) shows the title in the language.
    await page.evaluate((hash) => { location.hash = hash; }, `v=1&p=baseline&r.p=baseline&r.sanctions=0.5&r2.p=skeptic&r2.n=Supply-chain%20skeptic&lang=${lang}&d=2025.1`);
    await page.waitForSelector('#reference-name-2');
    await page.waitForFunction((want) => document.getElementById('reference-name-1').value === want, fill(t['compare.changed'], { name: t['preset.baseline.title'] }), { timeout: 5000 });
    assert.equal(await page.inputValue('#reference-name-2'), t['preset.skeptic.title']);
    assert.equal((await page.textContent('#remove-reference-2')).trim(), t['compare.remove.2']);
    assert.equal(await page.getAttribute('#reference-name-2', 'aria-label'), t['compare.name.2']);

    assert.deepEqual(await axeViolations(page), []);

    // At 360 px nothing of these parts reaches past the page's edge.
    const result = await pastEdge(page, '#notices, #notices *, #compare, #compare *, .toolbar, .toolbar *, .share, .share *, .downloads, .downloads *, .saved, .saved *');
    assert.equal(result.width, 360, 'the page is 360 px wide');
    assert.deepEqual(result.over, [], 'elements past the page edge');
    assert.ok(result.scrollWidth <= 360, `the page scrolls sideways: ${result.scrollWidth} px`);

    assert.deepEqual(watcher.errors, []);
    await context.close();
  });
}
