#!/usr/bin/env node
// Runs every tests/**/*.test.ts with node's own test runner through tsx.
// Node 20's --test takes no globs, so the files are listed here.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function find(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : find(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  });
}

function withoutLocale(env) {
  const { LC_ALL: _a, LC_MESSAGES: _m, SPEECHDOC_LANG: _s, ...rest } = env;
  return rest;
}

const filter = process.argv.slice(2);
const files = find('tests').filter((f) => filter.length === 0 || filter.some((s) => f.includes(s))).sort();
const r = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...files],
  // Messages are Chinese by default and English for an English locale: the suite runs in the
  // default language whatever the developer's shell says.
  { stdio: 'inherit', env: { ...withoutLocale(process.env), LANG: 'zh_CN.UTF-8' } },
);
process.exit(r.status ?? 1);
