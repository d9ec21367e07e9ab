/**
 * `speechdoc fonts [file]`: which face serves each role, and (given a document's coverage, read
 * off the style stage) what its text lacks in them.
 */
import { FONT_ROLES, type FontRole } from './roles.ts';
import type { FontSet, GlyphCoverage, LoadedFace } from './types.ts';
import { displayName, shortPath, sourceLabel } from './font-set.ts';
import { STANDARD_FACES } from './standard-faces.ts';
import { t } from '../i18n/index.ts';

/** Roles served by an open stand-in because their standard face was not found. */
export interface Substitution {
  /** The roles, in role order (several share one standard face: 仿宋 serves body and heading3). */
  roles: FontRole[];
  /** The standard face GB/T 9704 asks for. */
  wanted: string;
  /** The face that stands in. */
  used: string;
}

/**
 * Every role whose face is a bundled stand-in, grouped by standard face and stand-in. A role the
 * user pointed at a face of their own is not listed: a face not found is its own warning.
 */
export function substitutions(fontSet: FontSet, overridden: Partial<Record<FontRole, unknown>> = {}): Substitution[] {
  const out: Substitution[] = [];
  for (const role of FONT_ROLES) {
    const face = fontSet.role(role);
    if (face.info.source !== 'bundled' || overridden[role] !== undefined) continue;
    const wanted = STANDARD_FACES[role][0]!;
    const used = displayName(face);
    const same = out.find((s) => s.wanted === wanted && s.used === used);
    if (same) same.roles.push(role);
    else out.push({ roles: [role], wanted, used });
  }
  return out;
}

/** The substitution notice: one line per stand-in, then how to fix it; empty when none. */
export function substitutionLines(list: readonly Substitution[]): string[] {
  if (list.length === 0) return [];
  const m = t().fonts;
  return [...list.map((s) => m.substituted(s.roles.map((r) => m.roleNames[r] ?? r).join(t().listSep), s.wanted, s.used)), m.substitutedFix];
}

/** `U+20000` form of a code point. */
function codePointLabel(cp: number): string {
  return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** One role of the report. */
export interface RoleReport {
  /** The role. */
  role: FontRole;
  /** Name of the face serving it. */
  family: string;
  /** PostScript name (the face key's base). */
  postscriptName: string;
  /** Font file, relative to the working directory when inside it. */
  file: string;
  /** Face index in a collection. */
  index: number;
  /** bundled, fonts/, system or config. */
  source: string;
  /** glyf or cff. */
  outline: string;
  /** Embedding rights from fsType. */
  embedding: string;
  /** With a document: characters this role's text needs that its face lacks, grouped by the face drawing them. */
  fallbacks?: { face: string; chars: string }[];
}

/** The whole report. */
export interface FontsReport {
  /** One entry per role. */
  roles: RoleReport[];
  /** With a document: characters no face has. */
  missing?: { char: string; codePoint: string; line?: number; column?: number }[];
}

/** Structured report (the `--json` form). */
export function fontsReportJson(fontSet: FontSet, coverage?: GlyphCoverage, cwd = process.cwd()): FontsReport {
  const byKey = new Map<string, LoadedFace>(fontSet.faces().map((f) => [f.key, f]));
  const faceLabel = (key: string) => {
    const f = byKey.get(key);
    return f ? displayName(f) : key;
  };
  const roles = FONT_ROLES.map((role): RoleReport => {
    const f = fontSet.role(role);
    const r: RoleReport = {
      role,
      family: displayName(f),
      postscriptName: f.info.postscriptName,
      // Bundled files: from the package name on, wherever node_modules is.
      file: f.info.source === 'bundled' ? f.info.file.replace(/^.*[\\/]node_modules[\\/]/, '') : shortPath(f.info.file, cwd),
      index: f.info.index,
      source: sourceLabel(f.info),
      outline: f.info.outline,
      embedding: f.info.embedding,
    };
    if (coverage) {
      r.fallbacks = coverage.fallbacks.filter((u) => u.role === role).map((u) => ({ face: faceLabel(u.faceKey), chars: u.chars.join('') }));
    }
    return r;
  });
  const report: FontsReport = { roles };
  if (coverage) {
    report.missing = coverage.missing.map((m) => {
      const e: { char: string; codePoint: string; line?: number; column?: number } = {
        char: String.fromCodePoint(m.cp),
        codePoint: codePointLabel(m.cp),
      };
      if (m.position) {
        e.line = m.position.start.line;
        e.column = m.position.start.column;
      }
      return e;
    });
  }
  return report;
}

/** Width of a string in terminal columns (CJK wide). */
function cols(s: string): number {
  let n = 0;
  for (const ch of s) n += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
  return n;
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => cols(r[i] ?? ''))));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c + ' '.repeat(widths[i]! - cols(c)))).join('  ').trimEnd()).join('\n');
}

/** The role table as printed: a header and one row per role (its face, file, source, outline, embedding), stand-ins marked. */
export function fontRoleTable(fontSet: FontSet, cwd = process.cwd(), overridden: Partial<Record<FontRole, unknown>> = {}): string[] {
  const m = t().fonts;
  const standIns = new Set(substitutions(fontSet, overridden).flatMap((s) => s.roles));
  const rows = [m.header];
  for (const x of fontsReportJson(fontSet, undefined, cwd).roles) {
    const face = standIns.has(x.role) ? `${x.family}${m.standInNote}` : x.family;
    rows.push([
      `${x.role} ${m.roleNames[x.role] ?? ''}`.trim(),
      face,
      x.index ? `${x.file}#${x.index}` : x.file,
      m.sources[x.source] ?? x.source,
      x.outline,
      m.embedding[x.embedding] ?? x.embedding,
    ]);
  }
  return table(rows).split('\n');
}

/** Text report: the role table, stand-ins named, then (given a speech) fallbacks and missing characters. */
export function fontsReport(
  fontSet: FontSet,
  coverage?: GlyphCoverage,
  cwd = process.cwd(),
  overridden: Partial<Record<FontRole, unknown>> = {},
): string {
  const m = t().fonts;
  const r = fontsReportJson(fontSet, coverage, cwd);
  const out = [fontRoleTable(fontSet, cwd, overridden).join('\n')];
  const notice = substitutionLines(substitutions(fontSet, overridden));
  if (notice.length) out.push('', ...notice);
  if (r.missing) {
    const fb = r.roles.flatMap((x) => (x.fallbacks ?? []).map((f) => `  ${x.role}: ${f.chars} → ${f.face}`));
    out.push('', fb.length ? `${m.fallbackTitle}\n${fb.join('\n')}` : m.allCovered);
    if (r.missing.length) {
      const ms = r.missing.map((x) => `  ${x.char} ${x.codePoint}${x.line !== undefined ? m.at(x.line, x.column!) : ''}`);
      out.push('', `${m.missingTitle}\n${ms.join('\n')}`);
    }
  }
  return `${out.join('\n')}\n`;
}
