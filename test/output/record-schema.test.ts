// The record defined once: the schema generated from src/types.ts is the committed one, a field added to
// the types reaches the schema, the CSV columns and validate's layers, records keep the schema's key
// order, and a misspelt key fails validation.

import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { SCHEMA_PATH, TYPES_PATH, definitionName, generateRecordSchema, schemaText } from '../../src/tools/record-schema.js';
import { RECORD_LAYERS, RECORD_SCHEMA, SchemaReader, unknownFields } from '../../src/output/schema.js';
import { RECORD_COLUMNS, csvRows, csvSchemaOf, csvTable } from '../../src/output/columns.js';
import { LAYERS } from '../../src/validate/diff.js';
import { Pipeline, DEFAULT_OPTIONS } from '../../src/pipeline.js';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import type { DocumentRecord } from '../../src/types.js';
import { ROOT, SEED } from '../helpers.js';

const reader = new SchemaReader(RECORD_SCHEMA);

describe('the schema generated from the types', () => {
  it('is the committed file (after editing src/types.ts: npm run gen:schema)', () => {
    expect(schemaText(generateRecordSchema()), 'src/output/record.schema.json is stale: run npm run gen:schema').toBe(readFileSync(SCHEMA_PATH, 'utf8'));
  });

  it.each([
    ['DocumentRecord', 'document'],
    ['ErrorRecord', 'error'],
    ['Entity', 'entity'],
    ['EntityType', 'entityType'],
    ['Record', 'record'],
  ])('names the definition of %s %s', (type, name) => {
    expect(definitionName(type)).toBe(name);
  });

  it('has the layers and fields of the types, in their order', () => {
    expect(RECORD_LAYERS).toEqual(['articles', 'entities', 'figures', 'slogans', 'keywords', 'tokens']);
    expect(LAYERS).toEqual(RECORD_LAYERS);
    const fields = (kind: string) => reader.propertiesOf(reader.defs[kind]!).map(([k]) => k);
    expect(fields('entity')).toEqual(['type', 'start', 'end', 'text', 'titles', 'norm', 'rules']);
    expect(fields('slogan')).toEqual(['kind', 'start', 'end', 'text', 'canonical', 'norm']);
    expect(fields('error')).toEqual(['id', 'schemaVersion', 'error']);
  });
});

describe('a field added to the types', () => {
  // src/types.ts grown as a later version might be: a figure's comparison base, and a document layer
  // `captions` of picture captions with their credit.
  const types = readFileSync(TYPES_PATH, 'utf8');
  const grownTypes = types
    .replace('  indicator?: string | null;\n', '  indicator?: string | null;\n  /** What the figure is compared with (同比 -> "year"). */\n  base?: string | null;\n')
    .replace('  keywords: Keyword[];\n', '  keywords: Keyword[];\n  captions: Caption[];\n')
    .concat('\nexport interface Caption {\n  start: Offset;\n  end: Offset;\n  text: SpanText;\n  credit: string | null;\n}\n');
  const dir = mkdtempSync(join(tmpdir(), 'zhnews-types-'));
  writeFileSync(join(dir, 'types.ts'), grownTypes);
  const grown = generateRecordSchema(join(dir, 'types.ts'));
  const grownReader = new SchemaReader(grown);

  it('was added (the replacements matched)', () => {
    expect(grownTypes.length).toBeGreaterThan(types.length + 150);
  });

  it('reaches the schema, with its description', () => {
    const figure = Object.fromEntries(grownReader.propertiesOf(grownReader.defs.figure!));
    expect(figure.base).toEqual({ type: ['string', 'null'], description: 'What the figure is compared with (同比 -> "year").' });
    expect(grownReader.layers()).toContainEqual({ layer: 'captions', kind: 'caption' });
    expect((grownReader.defs.document as { required: string[] }).required).toContain('captions');
  });

  it("reaches the CSV: the layer and its columns added, every other column where it was", () => {
    const csv = csvSchemaOf(grown);
    expect(csv.rules.map((r) => r.layer)).toEqual(['documents', ...RECORD_LAYERS.slice(0, 5), 'captions', 'tokens']);
    expect(csv.columns.filter((c) => !RECORD_COLUMNS.includes(c))).toEqual(['base', 'credit']);
    expect(csv.columns.filter((c) => RECORD_COLUMNS.includes(c))).toEqual(RECORD_COLUMNS);
    const record = {
      id: 'p1', schemaVersion: '1.0', articles: [], entities: [], slogans: [], keywords: [],
      figures: [{ type: 'percent', start: 3, end: 7, text: '5.2%', value: 5.2, unit: null, base: 'year' }],
      captions: [{ start: 20, end: 28, text: '图为港口作业现场', credit: '新华社' }],
    } as unknown as DocumentRecord;
    const rows = csvRows(record, csvTable(['figures', 'captions'], [], csv));
    expect(rows.map((r) => [r.kind, r.text, r.value, r.base, r.credit])).toEqual([
      ['figure', '5.2%', 5.2, 'year', null],
      ['caption', '图为港口作业现场', null, null, '新华社'],
    ]);
  });

  it("reaches validate's layers and the known fields", () => {
    expect(grownReader.layers().map((l) => l.layer)).toContain('captions');
    const record = { id: 'p1', schemaVersion: '1.0', captions: [{ start: 0, end: 2, text: '图为', credit: null }] };
    expect(unknownFields(record, grownReader)).toEqual([]);
    expect(unknownFields(record)).toEqual(['captions']);
  });
});

describe("records keep the schema's key order", () => {
  const keysInOrder = (kind: string, value: object, seen: Map<string, Set<string>>) => {
    const order = reader.propertiesOf(reader.defs[kind]!).map(([k]) => k);
    const keys = Object.keys(value);
    expect(keys, kind).toEqual(order.filter((k) => keys.includes(k)));
    for (const k of keys) (seen.get(kind) ?? seen.set(kind, new Set()).get(kind)!).add(k);
  };
  const checkRecord = (record: DocumentRecord, seen: Map<string, Set<string>>) => {
    keysInOrder('document', record, seen);
    for (const { layer, kind } of reader.layers()) for (const item of (record[layer as keyof DocumentRecord] as object[] | undefined) ?? []) keysInOrder(kind, item, seen);
  };

  it('on a page and on a Traditional running text, every optional field written', () => {
    const seen = new Map<string, Set<string>>();
    const page = new Pipeline({ ...DEFAULT_OPTIONS, tokens: true, explain: true });
    checkRecord(page.analyze('seed', readFileSync(SEED, 'utf8')), seen);
    const running = new Pipeline({ ...DEFAULT_OPTIONS, layout: 'none', tokens: true, explain: true });
    const text = '香港特區政府財政司司長陳茂波昨日表示，本港首季經濟按年增長2.7%，預計全年增長2.5%至3.5%，訪港旅客達1200餘萬人次，將繼續推動高質量發展。';
    checkRecord(running.analyze('hk', text, { encoding: 'Big5', date: '2024-05-03', fields: { source: '新聞公報' } }), seen);
    // The check means something only where the optional fields were there to be ordered.
    expect(seen.get('document')).toEqual(new Set(reader.propertiesOf(reader.defs.document!).map(([k]) => k)));
    expect([...seen.get('entity')!]).toEqual(expect.arrayContaining(['titles', 'norm', 'rules']));
    expect([...seen.get('figure')!]).toEqual(expect.arrayContaining(['approx', 'low', 'high', 'indicator']));
    expect([...seen.get('slogan')!]).toContain('norm');
  });
});

describe('a record with a misspelt key', () => {
  const record: DocumentRecord = {
    id: 'sz-01',
    schemaVersion: '1.0',
    articles: [],
    entities: [{ type: 'PER', start: 0, end: 3, text: '王伟明', norm: '王伟明' }],
    figures: [{ type: 'money', start: 10, end: 16, text: '3.2亿元', value: 320000000, unit: 'CNY' }],
    slogans: [],
    keywords: [{ word: '深圳', weight: 0.8 }],
  };
  const misspelt = {
    ...record,
    entites: record.entities,
    figures: [{ ...record.figures[0], unti: 'CNY' }],
    keywords: [{ word: '深圳', wieght: 0.8 }],
  };
  const validate = new Ajv2020.default({ allErrors: true, strict: false }).compile(RECORD_SCHEMA);

  it('fails the schema, where the record itself passes', () => {
    expect(validate(record), JSON.stringify(validate.errors)).toBe(true);
    expect(validate(misspelt)).toBe(false);
    expect(validate({ id: 'x.txt', schemaVersion: '1.0', error: 'not valid UTF-8', errorr: 1 })).toBe(false);
  });

  it('is named by its path', () => {
    expect(unknownFields(record)).toEqual([]);
    expect(unknownFields(misspelt)).toEqual(['figures[0].unti', 'keywords[0].wieght', 'entites']);
    expect(unknownFields({ id: 'x.txt', schemaVersion: '1.0', error: 'not valid UTF-8', errorr: 1 })).toEqual(['errorr']);
  });

  it('in an expected file fails `zhnews validate`, naming the key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-misspelt-'));
    cpSync(join(ROOT, 'fixtures', 'news', 'snippets.jsonl'), join(dir, 'snippets.jsonl'));
    const expected = JSON.parse(readFileSync(join(ROOT, 'fixtures', 'news', 'snippets.expected.json'), 'utf8')) as Record<string, unknown>[];
    expected[1] = { ...expected[1], sloagns: expected[1]!.slogans };
    delete expected[1]!.slogans;
    writeFileSync(join(dir, 'snippets.expected.json'), JSON.stringify(expected, null, 2));
    let out = '';
    const io: CliIO = { stdout: { write: (s: string) => (out += s) }, stderr: { write: () => true }, readStdin: async () => Buffer.alloc(0), env: {} };
    expect(await main(['node', 'zhnews', 'validate', dir], io)).toBe(1);
    expect(out).toContain('record 2 has fields the record schema does not define: sloagns');
  });
});
