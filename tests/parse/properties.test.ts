import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Node } from '../../src/model/types.ts';
import { visit } from '../../src/model/visit.ts';
import { parseMarkdown } from '../../src/parse/markdown/parse-markdown.ts';
import { parseText } from '../../src/parse/text/parse-text.ts';
import { normalizeLine } from '../../src/transform/normalize-line.ts';

/** Characters that exercise every rule: Han, markers, ASCII and full-width marks, blanks, spaces. */
const POOL = [...'一二三十是第、（）()，,。.:：;；!?！？"\'“”XＸ×○_某【】待abcMr 1230\u3000\t#*-|>\n⼒Ａ𠀀'];
const line = fc.array(fc.constantFrom(...POOL), { maxLength: 60 }).map((a) => a.join(''));

test('parsing never throws and every position lies inside the source', () => {
  fc.assert(
    fc.property(line, (src) => {
      const lines = src.split('\n').map((l) => [...l].length);
      // No speech only ever comes with an error saying why.
      for (const r of [parseText(src), parseMarkdown(src)]) {
        if (!r.value) assert.ok(r.diagnostics.some((d) => d.severity === 'error'), src);
      }
      const r = parseText(src);
      if (!r.value) return;
      visit(r.value, (n: Node) => {
        if (!n.position || n.type === 'speech') return;
        const { start, end } = n.position;
        assert.ok(start.line >= 1 && start.line <= lines.length, JSON.stringify(n));
        // A re-joined hard wrap spans lines: each end lies inside its own line.
        assert.ok(end.line >= start.line && end.line <= lines.length, JSON.stringify(n));
        assert.ok(start.column >= 1 && start.column <= lines[start.line - 1]! + 1 && end.column <= lines[end.line - 1]! + 1, JSON.stringify(n));
        assert.ok(end.line > start.line || end.column > start.column, JSON.stringify(n));
      });
    }),
    { numRuns: 400, seed: 20240315 },
  );
});

test('normalization is idempotent and keeps a source index for every character', () => {
  fc.assert(
    fc.property(line.map((s) => s.replace(/\n/g, '')), (src) => {
      const once = normalizeLine(src, { enabled: true });
      const twice = normalizeLine(once.text, { enabled: true });
      assert.equal(twice.text, once.text);
      assert.equal(once.map.length, [...once.text].length);
      assert.ok(once.map.every((m, k) => m >= 0 && m < [...src].length && (k === 0 || m > once.map[k - 1]!)));
    }),
    { numRuns: 600, seed: 20240315 },
  );
});
