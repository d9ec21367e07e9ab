/** By hand: `node --import tsx tests/render-docx/parity-cmp.ts OURS.pdf LIBREOFFICE.pdf [-v]`. */
import { compareParity, parityLines } from './parity.ts';

const [a, b] = process.argv.slice(2).filter((x) => !x.startsWith('-'));
const p = compareParity(parityLines(a!), parityLines(b!));
console.log(`pages ${p.pagesA}/${p.pagesB}, same breaks ${p.same}/${p.linesA} = ${(100 * p.share).toFixed(1)} %${p.sameText ? '' : ' (texts differ)'}`);
if (process.argv.includes('-v')) for (const d of p.differing) console.log(`  p${d.page} PDF ${d.a}\n      DOCX ${d.b}`);
