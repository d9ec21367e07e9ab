/**
 * Build options: everything a build can be told, from the command line or a config file.
 * One zod schema is the single description; the CLI table and `init`'s commented config follow it.
 */
import * as z from 'zod'; // a namespace import, so the bundle keeps only the parts used (0.2 of zod's 0.75 MB)
import { FONT_ROLES } from '../fonts/roles.ts';
import { rulesSchema, type RuleSettings } from './rules.ts';

/** Output formats. */
export const OUTPUT_FORMATS = ['pdf', 'docx'] as const;
/** One output format. */
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const roleMap = z.partialRecord(z.enum(FONT_ROLES), z.string().min(1));

/** The options of a build; every field optional in a config file. */
export const buildOptionsSchema = z
  .object({
    /** Input files, directories or globs. */
    inputs: z.array(z.string().min(1)).optional(),
    /** Output directory. */
    out: z.string().min(1).optional(),
    /** Which outputs to write: a list, or one string as on the command line (`pdf`, `pdf,docx`). */
    format: z
      .preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean) : v), z.array(z.enum(OUTPUT_FORMATS)).min(1))
      .optional(),
    /** Style preset. */
    preset: z.enum(['official', 'reading']).optional(),
    /** Highlight unfilled placeholders in the outputs. */
    draft: z.boolean().optional(),
    /** Warnings fail the file. */
    strict: z.boolean().optional(),
    /** Worker threads; 0 or absent = one per CPU. */
    jobs: z.number().int().min(0).max(64).optional(),
    /** Write a JSON report to this path. */
    report: z.string().min(1).optional(),
    /** Normalize punctuation and widths while parsing. */
    normalize: z.boolean().optional(),
    /** Font per role: a family name or a file path (`path#PostScriptName` for collections). */
    fonts: roleMap.optional(),
    /** Directory of the user's own fonts. */
    fontsDir: z.string().min(1).optional(),
    /** Look for installed system fonts. */
    systemFonts: z.boolean().optional(),
    /** DOCX fonts: name the standard Office faces (default), or embed the faces used. */
    docxFonts: z.enum(['embed', 'system']).optional(),
    /** Write PDF/A-2b. */
    pdfa: z.boolean().optional(),
    /** Largest input file accepted, in bytes. */
    maxInputBytes: z.number().int().positive().optional(),
    /** Per rule id (`numbering/gap`) or area (`numbering/*`): off, info, warning or error. */
    rules: rulesSchema.optional(),
    /** Longest time one file may take, in seconds (files over `lightInputBytes` and LibreOffice drafts run in a bounded worker). */
    fileTimeout: z.number().positive().max(86_400).optional(),
    /** Largest heap one file may use, in MB. */
    fileMemory: z.number().int().min(256).max(65_536).optional(),
    /** Largest total of uncompressed XML parts read from a .docx package, in bytes. */
    maxInflatedBytes: z.number().int().positive().optional(),
    /** Most parts (zip entries) a .docx/.odt package may hold. */
    maxParts: z.number().int().positive().optional(),
    /** Most pages one document may have. */
    maxPages: z.number().int().positive().max(10_000).optional(),
  })
  .strict();

/** Build options as read from a config file or the command line. */
export type BuildOptionsInput = z.infer<typeof buildOptionsSchema>;

/** Build options with every default filled in. */
export interface BuildOptions {
  /** Input files, directories or globs. */
  inputs: string[];
  /** Output directory. */
  out: string;
  /** Which outputs to write. */
  format: OutputFormat[];
  /** Style preset name. */
  preset: 'official' | 'reading';
  /** Highlight placeholders. */
  draft: boolean;
  /** Warnings fail the file. */
  strict: boolean;
  /** Parallel lanes (the main thread plus workers); 0 = automatic: one per CPU for batches big enough to pay for a worker's start. */
  jobs: number;
  /** JSON report path, if any. */
  report?: string;
  /** Normalize while parsing. */
  normalize: boolean;
  /** Font per role. */
  fonts: Partial<Record<(typeof FONT_ROLES)[number], string>>;
  /** The user's font directory. */
  fontsDir: string;
  /** Look for system fonts. */
  systemFonts: boolean;
  /** DOCX font mode. */
  docxFonts: 'embed' | 'system';
  /** PDF/A-2b output. */
  pdfa: boolean;
  /** Input size limit in bytes. */
  maxInputBytes: number;
  /** Levels of findings by rule id or area, from the config's `rules:`. */
  rules: RuleSettings;
  /** Time bound of one file, in seconds. */
  fileTimeout: number;
  /** Memory bound of one file (a worker's heap), in MB. */
  fileMemory: number;
  /** Uncompressed-size limit of a zip-based input, in bytes. */
  maxInflatedBytes: number;
  /** Part-count limit of a zip-based input. */
  maxParts: number;
  /** Page limit of one document. */
  maxPages: number;
}

/** Default input size limit: 20 MB is far beyond any speech, small enough to refuse a stray archive. */
export const DEFAULT_MAX_INPUT_BYTES = 20 * 1024 * 1024;

/** Default time bound of one file: 50 times what the largest accepted speech takes (~6 s). */
export const DEFAULT_FILE_TIMEOUT_S = 300;
/** Default memory bound of one file: room for the 730 MB a 5 MB speech needs, and no more than a laptop can spare. */
export const DEFAULT_FILE_MEMORY_MB = 2048;
/** Default inflated-size limit of the XML read from a package: a 300-page draft's is a few MB, and parsing 50 MB of XML already takes ~35 s and ~1.4 GB. */
export const DEFAULT_MAX_INFLATED_BYTES = 50 * 1024 * 1024;
/** Default part limit: real drafts hold tens of parts; 10,000 leaves room for many pictures. */
export const DEFAULT_MAX_PARTS = 10_000;
/** Default page limit (the layout engine's own ceiling). */
export const DEFAULT_MAX_PAGES = 10_000;
