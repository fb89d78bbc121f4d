// The seeded generator behind training's shuffles and the generated corpora: same seed, same numbers.
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../src/text/random.js';

describe('mulberry32', () => {
  it('gives the same sequence for the same seed and another for another seed, in [0, 1)', () => {
    const a = mulberry32(20220811);
    const b = mulberry32(20220811);
    const c = mulberry32(20220812);
    const xs = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(xs);
    expect(Array.from({ length: 1000 }, () => c())).not.toEqual(xs);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    // spread over the interval, not stuck in a corner
    expect(xs.filter((x) => x < 0.5).length).toBeGreaterThan(400);
    expect(xs.filter((x) => x < 0.5).length).toBeLessThan(600);
  });

  it('equals the signed-arithmetic form of mulberry32 the benchmarks were generated with (same corpora)', () => {
    const signed = (seed: number) => () => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    for (const seed of [1, 7, 20220811, 0x7fffffff, -5]) {
      const a = mulberry32(seed);
      const b = signed(seed);
      for (let i = 0; i < 200; i++) expect(a()).toBe(b());
    }
  });
});
