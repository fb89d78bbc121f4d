// Parsing figures: what a found candidate is worth, as type, value and unit (docs/output.md).
//
// Knows no positions; find.ts has decided where the figure is and how it is built.
//   5000万美元   -> money    50000000   USD        13.5%    -> percent  13.5  null
//   28500余辆    -> quantity 28500      辆         五成     -> percent  50    null
//   今年3月份    -> date     "2022-03"  (ref 2022) 8月11日  -> date     "--08-11" (no ref)
//   四季度       -> date     "2022-Q4"  (ref 2022) 11日     -> date     "---11"
//   1至7月份     -> range    "2022-01/2022-07"     5%—5.5%  -> range    null, low 5, high 5.5
//   第二轮       -> ordinal  2          null       三分之一 -> number   0.333…
//   星期三       -> date     "XXXX-WXX-3"          八十年代 -> date     null ("198X" after 二十世纪)
//   6月1日十点   -> date     "--06-01T10"          零下5度  -> quantity -5         度
//   3比1         -> ratio    "3:1" (low 3, high 1)  2023/24  -> range    "2023/2024", low "2023", high "2024"
// Units follow docs/output.md: a measure word for quantities, an ISO 4217 code for money, null otherwise,
// so percentages and ordinals carry null (per mille keeps its ‰: the value alone would read as a percent).

import type { FigureMatch } from '../types.js';
import type { DateParts, FigureCandidate, TimeParts } from './find.js';

/** The unit reported for percentages (docs/output.md: null); a percent range reports '%'. */
export const PERCENT_UNIT = null;

export type ParsedFigure = Omit<FigureMatch, 's' | 'e'>;

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * ISO-8601-like text of a date: "2022-08-11", "2022", "--08-11", "--05", "---11", "2022-Q4"; a weekday
 * alone "XXXX-WXX-3" (the TIMEX3 form of an ISO week date with year and week unknown: ISO 8601 itself
 * no longer has a truncated weekday); a decade "199X" and a century "19XX" with X for the unspecified
 * digits (as in ISO 8601-2), null when the century is not known (80年代 alone).
 */
export function formatDate(d: DateParts, referenceYear: number | null): string | null {
  if (d.decade !== undefined || d.century !== undefined || d.centuryOffset !== undefined) {
    let century = d.century;
    if (century === undefined && d.centuryOffset !== undefined && referenceYear !== null) century = Math.floor(referenceYear / 100) + d.centuryOffset;
    if (century === undefined) return null;
    return d.decade === undefined ? `${century}XX` : `${century}${d.decade}X`;
  }
  if (d.weekday !== undefined && d.year === undefined && d.yearOffset === undefined && d.month === undefined && d.day === undefined) {
    return `XXXX-WXX-${d.weekday}`;
  }
  let year = d.year;
  if (year === undefined && referenceYear !== null) {
    // A relative year resolves against the reference; a bare month(-day) or quarter falls in it.
    if (d.yearOffset !== undefined) year = referenceYear + d.yearOffset;
    else if (d.month !== undefined || d.quarter !== undefined) year = referenceYear;
  }
  if (d.quarter !== undefined) return year === undefined ? null : `${year}-Q${d.quarter}`;
  if (year !== undefined) {
    // Four digits always: an era date of the first millennium reads "0706-01-01".
    const y = String(year).padStart(4, '0');
    if (d.month === undefined) return y;
    return d.day === undefined ? `${y}-${pad(d.month)}` : `${y}-${pad(d.month)}-${pad(d.day)}`;
  }
  if (d.month !== undefined) return d.day === undefined ? `--${pad(d.month)}` : `--${pad(d.month)}-${pad(d.day)}`;
  if (d.day !== undefined) return `---${pad(d.day)}`;
  return null;
}

/** "T17:00", "T08", "T08:15:30". */
export function formatTime(t: TimeParts): string {
  let s = `T${pad(t.hour)}`;
  if (t.minute !== undefined) s += `:${pad(t.minute)}`;
  if (t.second !== undefined) s += `:${pad(t.second)}`;
  return s;
}

/** Rounds away binary noise (14.2 * 1e12 = 14200000000000.002). */
function clean(v: number): number {
  if (!Number.isFinite(v) || (Number.isInteger(v) && Math.abs(v) < 1e15)) return v;
  const r = Number(v.toPrecision(15));
  return Object.is(r, -0) ? 0 : r;
}

/** The number a candidate stands for (not for dates, times and ranges). */
function amount(c: FigureCandidate): number | null {
  const n = c.num;
  if (!n) return null;
  switch (c.shape) {
    case 'discount':
      return n.digits !== null ? Number(n.digits) : n.value * 10;
    case 'tenths':
      return n.value * 10 + c.add;
    case 'fraction': {
      const f = c.fraction!;
      const part = n.value / f.denominator;
      return f.whole < 0 ? f.whole - Math.abs(part) : f.whole + part;
    }
    default:
      return n.value * c.scale + c.add;
  }
}

/** Type, value and unit of a candidate; null when it has no sensible value (an overflowing number). */
export function parseFigure(c: FigureCandidate, referenceYear: number | null): ParsedFigure | null {
  const approx = c.approx || (c.num?.approx ?? false);
  switch (c.shape) {
    case 'date': {
      // A date with its time of day: "2021-06-01T10", "--03-02T09:30".
      const date = formatDate(c.date!, referenceYear);
      const value = c.time && date !== null ? date + formatTime(c.time) : date;
      return { type: 'date', value, unit: null, approx };
    }
    case 'time':
      return { type: 'date', value: formatTime(c.time!), unit: null, approx };
    case 'range':
      return parseRange(c, referenceYear, approx);
    case 'ratio': {
      // 3比1 -> "3:1", its parts in low / high.
      const lo = amount(c.range!.low);
      const hi = amount(c.range!.high);
      if (lo === null || hi === null) return null;
      return { type: 'ratio', value: `${clean(lo)}:${clean(hi)}`, unit: null, approx: false, low: clean(lo), high: clean(hi) };
    }
    default:
      break;
  }
  const v = amount(c);
  if (v === null || !Number.isFinite(v)) return null;
  const value = clean(v);
  switch (c.shape) {
    case 'number':
    case 'fraction':
      return { type: 'number', value, unit: null, approx };
    case 'ordinal':
      return { type: 'ordinal', value, unit: null, approx: false };
    case 'percentWord':
    case 'tenths':
    case 'discount':
      return { type: 'percent', value, unit: PERCENT_UNIT, approx };
    case 'measure': {
      const u = c.unit!;
      if (u.type === 'money') return { type: 'money', value, unit: u.unit, approx };
      if (u.type === 'percent') return { type: 'percent', value, unit: u.unit === '%' ? PERCENT_UNIT : u.unit, approx };
      return { type: 'quantity', value, unit: u.unit, approx };
    }
    default:
      return null;
  }
}

function parseRange(c: FigureCandidate, referenceYear: number | null, approx: boolean): ParsedFigure | null {
  const { low, high } = c.range!;
  if (low.shape === 'time' && high.shape === 'time') {
    const lo = formatTime(low.time!);
    const hi = formatTime(high.time!);
    return { type: 'range', value: `${lo}/${hi}`, unit: null, approx, low: lo, high: hi };
  }
  if (low.shape === 'date' && high.shape === 'date') {
    const lo = formatDate(low.date!, referenceYear);
    const hi = formatDate(high.date!, referenceYear);
    return { type: 'range', value: lo && hi ? `${lo}/${hi}` : null, unit: null, approx, low: lo, high: hi };
  }
  const lo = parseFigure({ ...low, shape: low.shape === 'range' ? 'number' : low.shape }, referenceYear);
  const hi = parseFigure(high, referenceYear);
  if (!lo || !hi) return null;
  // A range's unit says what its ends are: CNY for 20至30万元, % for 6%—6.5% (a percent's own unit is null).
  return { type: 'range', value: null, unit: hi.type === 'percent' ? (hi.unit ?? '%') : hi.unit, approx, low: lo.value, high: hi.value };
}
