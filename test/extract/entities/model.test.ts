// Labels, Viterbi and the model file format, without the trained model.
import { describe, expect, it } from 'vitest';
import {
  LABEL_NAMES,
  NUM_LABELS,
  allowedEnd,
  allowedTransition,
  labelsToSpans,
  spansToLabels,
} from '../../../src/extract/entities/labels.js';
import { TRANS_SIZE, viterbi, viterbiGeneric } from '../../../src/extract/entities/viterbi.js';
import {
  decodeModel,
  encodeModel,
  modelRow,
  modelWeight,
  ModelFormatError,
} from '../../../src/extract/entities/model-io.js';
import { FeatureTable } from '../../../src/extract/entities/feature-table.js';
import { WordDict, toCharText, toCpWords } from '../../../src/extract/entities/features.js';
import { CharTrie } from '../../../src/extract/entities/char-trie.js';
import { RowTable } from '../../../src/extract/entities/row-table.js';

const label = (name: string) => LABEL_NAMES.indexOf(name);

describe('BIOES labels', () => {
  it.each([
    // 逯鹰在青岛: PER [0,2), LOC [3,5)
    [['B-PER', 'E-PER', 'O', 'B-LOC', 'E-LOC'], [[0, 0, 2], [1, 3, 5]]],
    [['S-ORG', 'O', 'B-ORG', 'I-ORG', 'I-ORG', 'E-ORG'], [[2, 0, 1], [2, 2, 6]]],
    // Ill-formed runs are closed where they break, not dropped.
    [['B-PER', 'O', 'I-LOC', 'E-LOC'], [[0, 0, 1], [1, 2, 4]]],
    [['B-LOC', 'I-LOC'], [[1, 0, 2]]],
  ])('%j', (names, spans) => {
    const got = labelsToSpans(names.map(label)).map((x) => [x.type, x.s, x.e]);
    expect(got).toEqual(spans);
  });

  it('spans -> labels -> spans round-trips', () => {
    const spans = [
      { type: 0, s: 0, e: 3 },
      { type: 1, s: 4, e: 5 },
      { type: 2, s: 5, e: 9 },
    ];
    expect(labelsToSpans(spansToLabels(10, spans))).toEqual(spans);
  });

  it('forbids broken transitions', () => {
    expect(allowedTransition(label('B-PER'), label('O'))).toBe(false);
    expect(allowedTransition(label('B-PER'), label('E-LOC'))).toBe(false);
    expect(allowedTransition(label('I-ORG'), label('E-ORG'))).toBe(true);
    expect(allowedTransition(-1, label('I-LOC'))).toBe(false);
    expect(allowedEnd(label('B-LOC'))).toBe(false);
  });
});

describe('viterbi', () => {
  it('never emits an ill-formed sequence, whatever the scores', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1;
    for (let round = 0; round < 50; round++) {
      const n = 1 + (round % 9);
      const emit = Float64Array.from({ length: n * NUM_LABELS }, rand);
      const trans = Float64Array.from({ length: TRANS_SIZE }, rand);
      const out = viterbi(emit, n, trans);
      let prev = -1;
      for (const l of out) {
        expect(allowedTransition(prev, l)).toBe(true);
        prev = l;
      }
      expect(allowedEnd(prev)).toBe(true);
    }
  });
  it('handles an empty sequence', () => {
    expect(viterbi(new Float64Array(0), 0, new Float64Array(TRANS_SIZE))).toHaveLength(0);
  });
  it('the unrolled decoder agrees with the plain loop, ties included', () => {
    let seed = 11;
    // Half-integer scores in a small range: many exact ties, which both must break the same way.
    const rand = () => Math.round((((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648) * 2 - 1) * 4) / 2;
    for (let round = 0; round < 400; round++) {
      const n = 1 + (round % 23);
      const emit = Float64Array.from({ length: n * NUM_LABELS }, rand);
      const trans = Float64Array.from({ length: TRANS_SIZE }, rand);
      expect(Array.from(viterbi(emit, n, trans))).toEqual(Array.from(viterbiGeneric(emit, n, trans)));
    }
  });
});

describe('model file', () => {
  const tiny = () => {
    const keys = Float64Array.from([3, 2 ** 40 + 5, 2 ** 52 + 1]);
    const q = new Int16Array(keys.length * NUM_LABELS);
    q[0] = 100;
    q[NUM_LABELS + 3] = -32767;
    q[2 * NUM_LABELS + 12] = 1;
    return {
      chars: ['中', '国'],
      keys,
      q,
      scale: 0.01,
      trans: new Float64Array(TRANS_SIZE).fill(0.5),
      lexicon: [['中国', 2]] as [string, number][],
      meta: { test: true },
    };
  };

  it('round-trips keys and quantised weights', () => {
    const m = decodeModel(encodeModel(tiny()));
    expect(m.header.numFeatures).toBe(3);
    expect(modelWeight(m, 3, 0)).toBeCloseTo(1);
    expect(modelWeight(m, 3, 1)).toBe(0);
    expect(modelWeight(m, 2 ** 40 + 5, 3)).toBeCloseTo(-327.67);
    expect(modelWeight(m, 2 ** 52 + 1, 12)).toBe(Math.fround(0.01));
    expect(modelRow(m, 4)).toBe(-1);
    expect(m.header.lexicon).toEqual([['中国', 2]]);
  });

  it('writes the same bytes for the same model', () => {
    expect(encodeModel(tiny()).equals(encodeModel(tiny()))).toBe(true);
  });

  it.each([Buffer.from('not a model'), Buffer.alloc(0)])('rejects a bad file', (buf) => {
    expect(() => decodeModel(buf)).toThrow(ModelFormatError);
  });
});

describe('feature helpers', () => {
  it('FeatureTable grows and keeps large keys exact', () => {
    const t = new FeatureTable(4);
    for (let i = 0; i < 1000; i++) t.set(2 ** 50 + i * 65537, i);
    expect(t.size).toBe(1000);
    expect(t.get(2 ** 50 + 999 * 65537)).toBe(999);
    expect(t.get(2 ** 50 + 1)).toBe(-1);
    // Keys above 2^53 (templates 32-35) are even doubles: kept exactly too.
    t.set(35 * 2 ** 48 + 2338, 7);
    expect(t.get(35 * 2 ** 48 + 2338)).toBe(7);
    expect([...t.entries()].length).toBe(1001);
  });

  it('CharTrie finds longest entries by code point, both ways', () => {
    const entries: [string, number][] = [['中国', 1], ['中华人民共和国', 2], ['共和国', 3], ['𠀋村', 4], ['局', 5]];
    const fw = CharTrie.of(entries, 'points');
    const bw = CharTrie.of(entries, 'points', true);
    const codes = Array.from('中华人民共和国成立𠀋村局', (c) => c.codePointAt(0)!);
    expect(fw.longestAt(codes, codes.length, 0)).toBe(7);
    expect(fw.matchValue).toBe(2);
    expect(fw.longestAt(codes, codes.length, 4)).toBe(3);
    expect(fw.longestAt(codes, codes.length, 9)).toBe(2); // 𠀋村: two code points
    expect(fw.longestAt(codes, codes.length, 11)).toBe(1);
    expect(fw.longestAt(codes, codes.length, 11, 2)).toBe(0);
    expect(fw.longestAt(codes, codes.length, 7)).toBe(0);
    expect(bw.longestEndingAt(codes, 6)).toBe(7);
    expect(bw.longestEndingAt(codes, 10)).toBe(2);
    expect(bw.matchValue).toBe(4);
    // Over UTF-16 code units 𠀋村 is three long.
    expect(CharTrie.of(entries, 'units').maxLen).toBe(7);
    expect(CharTrie.of([['𠀋村', 1]], 'units').maxLen).toBe(3);
  });

  it('RowTable returns each key\'s rows and nothing for other keys, with or without a Bloom filter', () => {
    // Model-style rows: mask, then one weight per set bit.
    const rows = Int16Array.from([0b101, 7, -7, 0b1, 3, 0b1100000000000, 1, 2]);
    const rowAt = [0, 3, 5];
    for (const bloom of [false, true]) {
      const n = 3000;
      const hi = Int32Array.from({ length: n }, (_, e) => e % 5);
      const lo = Int32Array.from({ length: n }, (_, e) => Math.imul(e, 0x9e3779b1));
      const ats = Int32Array.from({ length: n * 2 }, (_, j) => (j % 3 === 2 ? -1 : rowAt[j % 3]!));
      const t = new RowTable(2, n, hi, lo, ats, rows, bloom);
      const qHi = Int32Array.from({ length: 2 * n }, (_, j) => (j < n ? hi[j]! : (j % 5) + 7));
      const qLo = Int32Array.from({ length: 2 * n }, (_, j) => (j < n ? lo[j]! : j));
      const out = new Int32Array(2 * n);
      t.findMany(qHi, qLo, 0, 2 * n, out);
      for (let e = 0; e < n; e++) {
        const at = out[e]!;
        expect(at).toBeGreaterThanOrEqual(0);
        // Two masks, then the weights of the rows present.
        for (let r = 0; r < 2; r++) {
          const a = ats[e * 2 + r]!;
          expect(t.data[at + r]).toBe(a < 0 ? 0 : rows[a]);
        }
      }
      for (let j = n; j < 2 * n; j++) expect(out[j]).toBe(-1);
      // Asked again, answered from the table's cache of recent answers: the same.
      const again = new Int32Array(2 * n);
      t.findMany(qHi, qLo, 0, 2 * n, again);
      expect(again).toEqual(out);
    }
  });

  it('WordDict finds the longest entry at both ends', () => {
    const d = new WordDict(new Map([['中国', 1], ['中华人民共和国', 1], ['共和国', 2]]));
    const chars = Array.from('中华人民共和国成立');
    expect(d.longestAt(chars, 0)).toBe(7);
    expect(d.longestEndingAt(chars, 6)).toBe(7);
    expect(d.longestAt(chars, 4)).toBe(3);
    expect(d.longestAt(chars, 7)).toBe(0);
  });

  it('maps UTF-16 word offsets to code points across astral characters', () => {
    const text = '𠀋村在青岛';
    const ct = toCharText(text);
    const words = toCpWords(ct, [
      { word: '𠀋村', pos: 'ns', s: 0, e: 3 },
      { word: '在', pos: 'p', s: 3, e: 4 },
      { word: '青岛', pos: 'ns', s: 4, e: 6 },
    ]);
    expect(words.map((w) => [w.s, w.e])).toEqual([[0, 2], [2, 3], [3, 5]]);
  });
});
