// Cutting very long passages into windows (src/text/windows.ts).
import { describe, expect, it } from 'vitest';
import { passageWindows, windows } from '../../src/text/windows.js';
import { taggerWindows } from '../../src/extract/entities/tagger.js';

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

describe('passageWindows', () => {
  it('ends a window after 。 before the next sentence, once it has the target length', () => {
    expect(passageWindows('甲。乙。丙', [[0, 2], [2, 4], [4, 5]], 2)).toEqual([[0, 2], [2, 4], [4, 5]]);
    // a piece shorter than the target is joined to the next
    expect(passageWindows('甲。乙。丙', [[0, 2], [2, 4], [4, 5]], 3)).toEqual([[0, 4], [4, 5]]);
  });

  it('never cuts before a closing quote, nor inside a quotation', () => {
    // 。 at 8 is followed by ” at 9: no cut there; the quotation is closed by the 。 at 14
    const said = '他说：“要抓落实。”会议结束。下一步';
    expect(passageWindows(said, [[0, 9], [9, 15], [15, 18]], 5)).toEqual([[0, 15], [15, 18]]);
    // the 。 at 4 ends a sentence inside the quotation opened at 0: kept whole while the window is short
    const quoted = '“第一句。第二句。”后文。结尾';
    expect(passageWindows(quoted, [[0, 5], [5, 13], [13, 15]], 4)).toEqual([[0, 13], [13, 15]]);
    // from twice the target on, a sentence end inside a quotation left open will do
    expect(passageWindows(quoted, [[0, 5], [5, 13], [13, 15]], 2)).toEqual([[0, 5], [5, 13], [13, 15]]);
  });

  it('cuts text without sentence ends at piece ends, never inside a surrogate pair', () => {
    const text = 'a' + '𠀋'.repeat(20_000); // pairs at odd offsets, no mark at all
    const ws = passageWindows(text, taggerWindows(text), 1000);
    expect(ws.length).toBeGreaterThan(2);
    for (const [, b] of ws.slice(0, -1)) {
      const c = text.charCodeAt(b - 1);
      expect(c >= 0xd800 && c <= 0xdbff).toBe(false);
    }
    expect(ws.map(([a, b]) => text.slice(a, b)).join('')).toBe(text);
  });

  it('tiles a long news line exactly once, each cut after 。 and before a new sentence', () => {
    const text = ('市统计局发布数据显示，“前三季度全市经济平稳。”工业增加值增长5.2%。' + '专家表示：“消费回暖明显。投资结构优化。”').repeat(800);
    const ws = passageWindows(text, taggerWindows(text), 9000);
    expect(ws.length).toBeGreaterThan(2);
    let at = 0;
    for (const [a, b] of ws) {
      expect(a).toBe(at);
      expect(b).toBeGreaterThan(a);
      at = b;
      if (b === text.length) continue;
      expect(text[b - 1]).toBe('。');
      expect(text[b]).not.toMatch(/[”’」』）》]/);
    }
    expect(at).toBe(text.length);
  });
});
