/** Damaged Word files cost one diagnostic, never an exception. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { parseDocxFile } from '../../src/parse/docx/index.ts';
import { p, rawDocx } from './fixtures.ts';

const good = rawDocx(p('一、认真总结经验') + p('**一是全力抓好疫情防控。**当前…') + `<w:tbl><w:tr><w:tc>${p('甲')}</w:tc></w:tr></w:tbl>`);

test('corrupted bytes of a .docx never throw', async () => {
  await fc.assert(
    fc.asyncProperty(fc.array(fc.tuple(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 20 }), async (flips) => {
      const bytes = good.slice();
      for (const [i, b] of flips) bytes[i] = b;
      const r = await parseDocxFile(bytes, { file: 'x.docx' });
      assert.ok(r.value || r.diagnostics.some((d) => d.severity === 'error'));
    }),
    { numRuns: 60 },
  );
});

test('arbitrary XML in the document part never throws', async () => {
  const tags = fc.constantFrom('w:p', 'w:r', 'w:t', 'w:tbl', 'w:tr', 'w:tc', 'w:ins', 'w:del', 'w:sdt', 'w:sdtContent', 'w:fldChar', 'w:drawing', 'w:txbxContent', 'mc:AlternateContent', 'mc:Choice', 'w:numPr', 'w:pPr', 'w:br');
  const { tree } = fc.letrec<{ tree: string }>((tie) => ({
    tree: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom('甲', '一、', ''),
      fc.tuple(tags, fc.array(tie('tree'), { maxLength: 4 })).map(([t, kids]) => `<${t} w:fldCharType="begin" w:val="1">${kids.join('')}</${t}>`),
    ),
  }));
  await fc.assert(
    fc.asyncProperty(fc.array(tree, { maxLength: 5 }), async (nodes) => {
      const r = await parseDocxFile(rawDocx(nodes.join('')), { file: 'x.docx' });
      assert.ok(Array.isArray(r.diagnostics));
    }),
    { numRuns: 100 },
  );
});

test('a zip that is not a Word document (an .xlsx, an empty zip) is docx/not-a-docx', async () => {
  for (const zip of [zipSync({ 'xl/workbook.xml': strToU8('<workbook/>') }), zipSync({})]) {
    const r = await parseDocxFile(zip, { file: '表格.docx' });
    assert.deepEqual(r.diagnostics.map((d) => d.ruleId), ['docx/not-a-docx']);
  }
});
