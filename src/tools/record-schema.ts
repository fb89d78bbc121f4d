// The JSON Schema of the output record, generated from its TypeScript declarations (src/types.ts) with
// ts-json-schema-generator, so that the record is defined once. The generator writes draft-07 with
// `definitions` named after the types; this module turns that into the published form: draft 2020-12,
// `$defs` named by what a record calls its items (DocumentRecord -> document, Entity -> entity, the
// names CSV rows take as their kind), and an `$id` that carries the schema version.
//   interface Keyword { word: string; weight: number }
//     -> "$defs": { "keyword": { "type": "object", "properties": { "word": …, "weight": … }, … } }
//
// A development tool (`npm run gen:schema`): the generator is a devDependency, and nothing at run time
// imports this module.

import { join } from 'node:path';
import { createGenerator } from 'ts-json-schema-generator';
import { PACKAGE_ROOT } from '../paths.js';
import { SCHEMA_VERSION } from '../types.js';

/** The declarations the record schema is generated from. */
export const TYPES_PATH = join(PACKAGE_ROOT, 'src', 'types.ts');
/** The generated schema, committed: the `schema` command, CSV columns and validate read it. */
export const SCHEMA_PATH = join(PACKAGE_ROOT, 'src', 'output', 'record.schema.json');
/** The type of one record. */
const ROOT_TYPE = 'OutputRecord';

/** A definition's name in the schema: the type's name, lower-case first, without a `Record` suffix. */
export function definitionName(typeName: string): string {
  const noun = typeName.replace(/(?<=.)Record$/, '');
  return noun[0]!.toLowerCase() + noun.slice(1);
}

/** The record schema generated from a declarations file (src/types.ts, or a variant of it in a test). */
export function generateRecordSchema(path: string = TYPES_PATH): Record<string, unknown> {
  const generated = createGenerator({
    path,
    type: ROOT_TYPE,
    expose: 'export',
    topRef: false,
    jsDoc: 'extended',
    sortProps: false,
    additionalProperties: false,
    skipTypeCheck: true,
  }).createSchema(ROOT_TYPE) as Record<string, unknown>;
  const { $schema: _draft, definitions = {}, title, description, ...body } = generated;
  const defs = Object.fromEntries(Object.entries(definitions as object).map(([name, def]) => [definitionName(name), def]));
  const published = {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `https://github.com/zhnews/zhnews/schema/record-${SCHEMA_VERSION}.json`,
    title,
    description,
    ...body,
    $defs: defs,
  };
  return renameRefs(published) as Record<string, unknown>;
}

/** `#/definitions/EntityType` -> `#/$defs/entityType`, wherever a `$ref` is. */
function renameRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(renameRefs);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) =>
      k === '$ref' && typeof v === 'string' ? [k, v.replace(/^#\/definitions\/(.+)$/, (_, name: string) => `#/$defs/${definitionName(decodeURIComponent(name))}`)] : [k, renameRefs(v)],
    ),
  );
}

/** The schema as the committed file holds it. */
export function schemaText(schema: object): string {
  return JSON.stringify(schema, null, 2) + '\n';
}
