// The hold-out selection training and the post-rule audit share: training keeps exactly the sentences the
// audit scores not, the same ones on every run, and a bad K/N is refused with what is allowed.
import { describe, expect, it } from 'vitest';
import { isHeldOut, parseHoldOut, selectHoldOut } from '../../src/tools/hold-out.js';

const SENTENCES = Array.from({ length: 12 }, (_, i) => `第${i}句`);

describe('hold-out K/N', () => {
  it('holds out every index i with i % N === K', () => {
    const h = parseHoldOut('2/5');
    expect(h).toEqual({ k: 2, n: 5 });
    expect(selectHoldOut(SENTENCES, h, true)).toEqual(['第2句', '第7句']);
    expect(isHeldOut(12, h)).toBe(true);
    expect(isHeldOut(13, h)).toBe(false);
  });

  it('splits a file into two complementary parts, whatever K', () => {
    for (let k = 0; k < 5; k++) {
      const h = parseHoldOut(`${k}/5`);
      const held = selectHoldOut(SENTENCES, h, true);
      const kept = selectHoldOut(SENTENCES, h, false);
      expect(held.length + kept.length).toBe(SENTENCES.length);
      expect(held.filter((s) => kept.includes(s))).toEqual([]);
      expect([...held, ...kept].sort()).toEqual([...SENTENCES].sort());
    }
  });

  it('gives the same selection on every call (no randomness)', () => {
    const h = parseHoldOut('0/3');
    expect(selectHoldOut(SENTENCES, h, true)).toEqual(selectHoldOut([...SENTENCES], parseHoldOut('0/3'), true));
    expect(selectHoldOut(SENTENCES, h, true)).toEqual(['第0句', '第3句', '第6句', '第9句']);
  });

  it.each(['5/5', '1/1', '0', 'a/5', '-1/5', '1/5/2', ''])('refuses %j', (spec) => {
    expect(() => parseHoldOut(spec)).toThrow(/K\/N with N >= 2 and 0 <= K < N/);
  });
});
