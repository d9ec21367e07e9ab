/**
 * Writes schema/speech.schema.json, the published JSON Schema of the speech model, from the zod schema
 * so the two can never disagree. Run `npm run schema` after changing src/model/schema.ts; a test fails
 * while the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { speechSchema } from '../src/model/schema.ts';

/** Where the schema file lives, relative to the package root. */
export const SCHEMA_FILE = fileURLToPath(new URL('../schema/speech.schema.json', import.meta.url));

/** The JSON Schema text as it is committed (2-space indent, final newline). */
export function speechJsonSchemaText(): string {
  // io 'input': the schema describes files people write, where defaulted fields may be left out.
  const generated = z.toJSONSchema(speechSchema, { target: 'draft-2020-12', io: 'input' });
  const { $schema, ...rest } = generated;
  const doc = {
    $schema,
    $id: 'urn:speechdoc:speech',
    title: 'speechdoc speech model',
    description: 'One speech (讲话稿) as speechdoc reads it from JSON: title block metadata and body blocks. See src/model/types.ts.',
    ...rest,
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(SCHEMA_FILE, speechJsonSchemaText());
  console.log(`wrote ${SCHEMA_FILE}`);
}
