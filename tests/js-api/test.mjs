// Tests of the JavaScript API (src/js_api.rs) from Node: run `make js-api-test`, which builds it with wasm-pack first.
//
// REE_JS_API_PKG: the wasm-pack output folder (--target nodejs); default target/js-api/pkg-node.
// REE_OUTLOOK_BIN: the native command-line tool; when set, the JS projection is compared with its JSON output.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pkg = process.env.REE_JS_API_PKG ?? path.join(root, 'target', 'js-api', 'pkg-node');
const require = createRequire(import.meta.url);
const api = require(path.join(pkg, 'ree_outlook.js'));

const share = (projection, stage, region, year) =>
  projection.stages[stage].regions[region].share[projection.years.indexOf(year)];

test('simulate() with no argument or {} is the baseline: China mines about 69.4% in 2025', () => {
  for (const projection of [api.simulate(), api.simulate({}), api.simulate({ preset: 'baseline' })]) {
    assert.equal(projection.years[0], 2025);
    assert.equal(projection.years.at(-1), 2040);
    const china = share(projection, 'mining', 'china', 2025);
    assert.ok(Math.abs(china - 0.694) < 0.005, `China 2025 mining share ${china}`);
    // The observed years before the base year travel with the projection.
    assert.equal(projection.data_version, '2025.1');
    assert.equal(projection.observed.mining.years[0], 2019);
    const russia2019 = projection.observed.mining.regions.russia.share[0];
    assert.ok(Math.abs(russia2019 - 0.012) < 0.002, `Russia 2019 mining share ${russia2019}`);
    assert.ok(!(projection.stages instanceof Map), 'plain objects, not Map');
    for (const stage of ['mining', 'separation', 'magnets']) {
      const regions = Object.values(projection.stages[stage].regions);
      assert.equal(regions.length, 8);
      for (let i = 0; i < projection.years.length; i++) {
        const total = regions.reduce((sum, region) => sum + region.share[i], 0);
        assert.ok(Math.abs(total - 1) < 1e-9, `${stage} ${projection.years[i]} shares sum to ${total}`);
      }
    }
  }
});

test('presets and parameters change the projection', () => {
  const kremlin = share(api.simulate({ preset: 'kremlin-2030' }), 'separation', 'russia', 2030);
  const skeptic = share(api.simulate({ preset: 'skeptic' }), 'separation', 'russia', 2030);
  assert.ok(kremlin > skeptic + 0.02, `kremlin ${kremlin} skeptic ${skeptic}`);
  const eased = share(api.simulate({ preset: 'skeptic', sanctions: 0, ru_first_plant: 2026 }), 'separation', 'russia', 2030);
  assert.ok(eased > skeptic, `eased ${eased} skeptic ${skeptic}`);
  assert.equal(api.simulate({ horizon: 2050 }).years.length, 26);
});

test('bad input throws an Error that names the key, the range or the valid choices', () => {
  const cases = [
    [{ sanctions: 2 }, /sanctions must be between 0 and 1 \(got 2\)/],
    [{ sanctions: -0.5 }, /sanctions must be between 0 and 1/],
    [{ ru_first_plant: 2100 }, /ru_first_plant must be between 2025 and 2040/],
    [{ sanctions: 'high' }, /sanctions must be a number between 0 and 1/],
    [{ sanctions: null }, /sanctions must be a number/],
    [{ foo: 1 }, /unknown parameter 'foo'; valid keys: preset, stage, ru_plan_share/],
    [{ stage: 'refining' }, /unknown stage 'refining'; valid stages: mining, separation, separation_light, separation_heavy, magnets/],
    [{ stage: 3 }, /'stage' must be a string/],
    [{ preset: 'utopia' }, /unknown preset 'utopia'; valid presets: baseline, kremlin-2030/],
    [{ preset: 7 }, /'preset' must be a string/],
    [42, /plain object/],
    ['sanctions=1', /plain object/],
    [[1, 2], /plain object/],
  ];
  for (const [input, message] of cases) {
    assert.throws(() => api.simulate(input), (error) => error instanceof Error && message.test(error.message),
      `${JSON.stringify(input)}`);
  }
});

test('presets() and params() are plain arrays of objects', () => {
  const presets = api.presets();
  assert.ok(Array.isArray(presets));
  assert.deepEqual(presets.map((preset) => preset.id),
    ['baseline', 'kremlin-2030', 'kremlin-12', 'skeptic', 'sanctions-lifted', 'price-war', 'allied-buildout', 'hub-budget', 'controls-2026']);
  const skeptic = presets.find((preset) => preset.id === 'skeptic');
  assert.equal(skeptic.parameters.sanctions, 0.85);
  assert.ok(skeptic.description.length > 50);

  const params = api.params();
  assert.ok(Array.isArray(params) && params.length >= 10);
  const sanctions = params.find((param) => param.key === 'sanctions');
  assert.equal(sanctions.min, 0);
  assert.equal(sanctions.max, 1);
  assert.equal(sanctions.default, 0.6);
  assert.ok(sanctions.source.length > 0 && sanctions.label.length > 0);
  // Every preset's parameters are keyed by the parameter table's keys.
  assert.deepEqual(Object.keys(skeptic.parameters), params.map((param) => param.key));
});

test('decodeLink and encodeLink read and write the page links', () => {
  const link = api.encodeLink({ preset: 'skeptic', sanctions: 0.5 });
  assert.equal(link, 'v=1&p=skeptic&sanctions=0.5&st=separation&d=2025.1');
  const decoded = api.decodeLink(`https://example.org/ree/#${link}`);
  assert.equal(decoded.preset, 'skeptic');
  assert.equal(decoded.parameters.sanctions, 0.5);
  assert.deepEqual(decoded.notices, []);
  assert.equal(decoded.dataNote, undefined);
  // A link made before links carried the data version opens the same settings, with a note.
  const old = api.decodeLink('#v=1&p=skeptic&sanctions=0.5&st=separation');
  assert.equal(old.parameters.sanctions, 0.5);
  assert.match(old.dataNote, /2024\.1 data/);
  const bad = api.decodeLink('#v=1&p=skeptic&sanctions=3&foo=1');
  assert.equal(bad.parameters.sanctions, 1);
  assert.deepEqual(bad.notices, [
    "Sanctions friction 300% is out of range; used 100%.",
    "Ignored unknown setting 'foo'.",
  ]);
  assert.throws(() => api.encodeLink({ bogus: 1 }), /unknown parameter 'bogus'/);
  // Separation's two products are stages of a link too, both ways.
  const heavy = api.encodeLink({ preset: 'baseline', stage: 'separation_heavy' });
  assert.equal(heavy, 'v=1&p=baseline&st=separation_heavy&d=2025.1');
  assert.equal(api.decodeLink(`#${heavy}`).stage, 'separation_heavy');
  assert.equal(api.decodeLink('#v=1&p=baseline&st=separation_light').stage, 'separation_light');
  assert.throws(() => api.encodeLink({ stage: 'refining' }), /unknown stage 'refining'/);
});

test('simulate() gives separation\'s light and heavy products and the magnets relying on China\'s Dy and Tb', () => {
  const projection = api.simulate();
  const { light, heavy, heavy_demand, magnets_on_china_heavy } = projection.separation_products;
  const at = projection.years.indexOf(2030);
  assert.ok(heavy.regions.china.share[at] > 0.95, `China's heavy share ${heavy.regions.china.share[at]}`);
  assert.ok(light.regions.china.share[at] < heavy.regions.china.share[at]);
  for (const region of Object.keys(projection.stages.separation.regions)) {
    const total = light.regions[region].output[at] + heavy.regions[region].output[at];
    assert.ok(Math.abs(total - projection.stages.separation.regions[region].output[at]) < 1e-6, region);
  }
  assert.equal(heavy_demand.length, projection.years.length);
  assert.ok(magnets_on_china_heavy[at] > 0);
});

test('the wasm model gives the native command-line tool\'s numbers exactly', { skip: !process.env.REE_OUTLOOK_BIN && 'REE_OUTLOOK_BIN not set' }, () => {
  for (const [preset, extra, args] of [
    ['skeptic', {}, []],
    ['kremlin-12', { demand_growth: 0.0712345678901234, ru_reserves_mt: 28.7 }, ['--set', 'demand_growth=0.0712345678901234', '--set', 'ru_reserves_mt=28.7']],
  ]) {
    const native = JSON.parse(execFileSync(process.env.REE_OUTLOOK_BIN, ['--preset', preset, ...args, '--format', 'json'], { encoding: 'utf8' }));
    const wasm = api.simulate({ preset, ...extra });
    assert.deepEqual(wasm, native.projection, preset);
  }
});
