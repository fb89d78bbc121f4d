import { describe, expect, it } from 'vitest';
import { cpLength, sliceCodePoints, utf16ToCodePoints } from '../../src/text/codepoints.js';
import { foldWidth, isCjk, isLatinOrDigit } from '../../src/text/chars.js';
import { PassageBuilder, rawRange, toSpan, verbatimPassage } from '../../src/text/passage.js';
import { resolveOverlaps } from '../../src/text/spans.js';

describe('code points', () => {
  it.each([
    ['', 0],
    ['青岛开发区', 5],
    ['𠀀岛', 2], // an astral ideograph (CJK ext B) is one code point, two UTF-16 units
    ['a𠀀b𠀁', 4],
  ])('cpLength(%j) = %i', (s, n) => {
    expect(cpLength(s)).toBe(n);
    expect(cpLength(s)).toBe([...s].length);
  });

  it('maps UTF-16 indices to code points, both surrogate halves to one', () => {
    expect([...utf16ToCodePoints('a𠀀b')]).toEqual([0, 1, 1, 2, 3]);
  });

  it('slices by code points', () => {
    expect(sliceCodePoints('𠀀青岛', 1, 3)).toBe('青岛');
  });
});

describe('width fold', () => {
  it.each([
    ['同比增长１３．５％', '同比增长13.5%'],
    ['“５＋５＋７”重点产业', '“5+5+7”重点产业'],
    ['ＶＲ全景', 'VR全景'],
    ['本报8月11日讯\u3000今天', '本报8月11日讯 今天'],
    // CJK punctuation stays: patterns written for Chinese text keep working
    ['（上接第一版），：；！？', '（上接第一版），：；！？'],
  ])('foldWidth(%j) = %j', (s, want) => {
    expect(foldWidth(s)).toBe(want);
    expect(foldWidth(s).length).toBe(s.length);
  });

  it('classifies characters', () => {
    expect(isCjk('青')).toBe(true);
    expect(isCjk('“')).toBe(true);
    expect(isCjk('A')).toBe(false);
    expect(isLatinOrDigit('７')).toBe(true);
    expect(isLatinOrDigit('七')).toBe(false);
  });
});

describe('passages', () => {
  it('map cleaned text back to raw code points across a removed line break', () => {
    const raw = '紧扣高质\n量发展';
    const b = new PassageBuilder();
    [...raw].forEach((ch, i) => {
      if (ch !== '\n') b.push(ch, i);
    });
    const p = b.build('paragraph', 0);
    expect(p.text).toBe('紧扣高质量发展');
    const at = p.text.indexOf('高质量');
    expect(toSpan(p, at, at + 3)).toEqual({ start: 2, end: 6, text: '高质量' });
    expect(sliceCodePoints(raw, 2, 6)).toBe('高质\n量');
  });

  it('verbatim passages count astral characters as one code point', () => {
    const p = verbatimPassage('𠀀岛口岸', 10, 'paragraph', 0);
    expect(rawRange(p, 2, 5)).toEqual({ start: 11, end: 14 });
    expect(p.norm.length).toBe(p.text.length);
  });
});

describe('resolveOverlaps', () => {
  const s = (start: number, end: number, tag = '') => ({ start, end, tag });
  it('keeps the longest, then the earliest', () => {
    expect(resolveOverlaps([s(0, 2, 'a'), s(1, 5, 'b'), s(5, 7, 'c'), s(6, 8, 'd')]).map((x) => x.tag)).toEqual(['b', 'c']);
  });
  it('uses the priority to break a tie of equal spans', () => {
    expect(resolveOverlaps([s(0, 3, 'x'), s(0, 3, 'y')], (v) => (v.tag === 'y' ? 0 : 1))[0]!.tag).toBe('y');
  });
  it('returns nothing for nothing', () => {
    expect(resolveOverlaps([])).toEqual([]);
  });
});

describe('lone surrogates', () => {
  // Regression: a lone high surrogate followed by a letter was counted with the letter as one code
  // point, shifting every later span by one.
  it('count as one code point each, as [...text] does', () => {
    const text = 'ab\ud800cd 增长5%';
    const p = verbatimPassage(text, 0, 'paragraph', 0);
    const at = text.indexOf('5%');
    expect(rawRange(p, at, at + 2)).toEqual({ start: [...text].indexOf('5'), end: [...text].indexOf('5') + 2 });
    expect([...utf16ToCodePoints(text)].slice(0, 5)).toEqual([0, 1, 2, 3, 4]);
  });
});
