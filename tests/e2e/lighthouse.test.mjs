// Lighthouse gate: the built site scores 100 for accessibility and best practices (Lighthouse 12, Debian's Chromium).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from './harness.mjs';
import { runLighthouse } from './lighthouse.mjs';

test('Lighthouse: accessibility 100 and best practices 100', { timeout: 180_000 }, async () => {
  const site = await serve();
  try {
    const { scores, failing, seconds } = await runLighthouse(site.url, ['accessibility', 'best-practices']);
    console.log(`lighthouse: ${JSON.stringify(scores)} in ${seconds.toFixed(1)} s`);
    assert.deepEqual(scores, { accessibility: 100, 'best-practices': 100 }, `audits losing points:\n  ${failing.join('\n  ')}`);
  } finally {
    await site.close();
  }
});
