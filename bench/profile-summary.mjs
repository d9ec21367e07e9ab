#!/usr/bin/env node
// Summarizes a V8 .cpuprofile (node --cpu-prof): self time by area (a dependency, a src/ folder,
// GC, compile…) and the top functions. `node bench/profile-summary.mjs FILE.cpuprofile [top]`.
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
if (!file) {
  console.error('usage: node bench/profile-summary.mjs FILE.cpuprofile [top]');
  process.exit(2);
}
const top = Number(topArg ?? 25);
const p = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(p.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = p.timeDeltas;
for (let i = 0; i < p.samples.length; i++) self.set(p.samples[i], (self.get(p.samples[i]) ?? 0) + (dt[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);

/** The area a frame belongs to: a package under node_modules, a src/ folder, or a V8 bucket. */
function area(cf) {
  const url = cf.url ?? '';
  const name = cf.functionName;
  if (!url) return name.startsWith('(') ? name : `(native) ${name || 'anonymous'}`;
  const nm = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (nm) return nm[1];
  const src = url.match(/\/src\/([^/]+\/(?:[^/]+\/)?)/);
  if (src) return `src/${src[1]}`;
  const dist = url.match(/\/dist\/([^/]+)$/);
  if (dist) return `dist/${dist[1].replace(/-[A-Z0-9]{8}\.mjs$/, '')}`;
  if (url.startsWith('node:')) return url.split('/')[0];
  return url;
}
const areas = new Map();
const fns = new Map();
for (const [id, us] of self) {
  const cf = byId.get(id).callFrame;
  const a = area(cf);
  areas.set(a, (areas.get(a) ?? 0) + us);
  const key = `${cf.functionName || '(anonymous)'} ${(cf.url ?? '').split('/').slice(-2).join('/')}:${cf.lineNumber + 1}`;
  fns.set(key, (fns.get(key) ?? 0) + us);
}
const show = (m, n) =>
  [...m].sort((a, b) => b[1] - a[1]).slice(0, n).forEach(([k, us]) => console.log(`${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`));
console.log(`total ${(total / 1000).toFixed(0)} ms sampled\n-- by area`);
show(areas, top);
console.log('-- by function');
show(fns, top);

// `--callers NAME`: where the self time of functions named NAME comes from (their call stacks).
const ci = process.argv.indexOf('--callers');
if (ci > 0) {
  const want = process.argv[ci + 1];
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const stacks = new Map();
  for (const [id, us] of self) {
    if (byId.get(id).callFrame.functionName !== want) continue;
    const chain = [];
    for (let at = parent.get(id); at !== undefined && chain.length < 6; at = parent.get(at)) {
      const cf = byId.get(at).callFrame;
      chain.push(`${cf.functionName || '(anonymous)'}@${(cf.url ?? '').split('/').slice(-2).join('/')}:${cf.lineNumber + 1}`);
    }
    const key = chain.join(' < ');
    stacks.set(key, (stacks.get(key) ?? 0) + us);
  }
  console.log(`-- callers of ${want}`);
  show(stacks, 8);
}
