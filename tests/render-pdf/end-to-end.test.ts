/**
 * The real pipeline up to the renderer: parse → layout → renderPdf. Uses the fonts module when it
 * exists (`loadFontSet({useSystemFonts:false})` + `createMeasurer`), the test font set otherwise.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseSpeech } from '../../src/parse/index.ts';
import { layoutSpeech } from '../../src/layout/index.ts';
import { OFFICIAL } from '../../src/style/preset.ts';
import type { FontSet } from '../../src/fonts/types.ts';
import type { Measurer } from '../../src/layout/types.ts';
import { renderPdf } from '../../src/render/pdf/render-pdf.ts';
import { testFonts, testMeasurer } from './test-fonts.ts';
import { pdfFonts, pdfInfo, pdfObjects, pdfText, run, str, tempPdf } from './pdf-tools.ts';
import { linesOf } from '../layout/helpers.ts';

const SOURCE = `# 在全县“三农”工作会议上的讲话

县委书记　张三

（2024年2月20日）

同志们：

今天召开全县“三农”工作会议，主要任务是总结XX年工作，安排部署今年任务。${'全县上下坚持稳中求进工作总基调，统筹疫情防控和经济社会发展，各项工作取得了新的成效。'.repeat(12)}

## 一、去年工作回顾

一是粮食生产稳中有增。全县粮食总产量达到XXX万吨，比上年增长2.3%。${'各乡镇要切实扛起粮食安全政治责任，确保粮食播种面积和产量只增不减。'.repeat(10)}

### （一）产业发展势头良好

| 指标 | 2023年 | 增幅 |
| --- | --- | --- |
| 粮食产量 | 58万吨 | 2.3% |
| 农民收入 | 1.9万元 | 7.1% |

## 二、今年主要任务

要坚持“稳中求进”，抓好各项工作落实。${'要以钉钉子精神抓好工作落实，确保各项目标任务圆满完成。'.repeat(14)}
`;

async function fonts(): Promise<{ fontSet: FontSet; measurer: Measurer; real: boolean }> {
  const fontsModule = resolve(import.meta.dirname, '../../src/fonts/index.ts');
  if (existsSync(fontsModule)) {
    // A computed specifier: the module may not exist yet when this is typechecked.
    const m = (await import(pathToFileURL(fontsModule).href)) as {
      loadFontSet(o: { useSystemFonts: boolean }): Promise<{ fontSet: FontSet }>;
      createMeasurer(f: FontSet): Measurer;
    };
    const { fontSet } = await m.loadFontSet({ useSystemFonts: false });
    return { fontSet, measurer: m.createMeasurer(fontSet), real: true };
  }
  return { fontSet: testFonts(), measurer: testMeasurer(), real: false };
}

const built = (async () => {
  const { value: speech } = parseSpeech(SOURCE, { format: 'markdown', file: 'e2e.md' });
  const { fontSet, measurer, real } = await fonts();
  const { value: document } = layoutSpeech(speech!, OFFICIAL, measurer);
  const bytes = await renderPdf(document, fontSet, { date: new Date('2024-02-20T00:00:00Z'), draft: true });
  return { document, file: tempPdf(bytes), real };
})();

test('laid-out speech: every page extracts its lines in order', async (t) => {
  const { document, file, real } = await built;
  t.diagnostic(real ? 'fonts module' : 'test font set');
  assert.ok(document.pages.length >= 2);
  const strip = (s: string) => s.replace(/[\s\u3000]+/g, '');
  document.pages.forEach((page, i) => {
    const want = [...linesOf(page), ...page.footer].map((l) => l.runs.map((r) => r.text).join('')).join('');
    assert.equal(strip(pdfText(file, i + 1)), strip(want), `page ${i + 1}`);
  });
});

test('laid-out speech: metadata, fonts, bookmarks, table structure, qpdf', async () => {
  const { document, file } = await built;
  assert.equal(pdfInfo(file).Title, '在全县“三农”工作会议上的讲话');
  assert.equal(pdfInfo(file).Pages, String(document.pages.length));
  for (const f of pdfFonts(file)) assert.deepEqual([f.emb, f.sub, f.uni], ['yes', 'yes', 'yes'], f.name);
  assert.match(run('qpdf', ['--check', file]), /No syntax or stream encoding errors/);
  const objects = pdfObjects(file);
  const values = Object.values(objects) as Record<string, unknown>[];
  const titles = values.filter((o) => o?.['/Dest'] && o['/Title']).map((o) => str(o['/Title']));
  assert.deepEqual(titles, document.outline.map((e) => e.title));
  const count = (s: string) => values.filter((o) => o?.['/S'] === s).length;
  // One Table element even across pages; a header row repeated on the next page is an artifact.
  assert.deepEqual([count('/Table'), count('/TR'), count('/TH'), count('/TD')], [1, 3, 3, 6]);
});
