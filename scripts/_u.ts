import { loadFontSet, createMeasurer } from '../src/fonts/index.ts';
import { layoutSpeech } from '../src/layout/index.ts';
import { OFFICIAL } from '../src/style/preset.ts';
const { fontSet } = await loadFontSet({ useSystemFonts: false });
const m = createMeasurer(fontSet);
for (const t of process.argv.slice(2)) {
  const doc = layoutSpeech({ type: 'speech', meta: { title: '', credits: [], lang: 'zh-CN' }, children: [{ type: 'paragraph', children: [{ type: 'text', value: t }] }] } as any, OFFICIAL, m).document;
  for (const l of doc.pages[0]!.lines) console.log(l.runs.map(r => `[${r.text}|${r.characterSpacingPt.toFixed(2)}]`).join(''));
}
