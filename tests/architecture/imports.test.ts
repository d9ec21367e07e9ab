/**
 * The README's folder table against the code: every folder under src/ is listed with exactly the
 * folders it imports from, and no two folders import each other even indirectly (a cycle between
 * style, fonts and layout is how one decision ends up made in two places).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sources(p) : /\.(ts|mts|mjs)$/.test(f) ? [p] : [];
  });
}

/** Top folder of a path under src/ (`index.ts` and other top-level files are the library root). */
function folderOf(file: string): string | undefined {
  const parts = relative(SRC, file).split(/[\\/]/);
  return parts.length > 1 ? parts[0] : undefined;
}

/** Folder → folders it imports from (static, re-export and dynamic imports, type-only included). */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sources(SRC)) {
    const from = folderOf(file);
    if (!from) continue;
    const edges = graph.get(from) ?? new Set<string>();
    graph.set(from, edges);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g)) {
      const target = resolve(dirname(file), (m[1] ?? m[2])!);
      if (!target.startsWith(SRC)) continue;
      const to = folderOf(target);
      if (to && to !== from) edges.add(to);
    }
  }
  return graph;
}

/** The README's table: folder → listed imports. */
function readmeTable(): Map<string, Set<string>> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## How it works'));
  const rows = new Map<string, Set<string>>();
  for (const m of section.matchAll(/^\| `src\/([\w-]+)\/` \|[^|]*\| ([^|]*) \|$/gm)) {
    const uses = m[2]!.trim() === '—' ? [] : m[2]!.split(',').map((s) => s.trim());
    rows.set(m[1]!, new Set(uses));
  }
  return rows;
}

/** A cycle in the graph, or undefined. */
function findCycle(graph: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (v: string): string[] | undefined => {
    if (state.get(v) === 'done') return undefined;
    if (state.get(v) === 'open') return [...path.slice(path.indexOf(v)), v];
    state.set(v, 'open');
    path.push(v);
    for (const w of graph.get(v) ?? []) {
      const c = visit(w);
      if (c) return c;
    }
    path.pop();
    state.set(v, 'done');
    return undefined;
  };
  for (const v of graph.keys()) {
    const c = visit(v);
    if (c) return c;
  }
  return undefined;
}

test('the folders under src/ import each other without cycles', () => {
  const cycle = findCycle(folderGraph());
  assert.equal(cycle, undefined, `import cycle between folders: ${cycle?.join(' → ')}`);
});

test('the cycle check finds a cycle when there is one', () => {
  const g = new Map([['style', new Set(['fonts'])], ['fonts', new Set(['layout'])], ['layout', new Set(['style'])]]);
  assert.deepEqual(findCycle(g), ['style', 'fonts', 'layout', 'style']);
});

test('the README lists every folder with exactly the folders it imports from', () => {
  const actual = folderGraph();
  const listed = readmeTable();
  assert.ok(listed.size >= 10, 'the README table was not found');
  for (const [folder, uses] of actual) {
    const row = listed.get(folder);
    assert.ok(row, `src/${folder}/ is missing from the README table (it imports from: ${[...uses].sort().join(', ') || '—'})`);
    assert.deepEqual([...row].sort(), [...uses].sort(), `README row of src/${folder}/ does not match its imports`);
  }
  for (const folder of listed.keys()) assert.ok(actual.has(folder), `README lists src/${folder}/, which does not exist`);
});
