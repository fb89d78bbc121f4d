// Headline attachment helpers: the binary searches that keep layoutPage linear, and the split of a run
// of headline lines that holds two stories' titles.

import { describe, expect, it } from 'vitest';
import { BodyWords, countBetween, firstAbove, splitHeadlineLines } from '../../src/layout/headlines.js';

describe('firstAbove / countBetween equal the naive scans they replace', () => {
  const naiveCount = (xs: number[], lo: number, hi: number) => xs.filter((h) => h > lo && h < hi).length;
  const naiveFirst = (xs: number[], x: number) => {
    const k = xs.findIndex((h) => h > x);
    return k < 0 ? xs.length : k;
  };
  it('on random ascending lists', () => {
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 200; round++) {
      const xs: number[] = [];
      for (let v = Math.floor(next() * 3); xs.length < Math.floor(next() * 30); v += 1 + Math.floor(next() * 4)) xs.push(v);
      for (let q = 0; q < 20; q++) {
        const lo = Math.floor(next() * 100) - 5;
        const hi = lo + Math.floor(next() * 40) - 5;
        expect(firstAbove(xs, lo)).toBe(naiveFirst(xs, lo));
        expect(countBetween(xs, lo, hi)).toBe(naiveCount(xs, lo, hi));
      }
    }
  });
  it('on the edges', () => {
    expect(firstAbove([], 3)).toBe(0);
    expect(countBetween([], 0, 10)).toBe(0);
    expect(countBetween([1, 2, 3], 3, 1)).toBe(0);
    expect(countBetween([1, 2, 3], 0, 4)).toBe(3);
    expect(countBetween([1, 2, 3], 1, 3)).toBe(1);
    expect(firstAbove(new Int32Array([0, 0, 1, 1, 2]), 0)).toBe(2);
  });
});

describe('splitHeadlineLines', () => {
  const bodies = [
    '城区今年新建口袋公园五座，新增绿地三万平方米，市民在家门口就能遛弯健身。公园绿地成为居民休闲的好去处。',
    '跨海大桥主体结构昨天完工，大桥全长十二公里，建成后两岸通行时间缩短至十五分钟。大桥预计年底通车。',
  ];
  const words = new BodyWords(bodies);
  it('a title printed after the body above, then the next story\'s two-line title', () => {
    expect(splitHeadlineLines(['家门口的口袋公园绿地', '跨海大桥主体', '结构完工年底通车'], words, 0, 1)).toBe(1);
  });
  it('a two-line title of the body below stays whole', () => {
    expect(splitHeadlineLines(['跨海大桥主体结构完工', '两岸通行缩短至十五分钟'], words, 0, 1)).toBe(0);
  });
  it('nothing to split without a body on both sides', () => {
    expect(splitHeadlineLines(['家门口的口袋公园绿地', '跨海大桥主体结构完工'], words, -1, 1)).toBe(0);
    expect(splitHeadlineLines(['一行'], words, 0, 1)).toBe(0);
  });
});
