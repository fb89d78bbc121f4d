// The JSON Schema (draft 2020-12) of the output record, and what the rest of zhnews reads from it: the
// document's layers, each definition's fields in order, the keys a record may not have. The file beside
// this module is generated from the declarations in src/types.ts (`npm run gen:schema`); CSV columns
// (columns.ts) and validate's layers (validate/diff.ts) are derived here, so a field added to the types
// reaches them without being listed again.
//   RECORD_LAYERS                                   -> ['articles', 'entities', 'figures', 'slogans', 'keywords', 'tokens']
//   unknownFields({ id: 'a', entites: [] }, schema) -> ['entites']

import schema from './record.schema.json' with { type: 'json' };

export const RECORD_SCHEMA: object = schema;

/** The parts of a JSON Schema node zhnews reads. */
export interface SchemaNode {
  type?: string | string[];
  $ref?: string;
  allOf?: SchemaNode[];
  items?: SchemaNode;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean | SchemaNode;
  enum?: unknown[];
  const?: unknown;
}

/** A record schema opened for reading: its definitions by name, refs resolved. */
export class SchemaReader {
  readonly defs: Record<string, SchemaNode>;

  constructor(schema: object) {
    this.defs = (schema as { $defs: Record<string, SchemaNode> }).$defs;
  }

  /** The node a `$ref` names, or the node itself. */
  resolve(node: SchemaNode): SchemaNode {
    return node.$ref ? this.resolve(this.defs[definitionOf(node.$ref)]!) : node;
  }

  /** The properties of a definition in schema order, those of its allOf parts first. */
  propertiesOf(node: SchemaNode): [string, SchemaNode][] {
    const out = new Map<string, SchemaNode>();
    for (const part of node.allOf ?? []) for (const [k, v] of this.propertiesOf(this.resolve(part))) out.set(k, v);
    for (const [k, v] of Object.entries(node.properties ?? {})) out.set(k, v);
    return [...out];
  }

  /** The document's layers: its properties that are lists of defined objects, in schema order, with the definition of their items. */
  layers(): { layer: string; kind: string }[] {
    return this.propertiesOf(this.defs.document!).flatMap(([layer, prop]) => {
      const items = this.resolve(prop).items;
      return items?.$ref ? [{ layer, kind: definitionOf(items.$ref) }] : [];
    });
  }
}

/** `#/$defs/entity` -> `entity`. */
export function definitionOf(ref: string): string {
  return ref.replace('#/$defs/', '');
}

const READER = new SchemaReader(RECORD_SCHEMA);

/** The layers of a document record, in the order records write them. */
export const RECORD_LAYERS: readonly string[] = READER.layers().map((l) => l.layer);

/**
 * The fields of a record, or of the items of its layers, that its schema does not define: a misspelt
 * key ("entites", "titels"), named by its path. Checks the keys only, not the values.
 *   { id: 'a', entities: [{ type: 'PER', titels: [] }] } -> ['entities[0].titels']
 */
export function unknownFields(record: object, reader: SchemaReader = READER): string[] {
  const def = reader.defs['error' in record ? 'error' : 'document']!;
  const out: string[] = [];
  const visit = (value: unknown, node: SchemaNode, path: string) => {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) return;
    const properties = new Map(reader.propertiesOf(node));
    for (const [key, v] of Object.entries(value)) {
      const prop = properties.get(key);
      if (!prop) {
        if (node.additionalProperties === false) out.push(path ? `${path}.${key}` : key);
        continue;
      }
      const items = reader.resolve(prop).items;
      if (items?.$ref && Array.isArray(v)) v.forEach((item, i) => visit(item, reader.resolve(items), `${path ? `${path}.` : ''}${key}[${i}]`));
    }
  };
  visit(record, def, '');
  return out;
}
