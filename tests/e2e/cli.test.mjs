// End-to-end: a scenario link opened in the page gives the same headline numbers, to the last digit, as the command-line
// tool given the same link (`ree-outlook --url '…' --format json`).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { serve, launch, watch, waitReady, ROOT } from './harness.mjs';

/** Links to compare (fragment text without '#'); '' is the default scenario. */
const LINKS = [
  '',
  'v=1&p=skeptic&sanctions=0.9',
  'v=1&p=kremlin-2030&demand_growth=0.07&st=mining',
  'v=1&p=price-war&ru_first_plant=2031&sanctions=0.35',
  'v=1&p=allied-buildout&allied_slip=0.5',
];

/** The page's trusted-share level, read from the source so the test follows it. */
const TRUSTED_LEVEL = (() => {
  const src = readFileSync(path.join(ROOT, 'src', 'app', 'headline.rs'), 'utf8');
  const m = src.match(/pub const TRUSTED_LEVEL: f64 = ([0-9.]+);/);
  assert.ok(m, 'TRUSTED_LEVEL is declared in src/app/headline.rs');
  return Number(m[1]);
})();

/** Runs the command-line tool on a link and returns the headline numbers it implies. */
function cliHeadline(link) {
  const out = execFileSync('cargo', ['run', '--quiet', '--bin', 'ree-outlook', '--', '--url', `#${link}`, '--format', 'json'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { projection } = JSON.parse(out);
  const at = projection.years.indexOf(2030);
  assert.ok(at >= 0, 'the projection covers 2030');
  // The headline follows the link's stage ('st'), separation when the link names none.
  const stage = projection.stages[new URLSearchParams(link).get('st') || 'separation'];
  const trustedIndex = stage.trusted_share.findIndex((share) => share >= TRUSTED_LEVEL);
  return {
    russia: stage.regions.russia.share[at],
    china: stage.regions.china.share[at],
    trusted: trustedIndex < 0 ? 'none' : String(projection.years[trustedIndex]),
  };
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

for (const link of LINKS) {
  test(`page and CLI agree on the headline for '#${link}'`, async () => {
    const expected = cliHeadline(link);
    const context = await browser.newContext();
    const page = await context.newPage();
    const watcher = watch(page);
    await page.goto(`${site.url}${link ? `#${link}` : ''}`);
    await waitReady(page, watcher);
    const shown = {
      russia: Number(await page.getAttribute('#headline-russia', 'data-value')),
      china: Number(await page.getAttribute('#headline-china', 'data-value')),
      trusted: await page.getAttribute('#headline-trusted', 'data-value'),
    };
    assert.deepEqual(shown, expected);
    assert.deepEqual(await watcher.problems(), []);
    await context.close();
  });
}
