// README.md's JavaScript instructions, run exactly as written: the `sh` block under "Use the model from JavaScript"
// (wasm-pack builds ./pkg-node), then the `js` block with Node from the repository root.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
const section = readme.split('## Use the model from JavaScript')[1]?.split('\n## ')[0] ?? '';
const block = (language) => section.match(new RegExp('```' + language + '\\n([\\s\\S]*?)```'))?.[1] ?? '';

test("README.md's JavaScript commands and snippet work as written", { timeout: 600000 }, () => {
  const commands = block('sh');
  const snippet = block('js');
  assert.match(commands, /wasm-pack build/, 'the README has a build command');
  assert.match(snippet, /require\('\.\/pkg-node\/ree_outlook\.js'\)/, 'the README has a snippet');
  // The Makefile puts node_modules/.bin (wasm-opt) and cargo's bin on PATH, as `make test` does.
  execFileSync('bash', ['-euo', 'pipefail', '-c', commands], { cwd: root, stdio: 'inherit' });
  const output = execFileSync('node', ['-e', snippet], { cwd: root, encoding: 'utf8' });
  const share = Number(output.trim().split('\n')[0]);
  assert.ok(share >= 0 && share < 0.2, `Russia's 2030 separation share printed by the snippet: ${output}`);
});
