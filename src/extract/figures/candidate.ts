// Figure candidates: what find.ts records about a figure before parse.ts values it, and the
// constructors of its common shapes (one object shape for all of them).
//   "5000万美元" -> { shape: 'measure', num: 5000万, unit: 美元 }
//   "1至7月份"   -> { shape: 'range', range: { low: month 1, high: month 7 } }

import type { UnitEntry } from './lexicon.js';
import { lexNumeral, type LexOptions, type Numeral, type Numerals } from './numerals.js';

export type CandidateShape =
  | 'number' // a bare numeral: 6600多万 (纳税人), 3.14
  | 'measure' // numeral + measure word, currency or percent sign: 513户, 5000万美元, 13.5%
  | 'ordinal' // 第一版, 第2位, （一）, 一期
  | 'percentWord' // 百分之十, 千分之三
  | 'tenths' // 五成, 七成六
  | 'discount' // 八折, 五五折
  | 'fraction' // 三分之一, 1/2, 一又二分之一
  | 'date' // 2022年8月11日, 今年3月份, 四季度, 11日
  | 'time' // 下午3:30, 八点十五分
  | 'range' // 5%—5.5%, 1至7月份
  | 'ratio'; // 3比1, 1:1 (ratio.ts)

export interface DateParts {
  year?: number;
  /** Years after the reference year (今年 0, 去年 -1) when the year is relative. */
  yearOffset?: number;
  month?: number;
  day?: number;
  quarter?: number;
  /** ISO weekday, Monday 1 .. Sunday 7 (星期三 -> 3). */
  weekday?: number;
  /** The hundreds of a century's years: 19 for 20世纪 (the 1900s). */
  century?: number;
  /** Centuries after the reference year's (上世纪 -1) when the century is relative. */
  centuryOffset?: number;
  /** The tens digit of a decade inside its century: 9 for 90年代. */
  decade?: number;
}

export interface TimeParts {
  hour: number;
  minute?: number;
  second?: number;
}

export interface FigureCandidate {
  s: number;
  e: number;
  shape: CandidateShape;
  /** The main numeral (for a fraction: the numerator; for a range: none, see `range`). */
  num: Numeral | null;
  unit: UnitEntry | null;
  /** Added to the value: a trailing 半 (0.5), the digit after 成 (七成六 -> 6). */
  add: number;
  /** Multiplier of the numeral: 百分之 1, 千分之 0.1, 万分之 0.01; 10 for 成 and 折. */
  scale: number;
  fraction?: { whole: number; denominator: number };
  date?: DateParts;
  time?: TimeParts;
  range?: { low: FigureCandidate; high: FigureCandidate };
  /** Hedged: 多/余 inside, or 约/近/超过 before, 以上/左右 after. */
  approx: boolean;
  /** The text before the numeral belongs to the figure (上千万, 第, 今年, $). */
  prefixed: boolean;
}

type Extra = Partial<Pick<FigureCandidate, 'unit' | 'add' | 'scale' | 'fraction' | 'date' | 'time' | 'range' | 'approx' | 'prefixed'>>;

/**
 * A candidate with every field present, always in the same order: one object shape for all of them
 * keeps the property accesses downstream monomorphic (Object.assign onto a partly built object was
 * the single most expensive line on dense input).
 */
export function candidate(s: number, e: number, shape: CandidateShape, num: Numeral | null, extra?: Extra): FigureCandidate {
  return {
    s,
    e,
    shape,
    num,
    unit: extra?.unit ?? null,
    add: extra?.add ?? 0,
    scale: extra?.scale ?? 1,
    fraction: extra?.fraction,
    date: extra?.date,
    time: extra?.time,
    range: extra?.range,
    approx: extra?.approx ?? num?.approx ?? false,
    prefixed: extra?.prefixed ?? false,
  };
}

// Constructors of the common shapes. They set fields on the one candidate shape directly: passing an
// `extra` object literal of a different shape from every call site made the reads in `candidate`
// megamorphic, and that one function was the most expensive line on dense input.

export function measure(s: number, e: number, n: Numeral, unit: UnitEntry, add = 0): FigureCandidate {
  const c = candidate(s, e, 'measure', n);
  c.unit = unit;
  c.add = add;
  return c;
}

export function dated(s: number, e: number, num: Numeral | null, date: DateParts, prefixed = false): FigureCandidate {
  const c = candidate(s, e, 'date', num);
  c.date = date;
  c.prefixed = prefixed;
  return c;
}

export function timed(s: number, e: number, n: Numeral, time: TimeParts): FigureCandidate {
  const c = candidate(s, e, 'time', n);
  c.time = time;
  return c;
}

export function ranged(s: number, e: number, low: FigureCandidate, high: FigureCandidate, approx: boolean): FigureCandidate {
  const c = candidate(s, e, 'range', null);
  c.range = { low, high };
  c.approx = approx;
  return c;
}

const FINANCIAL: LexOptions = { financial: true };

/** Reads a plain integer numeral (no hedge) at p and returns it when its value lies in [lo, hi]. */
export function intAt(nums: Numerals, t: string, p: number, lo: number, hi: number, financial = false): Numeral | null {
  const n = lexNumeral(nums, t, p, financial ? FINANCIAL : undefined);
  if (!n || !n.valid || n.digits !== null || n.approx || !n.integer || n.value < lo || n.value > hi) return null;
  return n;
}
