// Traditional Chinese is recognised, also in a short text, and converted code point for code point:
// every span found in the Simplified copy is a span of the input.
import { describe, expect, it } from 'vitest';
import { isTraditional, simplifiedName, toSimplified } from '../../src/normalize/script.js';
import { DEFAULT_OPTIONS, Pipeline } from '../../src/pipeline.js';
import { seededRandom } from '../../src/tools/bench-scaling.js';
import { expectSpansHold } from '../helpers.js';

describe('isTraditional', () => {
  it.each([
    ['臺北市政府今天宣佈，將投入新臺幣50億元改善捷運系統，預計2025年完工。', true],
    ['香港特別行政區政府發言人表示，這項措施將於下月實施。', true],
    ['台北市政府今天宣布，将投入新台币50亿元改善捷运系统，预计2025年完工。', false],
    ['青岛西海岸新区今年上半年出口商用车28500余辆，同比增长13.5%。', false],
    ['', false],
  ])('%s -> %s', (text, expected) => {
    expect(isTraditional(text)).toBe(expected);
  });
});

describe('toSimplified', () => {
  it('converts character for character, keeping the length (spans stay valid)', () => {
    const t = '臺北市政府今天宣佈，將投入新臺幣50億元';
    const s = toSimplified(t);
    expect(s).toBe('台北市政府今天宣布，将投入新台币50亿元');
    expect(s.length).toBe(t.length);
  });
});

describe('simplifiedName', () => {
  it.each([
    ['陳茂波', '陈茂波'],
    ['陈茂波', '陈茂波'],
    ['臺北市政府', '台北市政府'],
    ['IBM', 'IBM'],
    ['', ''],
  ])('%s -> %s', (name, norm) => {
    expect(simplifiedName(name)).toBe(norm);
    expect(simplifiedName(name)).toBe(norm); // the cached answer is the same
  });
});

describe('toSimplified keeps every code point where it stands', () => {
  const shape = (s: string) => [...s].map((ch) => ch.length).join('');

  it.each([
    // A compatibility ideograph (astral) that OpenCC makes a BMP character, next to characters it converts.
    ['網\u{2F82B}2鎓', '网\u{2F82B}2鎓'],
    // BMP characters that OpenCC makes astral ones (㗲 -> U+20D7E, 勣 -> U+2A7DD) stay as written.
    ['㗲臺灣勣', '㗲台湾勣'],
    // Astral characters of Extension B pass through; a lone surrogate is one unit, kept.
    ['\u{20000}經濟\udc2b發展', '\u{20000}经济\udc2b发展'],
  ])('%s -> %s', (t, expected) => {
    const s = toSimplified(t);
    expect(s).toBe(expected);
    expect(shape(s)).toBe(shape(t));
  });
});

describe('spans on random Traditional and astral text', () => {
  const running = new Pipeline({ ...DEFAULT_OPTIONS, layout: 'none' });

  it('a figure after a compatibility ideograph is the figure, at its code point (網\\u{2F82B}2鎓)', () => {
    const raw = '網\u{2F82B}2鎓';
    const rec = running.analyze('r', raw);
    expect(rec.figures).toMatchObject([{ start: 2, end: 3, text: '2' }]);
    expectSpansHold(raw, rec);
  });

  it('every entity, figure and slogan span is its slice of the input', () => {
    const rand = seededRandom(2024);
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
    // Traditional words of news text, characters whose counterparts are astral, astral characters of
    // Extension B and compatibility ideographs, digits and punctuation.
    const words = ['臺灣', '經濟', '發展', '香港特別行政區', '政府', '將', '投入', '億元', '報導', '記者', '陳國華', '表示', '會議', '國際貿易'];
    const widthChanging = ['㗲', '勣', '嗰', '暐', '桱'];
    const astral = ['\u{20000}', '\u{2000B}', '\u{2A6D6}', '\u{2F82B}', '\u{2F8B6}', '\u{2F9DF}'];
    const other = ['2', '35', '12.5%', '，', '。', '“', '”', '年', '月', '日', '（', '）', ' '];
    let spans = 0;
    for (let doc = 0; doc < 120; doc++) {
      let raw = '';
      for (let k = 0, n = 8 + Math.floor(rand() * 20); k < n; k++) {
        const r = rand();
        raw += r < 0.5 ? pick(words) : r < 0.6 ? pick(widthChanging) : r < 0.75 ? pick(astral) : pick(other);
      }
      const rec = running.analyze(`random-${doc}`, raw);
      spans += expectSpansHold(raw, rec);
    }
    expect(spans).toBeGreaterThan(120);
  });
});
