/**
 * The title block as printed: the title (title role, centred), the subtitle, the 原标题 line when
 * the preset prints it, then after a blank grid line the speaker and date lines, each skipped when
 * absent. The exact printed text of each line is decided here (trimmed; `（原标题：…）`).
 * Reference: GB/T 9704-2012 7.3.1; typesetting.md §1.3, §2.1.
 */
import type { SpeechMeta } from '../model/types.ts';
import type { Preset } from './preset.ts';
import type { BlockRole, StyledTextBlock } from './types.ts';
import { baseLook } from './looks.ts';
import { splitByFace, type FacePicker } from './faces.ts';

type MetaField = 'title' | 'subtitle' | 'speaker' | 'date' | 'originalTitle';

/** The printed 原标题 line. */
export function originalTitleLine(originalTitle: string): string {
  return `（原标题：${originalTitle}）`;
}

function line(meta: SpeechMeta, preset: Preset, field: MetaField, text: string | undefined, faces: FacePicker): StyledTextBlock[] {
  const printed = text?.trim();
  if (!printed) return [];
  const isTitle = field === 'title';
  const look = baseLook(isTitle ? 'title' : 'titleBlock', isTitle ? preset.titleSizePt : preset.titleBlockSizePt);
  const position = meta.positions?.[field];
  const role: BlockRole = field;
  return [{
    type: 'text', role, tag: isTitle ? 'Title' : 'P', ...(position ? { source: position } : {}), align: 'center',
    indentChars: 0, fontRole: look.fontRole, sizePt: look.sizePt, blankLinesBefore: 0,
    runs: splitByFace([{ text: printed, look, ...(position ? { position } : {}) }], faces),
  }];
}

/** The title-block lines of a speech; empty when it has none. */
export function titleBlock(meta: SpeechMeta, preset: Preset, faces: FacePicker): StyledTextBlock[] {
  const out = [...line(meta, preset, 'title', meta.title, faces), ...line(meta, preset, 'subtitle', meta.subtitle, faces)];
  if (preset.printOriginalTitle && meta.originalTitle && meta.originalTitle !== meta.title) {
    out.push(...line(meta, preset, 'originalTitle', originalTitleLine(meta.originalTitle), faces));
  }
  const byline = [...line(meta, preset, 'speaker', meta.speaker, faces), ...line(meta, preset, 'date', meta.date, faces)];
  if (byline[0]) byline[0].blankLinesBefore = 1;
  return [...out, ...byline];
}
