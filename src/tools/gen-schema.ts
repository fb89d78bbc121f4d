// `npm run gen:schema`: writes src/output/record.schema.json from the record's declarations in
// src/types.ts (see record-schema.ts). A test fails while the committed file differs from what this writes.
//
//   npm run gen:schema

import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { SCHEMA_PATH, generateRecordSchema, schemaText } from './record-schema.js';

writeFileSync(SCHEMA_PATH, schemaText(generateRecordSchema()));
console.log(`wrote ${relative(process.cwd(), SCHEMA_PATH)}`);
