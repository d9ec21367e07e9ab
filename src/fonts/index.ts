/** The fonts module: resolve roles to faces, measure text with them, and report on them. */
export type { FontSetOptions } from './options.ts';
export { loadFontSet } from './load-font-set.ts';
export { createMeasurer } from './measurer.ts';
export { fontsReport, fontsReportJson } from './report.ts';
