// The pipeline's indexed look-ups answer as the plain scans they replace, on random inputs: where
// introduced names occur in a passage (one pass for all names), and whether a figure lies inside an
// organisation (binary search).

import { describe, expect, it } from 'vitest';
import { containedTest, occurrences } from '../src/pipeline.js';
import { seededRandom } from '../src/tools/bench-scaling.js';

describe('occurrences', () => {
  it('finds every occurrence of every name, overlapping ones too', () => {
    expect(occurrences('王明见王明亮，明亮', ['王明', '明亮', '张三'])).toEqual([[0, 3], [4, 7], []]);
    expect(occurrences('', ['王明'])).toEqual([[]]);
    expect(occurrences('哈哈哈', ['哈哈', ''])).toEqual([[0, 1], []]);
  });

  it('agrees with indexOf name by name on random text', () => {
    const rand = seededRandom(5);
    const alphabet = [...'王李明亮华国强记者市'];
    const pick = (n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
    for (let round = 0; round < 200; round++) {
      const text = pick(Math.floor(rand() * 300));
      const names = Array.from({ length: 1 + Math.floor(rand() * 6) }, () => pick(1 + Math.floor(rand() * 3)));
      const plain = names.map((name) => {
        const ats: number[] = [];
        for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) ats.push(at);
        return ats;
      });
      expect(occurrences(text, names)).toEqual(plain);
    }
  });
});

describe('containedTest', () => {
  it('tells whether a span lies inside one of the spans', () => {
    const inside = containedTest([{ s: 10, e: 20 }, { s: 0, e: 4 }]);
    expect(inside(12, 15)).toBe(true); // 附属第一医院: the numeral inside the body
    expect(inside(10, 20)).toBe(true);
    expect(inside(3, 5)).toBe(false); // across an end
    expect(inside(5, 8)).toBe(false); // between two
    expect(containedTest([])(0, 1)).toBe(false);
  });

  it('agrees with a plain scan on random, overlapping spans', () => {
    const rand = seededRandom(9);
    for (let round = 0; round < 200; round++) {
      const spans = Array.from({ length: Math.floor(rand() * 12) }, () => {
        const s = Math.floor(rand() * 100);
        return { s, e: s + 1 + Math.floor(rand() * 20) };
      });
      const inside = containedTest(spans);
      for (let q = 0; q < 30; q++) {
        const s = Math.floor(rand() * 110);
        const e = s + 1 + Math.floor(rand() * 10);
        expect(inside(s, e)).toBe(spans.some((o) => o.s <= s && e <= o.e));
      }
    }
  });
});
