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
import { TRANS_SIZE, viterbi } from '../../../src/extract/entities/viterbi.js';
import { decodeModel, encodeModel, ModelFormatError } from '../../../src/extract/entities/model-io.js';
import { FeatureTable } from '../../../src/extract/entities/feature-table.js';
import { WordDict, toCharText, toCpWords } from '../../../src/extract/entities/features.js';

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
    expect(m.weights[m.table.get(3) * NUM_LABELS]).toBeCloseTo(1);
    expect(m.weights[m.table.get(2 ** 40 + 5) * NUM_LABELS + 3]).toBeCloseTo(-327.67);
    expect(m.table.get(2 ** 52 + 1)).toBe(2);
    expect(m.table.get(4)).toBe(-1);
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
