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

/**
 * Roles whose own face sets the Latin letters and digits inside their text, so `一、2023年工作回顾`
 * and a title's `2024年` take the heading's or title's weight and style rather than the body's thin
 * Latin face: the title (小标宋), the 黑体 and 楷体 levels, leads, the title block, and the page
 * number (GB/T 9704 7.5: 宋体 digits). Body text and the 仿宋 levels keep the `latin` face (offices
 * set digits in body text in Times New Roman).
 */
const OWN_LATIN: ReadonlySet<FontRole> = new Set<FontRole>(['title', 'heading1', 'heading2', 'lead', 'titleBlock', 'pageNumber']);

/** The role whose face sets Latin letters and digits inside text of `role`. */
export function latinRoleOf(role: FontRole): FontRole {
  return OWN_LATIN.has(role) ? role : 'latin';
}
