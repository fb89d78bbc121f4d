import { describe, expect, it } from 'vitest';
import { countSlogans } from '../../../src/extract/slogans/index.js';
import { datelineKey } from '../../../src/extract/slogans/count.js';

const slogan = (canonical: string, kind: 'code' | 'numbered' | 'coined' | 'formula', start: number) =>
  ({ canonical, kind, start, end: start + canonical.length, text: canonical });

describe('countSlogans', () => {
  it('counts documents and mentions per canonical slogan with first and last dateline', () => {
    const counts = countSlogans([
      { id: 'a', articles: [{ dateline: '8月11日', start: 0, end: 100 }],
        slogans: [slogan('十四五', 'code', 5), slogan('十四五', 'code', 40), slogan('放管服', 'coined', 60)] },
      { id: 'b', articles: [{ dateline: '3月5日', start: 0, end: 50 }, { dateline: '3月6日', start: 50, end: 99 }],
        slogans: [slogan('十四五', 'code', 70)] },
      { id: 'c', articles: [{ dateline: null, start: 0, end: 10 }], slogans: [slogan('放管服', 'coined', 1)] },
      { id: 'broken' } as never,
    ]);
    expect(counts).toEqual([
      { canonical: '十四五', kind: 'code', documents: 2, mentions: 3, first: '3月6日', last: '8月11日' },
      { canonical: '放管服', kind: 'coined', documents: 2, mentions: 2, first: '8月11日', last: '8月11日' },
    ]);
  });

  it('is empty for no records', () => expect(countSlogans([])).toEqual([]));

  it.each<[string | null, number | null]>([
    ['2022年8月11日', 20220811], ['8月11日', 811], ['本报讯', null], [null, null],
  ])('datelineKey(%s) -> %s', (d, k) => expect(datelineKey(d)).toBe(k));
});
