// The JSON Schema (draft 2020-12) of the output record; the file beside this module is the source.
import schema from './record.schema.json' with { type: 'json' };

export const RECORD_SCHEMA: object = schema;
