// Traditional Chinese is recognised, also in a short text, and converted with its length kept.
import { describe, expect, it } from 'vitest';
import { isTraditional, simplifiedName, toSimplified } from '../../src/normalize/script.js';

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
