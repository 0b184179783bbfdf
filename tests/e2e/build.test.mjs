// The release build's finishing steps (scripts/post_build.py): the module's imports renamed short, in the module and
// its glue alike (scripts/wasm_imports.py).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { DIST, requireDist } from './harness.mjs';

test("the module's imports have one- or two-letter names, and the glue provides each exactly once", async () => {
  requireDist();
  const files = await readdir(DIST);
  const wasm = files.find((name) => /^ree-web-[0-9a-f]+_bg\.wasm$/.test(name));
  const glue = files.find((name) => /^ree-web-[0-9a-f]+\.js$/.test(name));
  assert.ok(wasm && glue, `module and glue in ${DIST}: ${files.join(', ')}`);
  const module = await WebAssembly.compile(await readFile(path.join(DIST, wasm)));
  const imports = WebAssembly.Module.imports(module);
  const script = await readFile(path.join(DIST, glue), 'utf8');
  assert.ok(imports.length > 100, `${imports.length} imports`);
  assert.equal(new Set(imports.map((i) => i.name)).size, imports.length, 'no name twice');
  for (const { name } of imports) {
    assert.match(name, /^[a-zA-Z]{1,2}$/, `short import name ${name}`);
    const keys = script.match(new RegExp(`(?<![\\w$])${name}:`, 'g')) ?? [];
    assert.ok(keys.length >= 1, `the glue has a key ${name}`);
  }
  assert.doesNotMatch(script, /__wbg_[a-z_]+_[0-9a-f]{16}/i, 'no hashed import name left in the glue');
});
