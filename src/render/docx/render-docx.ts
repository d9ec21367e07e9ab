/**
 * Styled speech → editable Word copy. docx builds the document, styles, section and footers; a post-pass
 * over the zip adds what docx does not expose (East Asian typography switches, the font table with
 * embedded subsets, fixed dates) and re-zips deterministically.
 * Reference: ../shared/notes/typesetting.md §4; GitHub issue "The editable Word copy".
 */
import { Document, DocumentGridType, PageOrientation } from 'docx';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { FONT_ROLES } from '../../fonts/roles.ts';
import type { FontSet } from '../../fonts/types.ts';
import type { StyledSpeech } from '../../style/types.ts';
import type { PagedDocument } from '../../layout/types.ts';
import { speechBlocks } from './blocks.ts';
import { embedFonts, type EmbeddedFont } from './embed-fonts.ts';
import { buildFooters } from './footers.ts';
import { fontNamer, type FontMode } from './font-names.ts';
import { FontUsage } from './font-usage.ts';
import { docxGeometry } from './geometry.ts';
import { handoutLayout } from './handout-layout.ts';
import { finishPackage, renameFontReferences } from './package-pass.ts';
import { packageParts } from '../../adapters/docx.ts';
/** Whether the serializer recognises docx's methods, for the test of the bundled build (dist/ inlines docx, printed again by esbuild). */
export { serializerStatus as docxSerializerStatus } from '../../adapters/docx.ts';
import { buildStyles } from './styles.ts';

/** Options of one DOCX render. */
export interface DocxOptions {
  /** The faces of the roles; embedded in `embed` mode. */
  fonts: FontSet;
  /** Name the standard Office faces and embed nothing (default), or embed our faces (see embed-fonts.ts). */
  fontMode?: FontMode;
  /** Created/modified date and zip entry times; fix it (SOURCE_DATE_EPOCH) for byte-identical builds. */
  date?: Date;
  /** Highlight placeholders (XX, 某某…) in yellow, as the draft PDF does (default false: a clean copy prints clean). */
  highlightPlaceholders?: boolean;
  /** The handout's frame of this styled speech, when the build laid it out (its title breaks and table widths are read, not laid out again). */
  handout?: PagedDocument;
}

/**
 * The characters left empty right of the 落款 and of the 成文日期, as the style stage settled them
 * (title-block.ts gives every line of a role the same end indent, so one style each holds it);
 * 右空二字 where the speech has none, so the styles a user applies later look right.
 */
function closingIndents(styled: StyledSpeech): { signature: number; signedDate: number } {
  const end = (role: string) => styled.blocks.find((b) => b.type === 'text' && b.role === role && b.endIndentChars !== undefined);
  const at = (role: string) => {
    const b = end(role);
    return b?.type === 'text' ? b.endIndentChars! : 2;
  };
  return { signature: at('signature'), signedDate: at('signedDate') };
}

/** The docx document of a styled speech, with what the package post-pass needs to finish it. */
export interface WordDocument {
  /** docx's document: the body, styles, section and footers. */
  doc: Document;
  /** The font names each role is written with. */
  names: ReturnType<typeof fontNamer>;
  /** The faces the runs use (their subsets are embedded in `embed` mode). */
  usage: FontUsage;
  /** Ids of the styles the renderer defined. */
  keepStyles: string[];
}

/** Build docx's document of a styled speech (geometry, sizes and looks from its preset); `renderDocx` packages it. */
export function wordDocument(styled: StyledSpeech, options: DocxOptions): WordDocument {
  const { fonts } = options;
  const preset = styled.preset;
  const mode = options.fontMode ?? 'system';
  const geometry = docxGeometry(preset);
  const names = fontNamer(fonts, mode);
  const usage = new FontUsage(fonts, mode === 'embed');
  const highlightPlaceholders = options.highlightPlaceholders ?? false;
  const handout = handoutLayout(styled, fonts, options.handout);
  const context = { preset, fonts, names, usage, geometry, highlightPlaceholders, handout };
  const children = speechBlocks(styled, context);
  const footers = buildFooters(preset, geometry, names, usage);
  const m = styled.meta;
  const styles = buildStyles({ preset, geometry, names, highlightPlaceholders, lang: m.lang || 'zh-CN', closing: closingIndents(styled) });
  const doc = new Document({
    title: m.title,
    subject: m.occasion ?? m.subtitle ?? '',
    creator: m.speaker ?? 'speechdoc',
    keywords: ['讲话稿', m.occasion].filter(Boolean).join(', '),
    lastModifiedBy: 'speechdoc',
    ...(preset.pageNumberPlacement === 'outside' ? { evenAndOddHeaderAndFooters: true } : {}),
    styles,
    sections: [
      {
        properties: {
          page: {
            size: { width: geometry.pageWidth, height: geometry.pageHeight, orientation: PageOrientation.PORTRAIT },
            margin: {
              top: geometry.marginTop,
              right: geometry.marginRight,
              bottom: geometry.marginBottom,
              left: geometry.marginLeft,
              // No header is written; Word's default header distance (15 mm) keeps its UI familiar.
              header: 851,
              footer: geometry.footerDistance,
              gutter: 0,
            },
          },
          // Why a line grid and not Word's usual 'linesAndChars' 22 × 28 (charSpace −842): LibreOffice
          // 7.4 lets a 16 pt glyph spill into a second 15.79 pt cell of that grid — 14 characters a
          // line without tracking (notes), 17–19 with it (measured; 'snapToChars' the same). A line grid fixes the 22 lines in both; the
          // 28 characters come from run tracking in docDefaults (−0.2 pt: 28 × 15.8 pt fit the
          // block, 29 do not — see geometry.ts), which Word and LibreOffice apply alike.
          grid: { type: DocumentGridType.LINES, linePitch: geometry.linePitch },
        },
        footers,
        children,
      },
    ],
  });
  const keepStyles = [...(styles.paragraphStyles ?? []), ...(styles.characterStyles ?? [])].map((s) => s.id);
  return { doc, names, usage, keepStyles };
}

/** Render a styled speech as a DOCX file (geometry, sizes and looks from its preset). */
export async function renderDocx(
  styled: StyledSpeech,
  options: DocxOptions,
): Promise<{ bytes: Uint8Array; diagnostics: Diagnostic[] }> {
  const { doc, names, usage, keepStyles } = wordDocument(styled, options);
  const mode = options.fontMode ?? 'system';
  const date = options.date ?? new Date();
  const packed = await packageParts(doc);
  const embedded: { fonts: EmbeddedFont[]; diagnostics: Diagnostic[] } =
    mode === 'embed' ? await embedFonts(usage.faces()) : { fonts: [], diagnostics: [] };
  const renamed = new Map(embedded.fonts.map((f) => [f.family, f.name]));
  const embeddedName = (name: string) => renamed.get(name) ?? name;
  renameFontReferences(packed, renamed);
  const fontNames = new Map<string, boolean>();
  for (const role of FONT_ROLES) fontNames.set(embeddedName(names.role(role)), role !== 'latin');
  for (const f of embedded.fonts) if (!fontNames.has(f.name)) fontNames.set(f.name, true);
  const bytes = await finishPackage(packed, {
    date,
    fonts: embedded.fonts,
    fontNames: [...fontNames].map(([name, chinese]) => ({ name, chinese })),
    preset: styled.preset,
    keepStyles,
  });
  return { bytes, diagnostics: embedded.diagnostics };
}
