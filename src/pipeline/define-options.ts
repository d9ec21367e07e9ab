/** Build options for library users: the CLI's defaults, overridable field by field. */
import { resolve } from 'node:path';
import {
  DEFAULT_FILE_MEMORY_MB,
  DEFAULT_FILE_TIMEOUT_S,
  DEFAULT_MAX_INFLATED_BYTES,
  DEFAULT_MAX_INPUT_BYTES,
  DEFAULT_MAX_PAGES,
  DEFAULT_MAX_PARTS,
  type BuildOptions,
} from '../config/options.ts';

/** Complete build options from a partial set, with the same defaults as the CLI. */
export function defineBuildOptions(partial: Partial<BuildOptions> = {}, cwd = process.cwd()): BuildOptions {
  return {
    inputs: [resolve(cwd, 'input')],
    out: resolve(cwd, 'output'),
    format: ['pdf', 'docx'],
    preset: 'official',
    draft: false,
    strict: false,
    jobs: 0,
    normalize: true,
    fonts: {},
    fontsDir: resolve(cwd, 'fonts'),
    systemFonts: true,
    docxFonts: 'system',
    pdfa: false,
    maxInputBytes: DEFAULT_MAX_INPUT_BYTES,
    rules: {},
    fileTimeout: DEFAULT_FILE_TIMEOUT_S,
    fileMemory: DEFAULT_FILE_MEMORY_MB,
    maxInflatedBytes: DEFAULT_MAX_INFLATED_BYTES,
    maxParts: DEFAULT_MAX_PARTS,
    maxPages: DEFAULT_MAX_PAGES,
    ...partial,
  };
}
