// End-to-end checks of the analysis panel, the goal seek, the projection table and the money section in Russian and
// Chinese (issue 13): with lang= in the link their labels, statuses, answers, captions and headers come from
// i18n/<lang>.json (read here, never written out), numbers follow the reader's style (a decimal comma in Russian), no
// English is left in them, axe finds no violations and nothing is wider than a 360 px screen.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serve, launch, ROOT, watch, waitReady, axeViolations } from './harness.mjs';

const texts = (lang) => JSON.parse(readFileSync(path.join(ROOT, 'i18n', `${lang}.json`), 'utf8'));

/** A text's markup as the reader reads it: tags dropped. */
const plain = (html) => html.replace(/<[^>]*>/g, '').trim();

/** `template` with each {name} replaced by values[name]. */
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (all, name) => (name in values ? values[name] : all));

/** The longest fixed part of a template (the text between its {named} values), which the page must show as it is. */
const fixedPart = (template) => template.split(/\{\w+\}/).reduce((a, b) => (b.length > a.length ? b : a), '');

/** A regular expression for `template` with every value any text. */
const pattern = (template) => new RegExp(`^${template.split(/\{\w+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')).join('.*?')}$`, 's');

/** The innerText of `selector`, spaces (non-breaking included) made one. */
const textOf = async (page, selector) => (await page.locator(selector).first().innerText()).replace(/\s+/g, ' ').trim();
const norm = (text) => text.replace(/\s+/g, ' ').trim();

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

for (const [lang, decimal, runsForm] of [
  ['ru', ',', 'many'],
  ['zh', '.', 'other'],
]) {
  test(`the analysis panel, goal seek, table and money section in ${lang}: texts from i18n/${lang}.json, number style, axe, 360 px`, async () => {
    const t = texts(lang);
    const en = texts('en');
    const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const watcher = watch(page);
    await page.goto(`${site.url}#v=1&p=baseline&mc=200&seed=7&vw=table&lang=${lang}`);
    await waitReady(page, watcher);
    assert.equal(await page.getAttribute('html', 'lang'), lang);

    // The analysis panel: its labels, choices and status.
    assert.equal(await textOf(page, 'label[for="target-share"]'), fill(t['analysis.target'], { stage: t['stage.separation.name'] }));
    for (const id of ['target-year', 'fan-region', 'mc-sampling', 'mc-samples', 'mc-seed']) {
      assert.equal(await textOf(page, `label[for="${id}"]`), plain(t[`static.html.m-${id}`]), id);
    }
    const sampling = await page.locator('#mc-sampling option').allInnerTexts();
    assert.deepEqual(sampling, [t['headline.assumption.plausible'], t['headline.assumption.scenario']]);
    assert.ok((await page.locator('#target-share option').allInnerTexts()).includes(`10${decimal}0%`));
    const status = fill(t['analysis.status'][runsForm], { runs: '200', seed: '7', ms: '\u0000' });
    const [before, after] = status.split('\u0000');
    await page.waitForFunction(
      ([a, b]) => {
        const text = document.getElementById('analysis-status')?.textContent ?? '';
        return text.startsWith(a) && text.endsWith(b);
      },
      [before, after],
      { timeout: 20_000 },
    );
    assert.match(await page.locator('#analysis-status').textContent(), new RegExp(`^${before.replace(/[.*+?^$()|[\]\\]/g, '\\$&')}\\d+`));
    assert.equal(await textOf(page, '#download-csv-tornado'), t['analysis.tornado-csv']);
    // The fan's and the tornado's texts name the target and the parameters in the language.
    const output = fill(t['analysis.output'], { region: t['region.russia'], stage: t['stage.separation.name'], year: '2030' });
    await page.waitForFunction((want) => (document.getElementById('chart-tornado-description')?.textContent ?? '').includes(want), output, { timeout: 20_000 });
    const tornado = norm(await page.locator('#chart-tornado-description').textContent());
    assert.ok(tornado.includes(t['param.sanctions.label']), tornado);
    assert.ok(!tornado.includes(en['param.sanctions.label']), `no English parameter names: ${tornado}`);
    const analysis = norm(await page.locator('#analysis').innerText());
    for (const english of ["Russia's", 'runs, seed', 'Updating', 'Tornado as CSV']) {
      assert.ok(!analysis.includes(english), `no "${english}" in the analysis panel: ${analysis}`);
    }

    // The goal seek: an answer in the language with the reader's decimal sign, then the fields' errors.
    await page.fill('#goal-share', '5');
    await page.fill('#goal-year', '2033');
    await page.selectOption('#goal-stage', 'mining');
    assert.equal(await textOf(page, '#goal-stage option[value="mining"]'), t['stage.mining']);
    assert.ok((await page.locator('#goal-param option').allInnerTexts()).includes(t['param.sanctions.label']));
    await page.click('#goal-seek-run');
    await page.waitForSelector('#goal-seek-answer');
    const answer = norm(await page.locator('#goal-seek-answer').innerText());
    const goalOutput = fill(t['analysis.output'], { region: t['region.russia'], stage: t['stage.mining.name'], year: '2033' });
    assert.ok(answer.includes(goalOutput), `${goalOutput} in ${answer}`);
    assert.ok(answer.includes(`5${decimal}0%`), `the share in the reader's style: ${answer}`);
    assert.ok(
      ['goal.met', 'goal.set', 'goal.out-of-reach'].some((key) => pattern(norm(t[key])).test(answer)),
      `the answer is one of the language's wordings: ${answer}`,
    );
    if (await page.locator('#goal-seek-apply').count()) {
      assert.ok((await textOf(page, '#goal-seek-apply')).startsWith(fixedPart(t['goal.use']).trim()));
    }
    await page.fill('#goal-share', '150');
    await page.fill('#goal-year', '1999');
    await page.click('#goal-seek-run');
    await page.waitForSelector('#goal-share-error');
    assert.equal(await textOf(page, '#goal-share-error'), t['goal.share-invalid']);
    assert.equal(await textOf(page, '#goal-year-error'), fill(t['goal.year-invalid'], { from: '2025', to: '2050' }));

    // The projection table (vw=table in the link): caption, headers and observed years.
    const caption = fill(t['table.caption'], { name: t['stage.separation.name'], from: '2025', to: '2040' });
    assert.equal(norm(await page.locator('#projection-table-caption').innerText()), norm(caption));
    const headers = (await page.locator('#projection-table thead th').allInnerTexts()).map(norm);
    assert.equal(headers[0], t['table.year']);
    assert.ok(headers.includes(t['region.china']), headers.join(' | '));
    const columns = [...t['table.columns'].matchAll(/<th[^>]*>(.*?)<\/th>/g)].map((m) => norm(plain(fill(m[1], { unit: t['stage.separation.unit'] }))));
    for (const column of columns) assert.ok(headers.includes(column), `${column} in ${headers.join(' | ')}`);
    const observed = norm(await page.locator('#projection-table tbody tr.observed th').first().innerText());
    assert.match(observed, pattern(t['table.observed']));
    assert.match(await page.locator('#projection-table tbody td').first().innerText(), new RegExp(`^\\d+\\${decimal}\\d%$`));

    // The money section: heading, answer, table, sources and the feed.
    assert.equal(await textOf(page, '#budget-heading'), plain(t['static.html.m-budget-heading']));
    const money = norm(await page.locator('#budget-answer').innerText());
    assert.ok(money.includes(norm(fill(t['budget.money'], { n: `9${decimal}20` }))), money);
    assert.ok(money.includes(norm(fixedPart(t['budget.answer']))), money);
    const limits = ['money', 'feed', 'ramp', 'sanctions', 'heavy', 'none'].map((key) => t[`budget.limit.${key}`]);
    assert.ok(limits.some((limit) => money.includes(limit)), `what runs out first, in the language: ${money}`);
    assert.ok(!/\{\d\}/.test(money), `every value filled in: ${money}`);
    assert.equal(await textOf(page, '#budget-table caption'), plain(t['budget.table.head'].match(/<caption>(.*?)<\/caption>/)[1]));
    const rowHeads = (await page.locator('#budget-table tbody th').allInnerTexts()).map(norm);
    assert.deepEqual(rowHeads, ['mining', 'separation', 'magnets', 'cost', 'premium', 'share'].map((row) => t[`budget.row.${row}`]));
    assert.equal(await textOf(page, '.budget-sources'), norm(plain(t['static.html.m-budget-sources'])));
    const feed = norm(await page.locator('#feed-sentence').innerText());
    assert.match(feed, pattern(norm(t['budget.feed'])));
    const budget = norm(await page.locator('#budget').innerText());
    for (const english of ['for rare earths', 'The money buys', 'Sources:', "Russia's separation needs"]) {
      assert.ok(!budget.includes(english), `no "${english}" in the money section`);
    }

    assert.deepEqual(await axeViolations(page), []);

    // On a 360 px screen nothing is wider than the screen (the table scrolls inside its own frame).
    await page.setViewportSize({ width: 360, height: 740 });
    await page.waitForTimeout(500);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    const wide = await page.evaluate(() =>
      [...document.querySelectorAll('#analysis *, #budget *, .table-wrap')]
        .filter((el) => !el.closest('.table-wrap')?.contains(el.parentElement) && el.getClientRects().length)
        .map((el) => [el, el.getBoundingClientRect()])
        .filter(([, box]) => box.left < -1 || box.right > window.innerWidth + 1)
        .map(([el, box]) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${el.className} ${Math.round(box.left)}..${Math.round(box.right)}`),
    );
    assert.deepEqual(wide, []);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    assert.deepEqual(await watcher.problems(), []);
    await context.close();
  });
}
