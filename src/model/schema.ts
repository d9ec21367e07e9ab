/**
 * The speech model as a runtime schema: the same shape as `types.ts`, checked when a model comes from
 * outside the program (JSON input, library callers). The compile-time checks at the bottom keep the two
 * from drifting apart. Reference: src/model/types.ts; zod 4 (https://zod.dev/api).
 */
import * as z from 'zod'; // a namespace import, so the bundle keeps only the parts used (0.2 of zod's 0.75 MB)
import type { Inline, Speech } from './types.ts';

/** Deepest array/object nesting accepted; real speeches stay below 20, and validation recurses. */
export const MAX_NESTING = 64;

const count = (min: number) => z.number().int().min(min);

const pointSchema = z.strictObject({ line: count(1), column: count(1), offset: count(0).optional() }).meta({ id: 'Point' });
const positionSchema = z.strictObject({ start: pointSchema, end: pointSchema }).meta({ id: 'Position' });
const position = positionSchema.optional();

const expected = (what: string) => (iss: { input?: unknown }) => `expected ${what}, got ${JSON.stringify(iss.input)}`;

const textSchema = z.strictObject({ type: z.literal('text'), value: z.string(), position }).meta({ id: 'Text' });
const placeholderSchema = z.strictObject({ type: z.literal('placeholder'), value: z.string().min(1), position }).meta({ id: 'Placeholder' });

const emphasisSchema = z
  .strictObject({
    type: z.literal('emphasis'),
    get children(): z.ZodType<Inline[]> {
      return inlineList;
    },
    position,
  })
  .meta({ id: 'Emphasis' });

const leadSchema = z
  .strictObject({
    type: z.literal('lead'),
    kind: z.enum(['point', 'heading', 'article']),
    marker: z.string(),
    depth: z.literal([2, 3, 4], { error: expected('2–4') }).optional(),
    get children(): z.ZodType<Inline[]> {
      return inlineList;
    },
    position,
  })
  .superRefine((lead, ctx) => {
    if (lead.kind === 'heading' && lead.depth === undefined) ctx.addIssue({ code: 'custom', path: ['depth'], message: 'a heading lead needs a depth (2–4)' });
    if (lead.kind !== 'heading' && lead.depth !== undefined) ctx.addIssue({ code: 'custom', path: ['depth'], message: `a ${lead.kind} lead has no depth` });
  })
  .meta({ id: 'Lead' });

const inlineSchema = z.discriminatedUnion('type', [textSchema, placeholderSchema, emphasisSchema, leadSchema]).meta({ id: 'Inline' });

/** Inline content anywhere but directly in a paragraph: leads belong to paragraphs and never nest. */
const inlineList: z.ZodType<Inline[]> = z.array(inlineSchema).superRefine((list, ctx) => {
  list.forEach((n, i) => {
    if (n.type === 'lead') ctx.addIssue({ code: 'custom', path: [i], message: 'a lead may only stand directly in a paragraph' });
  });
}).meta({ id: 'InlineList' });

const headingSchema = z
  .strictObject({
    type: z.literal('heading'),
    depth: z.literal([1, 2, 3, 4], { error: expected('1–4') }),
    marker: z.string(),
    kind: z.enum(['chapter', 'section']).optional(),
    children: inlineList,
    position,
  })
  .meta({ id: 'Heading' });

const paragraphSchema = z
  .strictObject({
    type: z.literal('paragraph'),
    children: z.array(inlineSchema).superRefine((list, ctx) => {
      list.forEach((n, i) => {
        if (n.type === 'lead' && n.kind === 'heading' && i > 0) {
          ctx.addIssue({ code: 'custom', path: [i], message: 'a run-in heading lead may only open a paragraph' });
        }
      });
    }),
    position,
  })
  .meta({ id: 'Paragraph' });

const salutationSchema = z.strictObject({ type: z.literal('salutation'), children: inlineList, position }).meta({ id: 'Salutation' });
const tableCellSchema = z.strictObject({ type: z.literal('tableCell'), children: inlineList, position }).meta({ id: 'TableCell' });
const tableRowSchema = z.strictObject({ type: z.literal('tableRow'), children: z.array(tableCellSchema), position }).meta({ id: 'TableRow' });
const tableSchema = z
  .strictObject({ type: z.literal('table'), header: z.boolean(), children: z.array(tableRowSchema), position })
  .meta({ id: 'Table' });

const blockSchema = z.discriminatedUnion('type', [headingSchema, paragraphSchema, salutationSchema, tableSchema]).meta({ id: 'Block' });

const creditSchema = z.strictObject({ label: z.string().min(1), value: z.string(), position }).meta({ id: 'Credit' });

const metaLineSchema = z.strictObject({ text: z.string(), position }).meta({ id: 'MetaLine' });

const furnitureSchema = z
  .strictObject({
    docNumber: metaLineSchema.optional(),
    issuer: metaLineSchema.optional(),
    addressee: metaLineSchema.optional(),
    attachments: z.array(metaLineSchema).optional(),
    signature: z.array(metaLineSchema).optional(),
    signedDate: metaLineSchema.optional(),
    closesAt: count(0).optional(),
    titleAfterClosing: z.boolean().optional(),
    issuedTitle: metaLineSchema.optional(),
  })
  .meta({ id: 'Furniture' });

const removedSchema = z
  .strictObject({
    kind: z.enum(['originalTitle', 'source', 'editor', 'link', 'citation', 'photo', 'dateline', 'html', 'repeatedTitle', 'intro']),
    text: z.string(),
    position,
  })
  .meta({ id: 'Removed' });

const metaSchema = z
  .strictObject({
    title: z.string(),
    titleLines: z.array(z.string()).optional(),
    subtitle: z.string().optional(),
    speaker: z.string().optional(),
    date: z.string().optional(),
    notes: z.array(z.string()).optional(),
    order: z.array(z.enum(['title', 'subtitle', 'speaker', 'date', 'note'])).optional(),
    occasion: z.string().optional(),
    originalTitle: z.string().optional(),
    credits: z.array(creditSchema).default([]),
    furniture: furnitureSchema.optional(),
    removed: z.array(removedSchema).optional(),
    lang: z.string().min(1).default('zh-CN'),
    positions: z
      .strictObject({
        title: positionSchema.optional(),
        subtitle: positionSchema.optional(),
        speaker: positionSchema.optional(),
        date: positionSchema.optional(),
        originalTitle: positionSchema.optional(),
      })
      .optional(),
  })
  .meta({ id: 'SpeechMeta' });

/** The whole speech; `meta.credits` and `meta.lang` may be left out of input (they default to [] and zh-CN). */
export const speechSchema = z.strictObject({ type: z.literal('speech'), meta: metaSchema, children: z.array(blockSchema), position });

/** The model type as the schema sees it after defaults are applied. */
export type SpeechFromSchema = z.output<typeof speechSchema>;

// Compile-time guards: each line fails to typecheck when schema.ts and types.ts disagree.
type Assert<T extends true> = T;
type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type SchemaMatchesTypes = Assert<Mutual<SpeechFromSchema, Speech>>;

/** One schema problem: where (JSON path, `$.children[3].depth`) and what. */
export interface SchemaIssue {
  /** JSON path of the offending value, `$` for the root. */
  path: string;
  /** What is wrong, in English, naming expected and actual values where possible. */
  message: string;
  /** The path as keys and indices, for mapping back into the source text. */
  segments: Array<string | number>;
}

/** Render a path as `$.children[3]["odd key"]`. */
export function jsonPath(segments: ReadonlyArray<PropertyKey>): string {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (typeof s === 'string' && /^[A-Za-z_$][\w$]*$/.test(s)) out += `.${s}`;
    else out += `[${JSON.stringify(String(s))}]`;
  }
  return out;
}

type ZodIssue = z.core.$ZodIssue;

const kindOf = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** One zod issue as one or more readable issues (an unknown-key issue names each key). */
function describe(issue: ZodIssue): SchemaIssue[] {
  const segments = issue.path as Array<string | number>;
  const one = (message: string, at = segments): SchemaIssue[] => [{ path: jsonPath(at), message, segments: at }];
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) => one('unknown field', [...segments, k])[0]!);
    case 'invalid_type':
      if (input === undefined) return one(`missing required field (${issue.expected})`);
      return one(`expected ${issue.expected}, got ${kindOf(input)}`);
    case 'invalid_union':
      if ('discriminator' in issue && issue.discriminator) {
        const got = input && typeof input === 'object' ? (input as Record<string, unknown>)[issue.discriminator] : input;
        return one(got === undefined ? 'missing node type' : `unknown node type ${JSON.stringify(got)}`);
      }
      return one(issue.message);
    case 'invalid_value':
      if (input === undefined) return one(`missing required field (${issue.values.map((v) => JSON.stringify(v)).join(' | ')})`);
      return one(issue.message.startsWith('expected') ? issue.message : `expected ${issue.values.map((v) => JSON.stringify(v)).join(' | ')}, got ${JSON.stringify(input)}`);
    default:
      return one(issue.message);
  }
}

/** The path to the first place nested deeper than `limit`, without recursion (so any depth is safe). */
export function findTooDeep(value: unknown, limit = MAX_NESTING): Array<string | number> | undefined {
  const stack: Array<{ v: unknown; path: Array<string | number> }> = [{ v: value, path: [] }];
  while (stack.length > 0) {
    const { v, path } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (path.length >= limit) return path;
    const entries: Array<[string | number, unknown]> = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (const [k, x] of entries) stack.push({ v: x, path: [...path, k] });
  }
  return undefined;
}

/**
 * Check an unknown value against the speech model. Never throws: problems come back as issues with
 * JSON paths. Returns the speech (defaults filled in) only when there are no issues.
 */
export function validateSpeech(value: unknown): { speech?: Speech; issues: SchemaIssue[] } {
  const deep = findTooDeep(value);
  if (deep) return { issues: [{ path: jsonPath(deep), message: `nested deeper than ${MAX_NESTING} levels`, segments: deep }] };
  const r = speechSchema.safeParse(value, { reportInput: true });
  if (r.success) return { speech: r.data, issues: [] };
  return { issues: r.error.issues.flatMap(describe) };
}
