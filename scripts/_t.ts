import { loadFontSet, createMeasurer } from '../src/fonts/index.ts';
import { layoutSpeech } from '../src/layout/index.ts';
import { OFFICIAL } from '../src/style/preset.ts';
const { fontSet } = await loadFontSet({ useSystemFonts: false });
const m = createMeasurer(fontSet);
const seg = new Intl.Segmenter('zh', { granularity: 'word' });
for (const t of process.argv.slice(2)) {
  const doc = layoutSpeech({ type: 'speech', meta: { title: t, credits: [], lang: 'zh-CN' }, children: [] } as any, OFFICIAL, m).document;
  console.log(doc.pages[0]!.lines.filter(l=>l.kind==='title').map(l => l.runs.map(r=>r.text).join('')).join(' / '), '   seg:', [...seg.segment(t)].map(s=>s.segment).join('|'));
}
