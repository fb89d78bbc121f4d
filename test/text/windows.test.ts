// Cutting very long passages into windows (src/text/windows.ts).
import { describe, expect, it } from 'vitest';
import { windows } from '../../src/text/windows.js';

const SENTENCE = [/[。！？]/];

describe('windows', () => {
  it('leaves a text that fits in one window whole', () => {
    expect(windows('国务院常务会议召开。', 100, SENTENCE)).toEqual([[0, 10]]);
    expect(windows('', 100, SENTENCE)).toEqual([]);
  });

  it('cuts after the last sentence end in the second half of each window', () => {
    const text = '今年经济运行稳中有进。就业形势总体稳定。物价温和上涨。';
    // sentences of 11 | 9 | 7 characters, the 。 at 10, 19, 26: a 24-unit window ends after the second
    expect(windows(text, 24, SENTENCE)).toEqual([[0, 20], [20, 27]]);
    // a 12-unit window: the first 。 lies in its second half (from 6), then the second in [11, 23)
    expect(windows(text, 12, SENTENCE)).toEqual([[0, 11], [11, 20], [20, 27]]);
  });

  it('tries the mark classes in order, then cuts hard', () => {
    const text = '推进城乡融合发展，深化农村改革，扩大有效投资';
    expect(windows(text, 16, [/[。]/, /[，]/])).toEqual([[0, 16], [16, 22]]);
    expect(windows(text, 12, [/[。]/, /[，]/])).toEqual([[0, 9], [9, 16], [16, 22]]);
    expect(windows('中国'.repeat(10), 8, SENTENCE)).toEqual([[0, 8], [8, 16], [16, 20]]);
  });

  it('never cuts a surrogate pair', () => {
    const text = 'a' + '𠀋'.repeat(10); // the pairs start at odd offsets
    const ws = windows(text, 6, SENTENCE);
    expect(ws).toEqual([[0, 5], [5, 11], [11, 17], [17, 21]]);
    expect(ws.map(([a, b]) => text.slice(a, b)).join('')).toBe(text);
  });

  it('covers the text in order, without gaps, on a long mixed text', () => {
    const text = '新华社北京电（记者张三）'.repeat(50) + '。'.repeat(3) + '𠮷野家'.repeat(200);
    const ws = windows(text, 64, SENTENCE);
    let at = 0;
    for (const [a, b] of ws) {
      expect(a).toBe(at);
      expect(b - a).toBeGreaterThan(0);
      expect(b - a).toBeLessThanOrEqual(64);
      at = b;
    }
    expect(at).toBe(text.length);
  });
});
