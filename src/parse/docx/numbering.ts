/**
 * Word auto-numbering turned into the marker text Word shows, so that a list numbered by Word
 * reads like the same list typed by hand (一、 （一） 1. （1）) for structure detection.
 * Counters run per abstract list, as in Word: `w:num` instances that share an abstract list
 * continue each other unless one overrides its start.
 */
import { formatNumber } from './number-format.ts';
import type { NumRef, Styles } from './styles.ts';
import { child, childrenNamed, isOn, path, val, type XmlNode } from './xml.ts';

/** One list level (`w:lvl`). */
interface Level {
  start: number;
  fmt: string;
  text: string | undefined;
  suffix: string;
  /** Restart after this 1-based level is used; 0 never restarts; undefined = any higher level. */
  restart: number | undefined;
  legal: boolean;
  pStyle: string | undefined;
}

/** The marker for one numbered paragraph. */
export interface Marker {
  /** The visible marker including its suffix, e.g. `一、` or `（1）`. */
  text: string;
  /** Whether the level is a bullet (no number in it). */
  bullet: boolean;
}

/** Evaluates numbering paragraph by paragraph, keeping Word's running counters. */
export interface Numbering {
  /** The marker for the next paragraph using `ref`, advancing counters; undefined when not numbered. */
  next(ref: Partial<NumRef>, styleId: string | undefined): Marker | undefined;
}

/**
 * The level's number format. Word 2010+ writes custom formats (`01, 02, 03, ...`) inside
 * mc:AlternateContent with a plain Fallback; the Fallback is what we can evaluate.
 */
function numFmt(l: XmlNode): string {
  const direct = val(l, 'w:numFmt');
  if (direct) return direct;
  for (const alt of childrenNamed(l, 'mc:AlternateContent')) {
    const fmts = alt.children.map((b) => val(b, 'w:numFmt')).filter((f): f is string => f !== undefined && f !== 'custom');
    if (fmts[0]) return fmts[0];
  }
  return 'decimal';
}

function readLevels(node: XmlNode | undefined, into: Map<number, Level> = new Map()): Map<number, Level> {
  for (const l of childrenNamed(node, 'w:lvl')) {
    const ilvl = Number(l.attrs['w:ilvl'] ?? 0);
    const restart = val(l, 'w:lvlRestart');
    into.set(ilvl, {
      start: Number(val(l, 'w:start') ?? 1),
      fmt: numFmt(l),
      text: val(l, 'w:lvlText'),
      suffix: val(l, 'w:suff') ?? 'tab',
      restart: restart === undefined ? undefined : Number(restart),
      legal: isOn(child(l, 'w:isLgl')) ?? false,
      pStyle: val(l, 'w:pStyle'),
    });
  }
  return into;
}

/**
 * The separator Word puts after the marker (tab by default) is layout, not text: a typed Chinese
 * draft has nothing between 一、/（一）/一是/① and the text. Only a marker ending in a Latin
 * letter or digit (`1.1`, `Article 2`) keeps a space so it does not run into the text.
 */
function suffixText(marker: string, suffix: string): string {
  return suffix !== 'nothing' && /[A-Za-z0-9]$/.test(marker) ? ' ' : '';
}

/** Build the evaluator from the parsed numbering part (absent → nothing is numbered). */
export function readNumbering(part: XmlNode[] | undefined, styles?: Styles): Numbering {
  const root = path(part, 'w:numbering');
  const abstracts = new Map<string, Map<number, Level>>();
  const styleLinks = new Map<string, string>();
  for (const a of childrenNamed(root, 'w:abstractNum')) {
    const id = a.attrs['w:abstractNumId'] ?? '';
    abstracts.set(id, readLevels(a));
    const link = val(a, 'w:numStyleLink');
    if (link) styleLinks.set(id, link);
  }
  const nums = new Map<number, { abstractId: string; overrides: Map<number, { start?: number; lvl?: Level }> }>();
  for (const n of childrenNamed(root, 'w:num')) {
    const overrides = new Map<number, { start?: number; lvl?: Level }>();
    for (const o of childrenNamed(n, 'w:lvlOverride')) {
      const ilvl = Number(o.attrs['w:ilvl'] ?? 0);
      const start = val(o, 'w:startOverride');
      const entry: { start?: number; lvl?: Level } = {};
      if (start !== undefined) entry.start = Number(start);
      const lvl = readLevels({ name: '', attrs: {}, children: childrenNamed(o, 'w:lvl') }).get(ilvl);
      if (lvl) entry.lvl = lvl;
      overrides.set(ilvl, entry);
    }
    nums.set(Number(n.attrs['w:numId'] ?? -1), { abstractId: val(n, 'w:abstractNumId') ?? '', overrides });
  }
  // A list that uses a list style (w:numStyleLink) has no levels of its own: the style names a
  // w:num whose abstract list holds them, and the two share counters as in Word.
  for (const num of nums.values()) {
    const link = styleLinks.get(num.abstractId);
    const target = link !== undefined ? nums.get(styles?.numberingStyleNumId(link) ?? -1) : undefined;
    if (target && target.abstractId !== num.abstractId) num.abstractId = target.abstractId;
  }

  const counters = new Map<string, Array<number | undefined>>();
  const usedNums = new Set<number>();

  return {
    next(ref, styleId) {
      if (ref.numId === undefined || ref.numId === 0) return undefined;
      const num = nums.get(ref.numId);
      const levels = num && abstracts.get(num.abstractId);
      if (!num || !levels) return undefined;
      let ilvl = ref.ilvl;
      if (ilvl === undefined && styleId) ilvl = [...levels].find(([, l]) => l.pStyle === styleId)?.[0];
      ilvl ??= 0;
      const levelAt = (i: number): Level | undefined => num.overrides.get(i)?.lvl ?? levels.get(i);
      const lvl = levelAt(ilvl);
      if (!lvl) return undefined;

      const key = num.abstractId;
      const count = counters.get(key) ?? [];
      counters.set(key, count);
      if (!usedNums.has(ref.numId)) {
        usedNums.add(ref.numId);
        for (const [i, o] of num.overrides) if (o.start !== undefined) count[i] = o.start - 1;
      }
      count[ilvl] = (count[ilvl] ?? (lvl.start - 1)) + 1;
      for (let i = ilvl + 1; i < 9; i++) {
        const deeper = levelAt(i);
        // Deeper levels restart when this level advances, unless w:lvlRestart says otherwise.
        if (deeper?.restart === 0) continue;
        if (deeper?.restart !== undefined && deeper.restart - 1 < ilvl) continue;
        count[i] = undefined;
      }

      if (lvl.fmt === 'bullet') return { text: '', bullet: true };
      const text = (lvl.text ?? `%${ilvl + 1}.`).replace(/%([1-9])/g, (_, d: string) => {
        const i = Number(d) - 1;
        const l = levelAt(i);
        const n = count[i] ?? l?.start ?? 1;
        return formatNumber(n, lvl.legal ? 'decimal' : (l?.fmt ?? 'decimal'));
      });
      return { text: text + suffixText(text, lvl.suffix), bullet: false };
    },
  };
}
