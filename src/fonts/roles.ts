/**
 * Font roles: what a piece of text is, independent of which face serves it.
 * Reference: GB/T 9704-2012 7.3 (小标宋 title, 仿宋 body, 黑体 一、, 楷体 （一）, 宋体 page numbers).
 */

/** Every role a document uses. `heading3` serves depth 3 and 4 headings. */
export const FONT_ROLES = [
  'title',
  'body',
  'heading1',
  'heading2',
  'heading3',
  'lead',
  'titleBlock',
  'pageNumber',
  'latin',
] as const;

/** A font role. */
export type FontRole = (typeof FONT_ROLES)[number];

/** Whether a string names a role. */
export function isFontRole(s: string): s is FontRole {
  return (FONT_ROLES as readonly string[]).includes(s);
}
