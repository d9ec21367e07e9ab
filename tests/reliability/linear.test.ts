/**
 * Every parser and normalizer is linear in its input: for each generated shape (the ones that were
 * quadratic or overflowed the stack before, issue 14), parsing an input twice as big may take at
 * most 2.2 times as long. Times are the best of three runs (a loaded machine only ever adds time),
 * each shape in its own process; a shape passes when the step n → 2n or the step 2n → 4n stays
 * within 2.2× (a heap growing past a collector threshold can make one doubling dearer, a
 * quadratic step makes every doubling cost 4×).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { SHAPES } from './linear-shapes.ts';

const RATIO = 2.2;
const CHILD = new URL('./linear-shapes.ts', import.meta.url).pathname;

for (const s of SHAPES) {
  test(`linear: ${s.name} — twice the input takes at most ${RATIO}× the time`, () => {
    const sizes = [s.n, s.n * 2, s.n * 4];
    let seen = '';
    // Measured twice at most: a burst of load from other processes can spoil one measurement, not two.
    for (let attempt = 0; attempt < 2; attempt++) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', CHILD, s.name], { encoding: 'utf8', timeout: 120_000 });
      const times = JSON.parse(out) as number[];
      // Below ~5 ms timer and GC noise dominate; the floor keeps such shapes from flapping.
      const ratios = [1, 2].map((k) => Math.max(times[k]!, 5) / Math.max(times[k - 1]!, 5));
      if (Math.min(...ratios) <= RATIO) return;
      seen += ` [ratios ${ratios.map((r) => r.toFixed(2)).join(', ')}: ${times.map((t, k) => `${sizes[k]}: ${t.toFixed(1)} ms`).join(', ')}]`;
    }
    assert.fail(`${s.name}: superlinear${seen}`);
  });
}
