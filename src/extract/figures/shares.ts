// Parts of a whole: fractions (三分之一, 一又二分之一, 1/2, 2 1/4), percents written out in words
// (百分之十, 千分之三), tenths (五成, 七成六) and discounts (八折, 五五折).
//   "三分之一" -> fraction: numerator 一, denominator 3
// find.ts calls these once a numeral (or the 百 of 百分之) is read; each returns a candidate or null.

import { candidate, type FigureCandidate } from './candidate.js';
import { digitAt } from './chars.js';
import type { FigureLexicon } from './lexicon.js';
import { lexNumeral, skipInlineSpace, type LexOptions, type Numeral, type Numerals } from './numerals.js';

/** The head of a percent word and the scale it gives: 百分之 = 1 (percent), 千分之 = 0.1, 万分之 = 0.01. */
export const PERCENT_HEADS: Record<string, number> = { 百: 1, 佰: 1, 千: 0.1, 仟: 0.1, 万: 0.01, 萬: 0.01 };

/** 三分之一, 一又二分之一, 1/2. */
export function fraction(nums: Numerals, t: string, plain: LexOptions, n: Numeral, s: number): FigureCandidate | null {
  let den = n;
  let whole = 0;
  let p = skipInlineSpace(t, n.e);
  if (t[p] === '又') {
    const d = lexNumeral(nums, t, skipInlineSpace(t, p + 1), { unitAt: plain.unitAt, financial: true });
    if (!d || !d.valid || d.digits !== null) return null;
    whole = n.value;
    den = d;
    p = skipInlineSpace(t, d.e);
  }
  if (t[p] === '分' && t[skipInlineSpace(t, p + 1)] === '之') {
    const q = skipInlineSpace(t, skipInlineSpace(t, p + 1) + 1);
    const num = lexNumeral(nums, t, q, { signed: true, financial: true });
    if (!num || !num.valid || num.digits !== null || den.value === 0) return null;
    return candidate(s, num.e, 'fraction', num, { fraction: { whole, denominator: den.value } });
  }
  // A mixed number written with a space: 2 1/4 = 2.25 (the whole part is a plain integer).
  if (whole === 0 && t[n.e] === ' ' && n.plainDigits > 0 && n.plainDigits <= 3 && !n.negative && digitAt(t, n.e + 1)) {
    const num = lexNumeral(nums, t, n.e + 1);
    if (num && num.plainDigits > 0 && t[num.e] === '/' && digitAt(t, num.e + 1)) {
      const den = lexNumeral(nums, t, num.e + 1);
      if (den && den.plainDigits > 0 && den.value > 0 && t[den.e] !== '/' && !digitAt(t, den.e) && t[den.e] !== '.') {
        return candidate(s, den.e, 'fraction', num, { fraction: { whole: n.value, denominator: den.value } });
      }
    }
  }
  if (whole === 0 && t[n.e] === '/' && n.plainDigits > 0 && t[n.s - 1] !== '/') {
    const num = lexNumeral(nums, t, n.e + 1, plain);
    if (!num || !num.valid || num.plainDigits === 0 || t[num.e] === '/' || num.value === 0) return null;
    // written numerator first: 1/2 is one half
    return candidate(s, num.e, 'fraction', n, { fraction: { whole: 0, denominator: num.value } });
  }
  return null;
}

/** 百分之十, 千分之三, 百 分 之 2.4: a percent written out in words. */
export function percentWord(nums: Numerals, t: string, i: number): FigureCandidate | null {
  const scale = PERCENT_HEADS[t[i]!]!;
  const p = skipInlineSpace(t, i + 1);
  if (t[p] !== '分') return null;
  const q = skipInlineSpace(t, p + 1);
  if (t[q] !== '之') return null;
  const r = skipInlineSpace(t, q + 1);
  const n = lexNumeral(nums, t, r, { signed: true });
  if (!n || !n.valid || n.digits !== null) return null;
  return candidate(i, n.e, 'percentWord', n, { scale, prefixed: true });
}

/** 五成 = 50%, 七成六 = 76%, 2.5成 = 25%; 三成为 is 三 + 成为. */
export function tenths(t: string, lex: FigureLexicon, n: Numeral, s: number, p: number): FigureCandidate | null {
  if (n.value <= 0 || n.value > 10 || n.approx && !n.chinese) return null;
  if (lex.notAfter.matchAt(t, p)) return null;
  let e = p + 1;
  let add = 0;
  const q = skipInlineSpace(t, e);
  const d = lex.numerals.at(t, q);
  if (n.integer && n.value < 10 && d && d.kind === 'digit' && !lex.numerals.at(t, q + 1) && !lex.units.matchAt(t, q + 1) && t[q + 1] !== '成') {
    add = d.value;
    e = q + 1;
  }
  return candidate(s, e, 'tenths', n, { scale: 10, add });
}

/** 八折 = 80%, 8.5折 = 85%, 五五折 = 55%. 十折 is no discount. */
export function discount(t: string, lex: FigureLexicon, n: Numeral, s: number, p: number): FigureCandidate | null {
  if (lex.notAfter.matchAt(t, p)) return null;
  if (n.digits !== null) return candidate(s, p + 1, 'discount', n, { scale: 1 });
  if (n.value <= 0 || n.value >= 10) return null;
  return candidate(s, p + 1, 'discount', n, { scale: 10 });
}
