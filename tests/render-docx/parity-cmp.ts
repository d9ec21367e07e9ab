/** By hand: `node --import tsx tests/render-docx/parity-cmp.ts OURS.pdf LIBREOFFICE.pdf [-v]`. */
import { compareParity, parityLines } from './parity.ts';

const [a, b] = process.argv.slice(2).filter((x) => !x.startsWith('-'));
const p = compareParity(parityLines(a!), parityLines(b!));
const pct = (n: number) => `${((100 * n) / p.linesA).toFixed(1)} %`;
console.log(`pages ${p.pagesA}/${p.pagesB}, same breaks ${p.same}/${p.linesA} = ${pct(p.same)}, with allowed differences ${pct(p.same + p.allowed)}${p.sameText ? '' : ' (texts differ)'}`);
if (process.argv.includes('-v')) for (const d of p.differing) console.log(`  p${d.page} [${d.allowed ?? 'UNEXPLAINED'}] PDF ${d.a}\n      DOCX ${d.b}`);
