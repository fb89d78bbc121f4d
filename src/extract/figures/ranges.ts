// Ranges: two figures joined by a connector, and spans of years written with the second year shortened.
//
// 1至7月份, 5%—5.5%, 3-5年, 20至30万元 (the low end borrows the high end's unit and magnitude), 1万元--5万元,
// 1万(含)-5万元, -3℃至+5℃, 2021年6月至2022年9月, 2023/24, 2024至25年度. Two clock times go to
// DateReader.timeRange. The numeral grammar stays with the finder (find.ts): a range reads its high end
// through the `RangeHost` the finder implements.
//   "20至30万元" -> range: low 20万元 (borrowed), high 30万元

import { candidate, dated, ranged, type DateParts, type FigureCandidate } from './candidate.js';
import { CharSet, digitAt, letterAt } from './chars.js';
import { isYear, RANGE_CONNECTORS, withPart, type DateReader } from './dates.js';
import type { FigureLexicon } from './lexicon.js';
import type { Numeral, Numerals } from './numerals.js';

/** What a range needs from the finder: the text, its numerals and the figure that one starts. */
export interface RangeHost {
  readonly t: string;
  readonly lex: FigureLexicon;
  readonly dates: DateReader;
  numeral(p: number): Numeral | null;
  /** One figure from a numeral, no range. */
  single(n: Numeral, s: number): FigureCandidate | null;
  /** The figure a numeral starts; `withRange` false here (a range has one connector). */
  fromNumeral(n: Numeral, s: number, withRange: boolean): FigureCandidate | null;
}

const OPEN_PAREN_CODES = new CharSet(['（', '(']);
/** What may follow a shortened span of years: 2023/24财年, 2024至25年度, 2023-24赛季. */
const YEAR_WORDS = ['财年', '财政年度', '年度', '学年', '赛季', '年'];
const INCLUSION_NOTES = ['(含)', '（含）', '(不含)', '（不含）'];

/** Length of a note like (含) at p, else 0. */
function inclusionNoteAt(t: string, p: number): number {
  for (const w of INCLUSION_NOTES) if (t.startsWith(w, p)) return w.length;
  return 0;
}

/**
 * Where the high end starts after a range connector at p (skipping spaces), or -1. A doubled dash joins
 * two figures only when a number follows at once (1万元--5万元, 2——3万); elsewhere —— is punctuation.
 */
function connectorEnd(nums: Numerals, t: string, p: number): number {
  if (!RANGE_CONNECTORS.has(t, p)) return -1;
  const doubled = (t[p] === '—' && t[p + 1] === '—') || (t[p] === '-' && t[p + 1] === '-');
  if (!doubled) return p + 1;
  return digitAt(t, p + 2) || nums.at(t, p + 2) ? p + 2 : -1;
}

/** A month of a named year, no day: an end of a month range. */
function monthSpan(d: DateParts | undefined): boolean {
  return d !== undefined && d.year !== undefined && d.month !== undefined && d.day === undefined && d.weekday === undefined;
}

/** The magnitude a numeral ends with: 30万 -> 1e4, 5万亿 -> 1e12, 300 -> 1. */
function trailingMagnitude(nums: Numerals, t: string, n: Numeral): number {
  let m = 1;
  for (let p = n.e - 1; p >= n.s; p--) {
    const c = nums.at(t, p);
    if (!c || c.kind !== 'magnitude') break;
    m *= c.value;
  }
  return m;
}

/** The range that the figure `first` (read from the numeral n at s) opens, or null. */
export function range(h: RangeHost, n: Numeral, s: number, first: FigureCandidate | null): FigureCandidate | null {
  const { t } = h;
  if (first && first.shape === 'time') return h.dates.timeRange(first);
  if (first && first.shape !== 'number' && first.shape !== 'measure' && first.shape !== 'date') return null;
  // 1万(含)-5万元: a note that the low end is included stands between the end and the connector.
  const lowEnd = first ? (OPEN_PAREN_CODES.has(t, first.e) ? first.e + inclusionNoteAt(t, first.e) : first.e) : n.e;
  const p = connectorEnd(h.lex.numerals, t, lowEnd);
  if (p < 0) return null;
  const conn = t[lowEnd];
  const plus = t[p] === '+' && digitAt(t, p + 1); // -3℃至+5℃: an explicit plus sign on the high end
  const n2 = h.numeral(plus ? p + 1 : p);
  if (!n2 || !n2.valid) return null;
  const high = plus ? h.single(n2, p) : h.fromNumeral(n2, p, false);
  if (!high || high.shape === 'ordinal' || high.shape === 'fraction' || high.shape === 'time') return null;
  // Bare numbers make a range only when both carry a magnitude (10k~15k, 1万-5万); 3-5 may be a score.
  if (high.shape === 'number') {
    if (!first || first.shape !== 'number' || !n.hasMagnitude || !n2.hasMagnitude || n.approx || n2.approx) return null;
    return ranged(s, high.e, first, high, false);
  }
  const lowIsBare = !first || first.shape === 'number';
  if (lowIsBare) {
    if (n.digits !== null || n.bareMagnitude) return null;
    if (high.shape === 'date') {
      const date = lowDate(n, high.date!);
      if (!date) return null;
      const low = dated(s, n.e, n, date);
      return ranged(s, high.e, low, high, n.approx || high.approx);
    }
    if (n.negative && conn === '-') return null;
    // 20至30万元: the low end borrows the high end's magnitude
    const low = candidate(s, n.e, high.shape, n, { unit: high.unit, scale: high.scale, add: 0 });
    if (!n.hasMagnitude && high.num?.hasMagnitude) low.scale *= trailingMagnitude(h.lex.numerals, t, high.num);
    return ranged(s, high.e, low, high, n.approx || high.approx);
  }
  // Two whole figures: a range when they measure the same thing. Two dates that name days stay two
  // dates (5月19日至20日 is a date and a date, as the news guidelines mark them); two months of named
  // years make a range (2021年6月至2022年9月).
  if (first!.shape === 'date' || high.shape === 'date') {
    return monthSpan(first!.date) && monthSpan(high.date) ? ranged(s, high.e, first!, high, false) : null;
  }
  if (first!.shape !== high.shape) return null;
  if ((first!.unit?.unit ?? null) !== (high.unit?.unit ?? null)) return null;
  return ranged(s, high.e, first!, high, first!.approx || high.approx);
}

/**
 * A span of years written with the second year shortened: 2023/24, 2023-24财年, 2024至25年(度). With a
 * slash or a hyphen the second year must follow the first (2023/24: anything else is a fraction or a
 * code); with 至 / 到 any later year of the same century counts.
 */
export function yearSpan(h: RangeHost, n: Numeral, s: number): FigureCandidate | null {
  const { t } = h;
  if (n.plainDigits !== 4 || n.value < 1000 || n.value > 2199) return null;
  const c = t[n.e];
  const slash = c === '/' || c === '-' || c === '－' || c === '—';
  if (!slash && c !== '至' && c !== '到') return null;
  const q = n.e + 1;
  if (!digitAt(t, q) || !digitAt(t, q + 1) || digitAt(t, q + 2)) return null;
  const yy = Number(t.slice(q, q + 2));
  const century = n.value - (n.value % 100);
  const next = (n.value + 1) % 100;
  if (slash ? yy !== next : yy <= n.value % 100) return null;
  let e = q + 2;
  const word = h.lex.units.matchAt(t, e) ? null : YEAR_WORDS.find((w) => t.startsWith(w, e));
  if (word) e += word.length;
  else if (!slash || letterAt(t, e) || t[e] === '.' || t[e] === '/' || t[e] === '%') return null;
  const high = century + yy + (yy < n.value % 100 ? 100 : 0);
  const low = dated(s, n.e, n, { year: n.value });
  return ranged(s, e, low, dated(q, e, null, { year: high }), false);
}

/** The low end of a date range written as a bare number: 1至7月份 -> month 1. */
function lowDate(n: Numeral, high: DateParts): DateParts | null {
  if (!n.integer || n.approx) return null;
  const v = n.value;
  if (high.day !== undefined) return v >= 1 && v <= 31 && v < high.day ? withPart(high, 'day', v) : null;
  if (high.month !== undefined) return v >= 1 && v <= 12 && v < high.month ? withPart(high, 'month', v) : null;
  if (high.quarter !== undefined) return v >= 1 && v <= 4 && v < high.quarter ? withPart(high, 'quarter', v) : null;
  if (high.year !== undefined) return isYear(n) && v < high.year ? { year: v } : null;
  return null;
}
