/**
 * `npm run bench:linear`: every parser and normalizer stays linear in its input. For each generated
 * shape of bench/linear-shapes.ts, parse times at n, 2n and 4n (best of three, each shape in its own
 * process); a shape is flagged when both doublings cost more than 3× (a heap growing past a
 * collector threshold can make one doubling dearer, a quadratic step makes every doubling cost 4×).
 * Exits 1 when a shape is flagged. A measurement, so it lives here and not in the test suite: run it
 * on an otherwise idle machine.
 */
import { execFileSync } from 'node:child_process';
import { SHAPES } from './linear-shapes.ts';

const RATIO = 3;
const CHILD = new URL('./linear-shapes.ts', import.meta.url).pathname;
let flagged = 0;
for (const s of SHAPES) {
  const sizes = [s.n, s.n * 2, s.n * 4];
  const out = execFileSync(process.execPath, ['--import', 'tsx', CHILD, s.name], { encoding: 'utf8', timeout: 120_000 });
  const times = JSON.parse(out) as number[];
  // Below ~5 ms timer and GC noise dominate; the floor keeps such shapes from reading as growth.
  const ratios = [1, 2].map((k) => Math.max(times[k]!, 5) / Math.max(times[k - 1]!, 5));
  const bad = Math.min(...ratios) > RATIO;
  if (bad) flagged++;
  const row = times.map((t, k) => `${sizes[k]}: ${t.toFixed(1)} ms`).join(', ');
  console.log(`${bad ? '✖' : '✔'} ${s.name.padEnd(40)} ${ratios.map((r) => r.toFixed(2)).join(' ')}   ${row}`);
}
console.log(flagged ? `${flagged} shape(s) grow faster than ${RATIO}× per doubling` : `all ${SHAPES.length} shapes within ${RATIO}× per doubling`);
process.exitCode = flagged ? 1 : 0;
