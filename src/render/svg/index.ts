/** The SVG renderer: pages of the layout frame drawn as SVG for the browser preview and build's index page. */
export { pageSvg, charsByFace, type SvgOptions } from './render-svg.ts';
export { glyphXs, runWidth, type Advance } from './glyph-positions.ts';
export { glyphPathData, outlineId, faceAlias, OUTLINE_UNITS, type OutlineRefs } from './glyph-outlines.ts';
