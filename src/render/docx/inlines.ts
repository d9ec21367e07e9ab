/**
 * Styled runs → docx runs. What each run is and which face draws it come from the style stage;
 * here they become Word formatting: character styles (lead sentence, run-in heading, placeholder),
 * `w:b` for emphasis, and the fallback face named on runs the role's face cannot draw, so Word
 * and LibreOffice draw them with the face the PDF uses. Runs of one model text that look the same
 * in Word (a Latin word inside Chinese text: the latin face is the style's ascii font) are one run.
 */
import { TextRun } from 'docx';
import type { FontSet, LoadedFace } from '../../fonts/types.ts';
import type { Preset } from '../../style/preset.ts';
import type { StyledRun } from '../../style/types.ts';
import type { FontNamer } from './font-names.ts';
import type { FontUsage } from './font-usage.ts';
import { punctuationLooks } from './punctuation.ts';
import { STYLE } from './styles.ts';
import { xmlSafe } from '../xml.ts';

/** What building runs needs. */
export interface InlineContext {
  /** The preset (lead style). */
  preset: Preset;
  /** The fonts, to find the face a run names. */
  fonts: FontSet;
  /** Role and face names. */
  names: FontNamer;
  /** Character use per face, for the subsets. */
  usage: FontUsage;
  /** Whether placeholders are highlighted. */
  highlightPlaceholders: boolean;
}

/** A docx run being built. */
interface WordRun {
  /** The characters. */
  text: string;
  /** Character style id. */
  style?: string;
  /** Direct bold (emphasis). */
  bold?: boolean;
  /** Direct yellow highlight (placeholders). */
  highlight?: boolean;
  /** Fallback face name for East Asian text. */
  face?: string;
  /** The model text it came from: each text node, lead and marker stays a run of its own. */
  span: number;
  /** A line break (w:br) before the text: a title line the writer broke. */
  breakBefore?: boolean;
  /** Name of the CJK face when every slot must name it (shared marks beside digits, punctuation.ts). */
  cjk?: string;
}

/**
 * The character style of a run: the look the style stage gave a lead, else the placeholder's.
 * A run has one character style, so a blank inside a lead (一是招聘○○名) keeps the lead's face and
 * weight, as in the PDF; its highlight is direct formatting either way.
 */
export function characterStyle(run: StyledRun, preset: Preset): string | undefined {
  if (run.role === 'runInHeading' && preset.leadStyle === 'role') return STYLE.runInHeading(run.depth ?? 2);
  if ((run.role === 'lead' || run.role === 'runInHeading') && preset.leadStyle !== 'none') return STYLE.lead;
  if (run.placeholder) return STYLE.placeholder;
  return undefined;
}

/** The faces of a font set by key, made once per font set (every paragraph asks). */
const facesByKey = new WeakMap<FontSet, Map<string, LoadedFace>>();
function faceByKey(c: InlineContext): Map<string, LoadedFace> {
  let faces = facesByKey.get(c.fonts);
  if (!faces) facesByKey.set(c.fonts, (faces = new Map(c.fonts.faces().map((f) => [f.key, f]))));
  return faces;
}

/** Build the docx runs of styled runs. */
export function inlineRuns(runs: readonly StyledRun[], c: InlineContext): TextRun[] {
  const faces = faceByKey(c);
  const out: WordRun[] = [];
  // A stray control character would make the whole package unreadable to Word.
  const texts = runs.map((r) => xmlSafe(r.text));
  const looks = punctuationLooks(texts.join(''));
  let offset = 0;
  runs.forEach((run, i) => {
    const text = texts[i]!;
    const at = offset;
    offset += text.length;
    if (!text) return;
    const face = run.fallback ? faces.get(run.faceKey) : undefined;
    const faceName = face ? c.names.face(face) : undefined;
    if (face && faceName) c.usage.useFace(face, text, run.fontRole);
    else c.usage.useRole(run.fontRole, text);
    const style = characterStyle(run, c.preset);
    const cjkName = faceName ?? c.names.role(run.fontRole);
    // Pieces of the run: shared marks beside digits get the CJK face in every slot.
    for (let k = 0; k < text.length; ) {
      const cjk = looks[at + k] === 'cjk';
      let end = k + 1;
      while (end < text.length && (looks[at + end] === 'cjk') === cjk) end++;
      // The highlight is also direct formatting: LibreOffice ignores highlight in character styles.
      const w: WordRun = {
        text: text.slice(k, end),
        span: run.span,
        ...(run.breakBefore && k === 0 ? { breakBefore: true } : {}),
        ...(style ? { style } : {}),
        ...(run.emphasis ? { bold: true } : {}),
        ...(run.placeholder && c.highlightPlaceholders ? { highlight: true } : {}),
        ...(faceName ? { face: faceName } : {}),
        ...(cjk ? { cjk: cjkName } : {}),
      };
      const last = out[out.length - 1];
      if (
        last && !w.breakBefore && last.span === w.span && last.style === w.style && last.bold === w.bold && last.highlight === w.highlight &&
        last.face === w.face && last.cjk === w.cjk
      ) last.text += w.text;
      else out.push(w);
      k = end;
    }
  });
  return out.map(
    (p) =>
      new TextRun({
        text: p.text,
        ...(p.breakBefore ? { break: 1 } : {}),
        ...(p.style ? { style: p.style } : {}),
        ...(p.bold ? { bold: true, boldComplexScript: true } : {}),
        ...(p.highlight ? { highlight: 'yellow' as const } : {}),
        ...(p.cjk
          ? { font: { ascii: p.cjk, hAnsi: p.cjk, eastAsia: p.cjk, hint: 'eastAsia' } }
          : p.face
            ? { font: { eastAsia: p.face, hint: 'eastAsia' } }
            : {}),
      }),
  );
}
