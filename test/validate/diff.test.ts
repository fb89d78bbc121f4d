import { describe, expect, it } from 'vitest';
import { compareRecords } from '../../src/validate/diff.js';
import type { DocumentRecord } from '../../src/types.js';

const base: DocumentRecord = {
  id: 'p', schemaVersion: '1.0',
  articles: [{ title: '“微改革”助推大发展', subtitle: null, reporters: ['刘腾'], correspondents: [], dateline: null, continued_from: null, start: 0, end: 100, paragraphs: ['今年以来……'] }],
  entities: [{ type: 'PER', text: '刘腾', start: 9, end: 11 }, { type: 'ORG', text: '青岛开发区', start: 20, end: 25 }],
  figures: [{ type: 'money', text: '5000万美元', start: 70, end: 77, value: 50000000, unit: 'USD' }],
  slogans: [{ kind: 'coined', text: '微改革', start: 30, end: 33, canonical: '微改革' }],
  keywords: [{ word: '微改革', weight: 0.5 }],
};
const clone = (): DocumentRecord => JSON.parse(JSON.stringify(base));

describe('compareRecords', () => {
  it('finds nothing between a record and itself', () => {
    expect(compareRecords(base, clone())).toEqual([]);
  });
  it('names a missing entity', () => {
    const a = clone();
    a.entities.shift();
    expect(compareRecords(base, a)).toEqual([{ layer: 'entities', kind: 'missing', what: 'PER 刘腾 [9,11)' }]);
  });
  it('names an unexpected slogan and a changed figure value', () => {
    const a = clone();
    a.slogans.push({ kind: 'formula', text: '5+5+7', start: 50, end: 55, canonical: '5+5+7' });
    a.figures[0]!.value = 5000000;
    expect(compareRecords(base, a)).toEqual([
      { layer: 'figures', kind: 'changed', what: 'money 5000万美元 [70,77)', field: 'value', expected: 50000000, actual: 5000000 },
      { layer: 'slogans', kind: 'unexpected', what: 'formula 5+5+7 [50,55)' },
    ]);
  });
  it('accepts value differences within the tolerance', () => {
    const a = clone();
    a.figures[0]!.value = 50000001;
    expect(compareRecords(base, a, { only: ['figures'], valueTolerance: 1e-6 })).toEqual([]);
    expect(compareRecords(base, a, { only: ['figures'], valueTolerance: 0 })).toHaveLength(1);
  });
  it('compares only the layers asked for', () => {
    const a = clone();
    a.keywords = [];
    a.entities = [];
    expect(compareRecords(base, a, { only: ['figures', 'slogans'], valueTolerance: 0 })).toEqual([]);
  });
  it('reports a changed article title', () => {
    const a = clone();
    a.articles[0]!.title = null;
    expect(compareRecords(base, a)).toContainEqual(expect.objectContaining({ layer: 'articles', kind: 'changed', field: 'title', actual: null }));
  });
  it('compares tokens too, every list of the record being a layer, named by their part of speech', () => {
    const e = { ...clone(), tokens: [{ start: 0, end: 2, text: '今年', pos: 't' }, { start: 2, end: 4, text: '以来', pos: 'f' }] };
    const a = { ...clone(), tokens: [{ start: 0, end: 2, text: '今年', pos: 'nt' }] };
    expect(compareRecords(e, a)).toEqual([
      { layer: 'tokens', kind: 'changed', what: 't 今年 [0,2)', field: 'pos', expected: 't', actual: 'nt' },
      { layer: 'tokens', kind: 'missing', what: 'f 以来 [2,4)' },
    ]);
  });
  it('compares error records by message', () => {
    const e = { id: 'x', schemaVersion: '1.0', error: 'not valid UTF-8' };
    expect(compareRecords(e, { ...e })).toEqual([]);
    expect(compareRecords(e, base)).toHaveLength(1);
  });
});
