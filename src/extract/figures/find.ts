// Finding figures: where each number-bearing expression starts and ends, and how it is built.
//
// One left-to-right pass. At each position a figure may start with a numeral (3500, 三千五百, 5000万),
// with 第 (ordinals), a list marker (（一）), a currency symbol ($20), a percent word (百分之十), a
// relative year (今年3月份), a part of the day (下午5点) or an in-span hedge (上千万, 数十家). From the
// numeral on, the figure grows by what follows: a date word (年 月 日 季度), a clock (8:30, 八点十五分),
// a fraction (三分之一), a percent sign or word (13.5%, 五成, 八折), a measure word or currency from
// dicts/figures-units.tsv (513户, 5000万美元), a trailing 半, and a range to a second figure (5%—5.5%,
// 1至7月份). What the pieces are worth is parse.ts's business: a candidate only records them.
//   "出口44.6万辆，同比增长1.1倍" -> [44.6万辆: numeral 44.6万 + 辆] [1.1倍: numeral 1.1 + 倍]
// Every step looks a bounded distance ahead of the numeral, so the pass is linear in the text length.

import { lexNumeral, numeralChar, numeralStartsAt, numeralTable, skipInlineSpace, type Numeral } from './numerals.js';
import { currencyPrefixes, figureLexicon, type FigureLexicon, type UnitEntry } from './lexicon.js';

export type CandidateShape =
  | 'number' // a bare numeral: 6600多万 (纳税人), 3.14
  | 'measure' // numeral + measure word, currency or percent sign: 513户, 5000万美元, 13.5%
  | 'ordinal' // 第一版, 第2位, （一）, 一期
  | 'percentWord' // 百分之十, 千分之三
  | 'tenths' // 五成, 七成六
  | 'discount' // 八折, 五五折
  | 'fraction' // 三分之一, 1/2, 一又二分之一
  | 'date' // 2022年8月11日, 今年3月份, 四季度, 11日
  | 'time' // 下午5:00, 八点十五分
  | 'range'; // 5%—5.5%, 1至7月份

export interface DateParts {
  year?: number;
  /** Years after the reference year (今年 0, 去年 -1) when the year is relative. */
  yearOffset?: number;
  month?: number;
  day?: number;
  quarter?: number;
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

/** What `at` found: a candidate or null; `Finder.next` says where to look next (always past i). */
type Step = FigureCandidate | null;

const RANGE_CONNECTORS = new Set(['至', '到', '—', '-', '~', '–', '〜', '－', '～']);
const OPEN_PARENS = new Set(['（', '(']);
const CLOSE_PAREN: Record<string, string> = { '（': '）', '(': ')' };
const OPEN_QUOTES = new Set(['“', '"', '‘', "'", '「', '『']);
const CLOSE_QUOTES = new Set(['”', '"', '’', "'", '」', '』']);
/** Before a lone 一 they make it a determiner, not a count: 这一年, 每一次, 同一个. */
const DETERMINERS = new Set(['这', '那', '每', '哪', '同', '此', '某', '的', '该']);
const DATE_SEPARATORS = new Set(['-', '/', '.']);
const PERCENT_HEADS: Record<string, number> = { 百: 1, 佰: 1, 千: 0.1, 仟: 0.1, 万: 0.01, 萬: 0.01 };

const isAsciiDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';
const isAsciiLetter = (c: string | undefined): boolean =>
  c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'));
/** CJK ideographs (not punctuation): the characters a word is made of. */
const isIdeograph = (c: string | undefined): boolean => {
  if (c === undefined) return false;
  const x = c.charCodeAt(0);
  return (x >= 0x3400 && x <= 0x9fff) || (x >= 0xf900 && x <= 0xfaff) || (x >= 0xd800 && x <= 0xdbff);
};

function candidate(s: number, e: number, shape: CandidateShape, num: Numeral | null, extra?: Partial<FigureCandidate>): FigureCandidate {
  const c: FigureCandidate = { s, e, shape, num, unit: null, add: 0, scale: 1, approx: num?.approx ?? false, prefixed: false };
  // Object.assign, not a spread: this runs once per figure and spreads are slow on a hot path.
  return extra ? Object.assign(c, extra) : c;
}

/** Reads a plain integer numeral (no hedge) at p and returns it when its value lies in [lo, hi]. */
function intAt(t: string, p: number, lo: number, hi: number): Numeral | null {
  const n = lexNumeral(t, p);
  if (!n || !n.valid || n.digits !== null || n.approx || !n.integer || n.value < lo || n.value > hi) return null;
  return n;
}

class Finder {
  constructor(
    private readonly t: string,
    private readonly lex: FigureLexicon,
  ) {}

  /** Where the pass looks next after `at` found nothing. */
  private next = 0;

  private step(cand: FigureCandidate | null, next: number): Step {
    this.next = next;
    return cand;
  }

  private unitAt = (p: number): boolean => this.lex.placeUnits.matchAt(this.t, p) !== null;

  private numeral(p: number, signed = false): Numeral | null {
    return lexNumeral(this.t, p, { unitAt: this.unitAt, signed });
  }

  /** Hands every candidate of the text to `sink`, in order, not overlapping. */
  run(sink: (c: FigureCandidate) => void): void {
    const { t } = this;
    const starts = figureStarts(this.lex);
    let prev: FigureCandidate | null = null;
    let i = 0;
    while (i < t.length) {
      if (!starts.has(t[i]!)) {
        i++;
        continue;
      }
      const c = this.at(i);
      if (c && this.keep(c, prev)) {
        this.hedge(c);
        sink(c);
        prev = c;
        i = Math.max(c.e, i + 1);
      } else i = Math.max(this.next, i + 1);
    }
  }

  /** Drops words that only look like figures: idioms, names, level words after a classifier. */
  private keep(c: FigureCandidate, prev: FigureCandidate | null): boolean {
    if (this.lex.exclusions.covers(this.t, c.s, c.e)) return false;
    // 4个万亿元台阶: the bare 万亿元 after a classifier names a level, it is not an amount.
    if (c.num?.bareMagnitude && !c.prefixed && prev && prev.e === c.s && prev.unit?.type === 'quantity') return false;
    return true;
  }

  /** Hedges outside the span: 约 300 人, 近 三年, 5% 左右. */
  private hedge(c: FigureCandidate): void {
    const before = this.lex.hedgesBefore.matchEndingAt(this.t, c.s);
    const after = this.lex.hedgesAfter.matchAt(this.t, c.e);
    if ((before && !before.data.inSpan) || after) c.approx = true;
  }

  private at(i: number): Step {
    const { t } = this;
    const c = t[i]!;
    if (isAsciiDigit(c)) {
      const d = this.isoDate(i);
      if (d) return this.step(d, d.e);
    } else {
      // Digits start only numerals and numeric dates; anything else may lead a figure with a word.
      const led = this.wordLed(i, c);
      if (led !== undefined) return led;
    }
    const signed = this.signAllowed(i);
    if (numeralStartsAt(t, i) || (signed && (c === '-' || c === '负' || c === '負'))) {
      const n = this.numeral(i, signed);
      if (!n) return this.step(null, i + 1);
      if (!n.valid) return this.step(null, n.e);
      return this.step(this.fromNumeral(n, i, true), n.e);
    }
    return this.step(null, i + 1);
  }

  /** '-' is a minus sign only where it cannot join two figures (5-10, 2021-2025) or a code (COVID-19). */
  private signAllowed(i: number): boolean {
    const c = this.t[i];
    if (c === '负' || c === '負') return true;
    if (c !== '-') return false;
    const p = this.t[i - 1];
    if (p === undefined || p === ' ' || p === '\t' || p === '\n') return true;
    if (isAsciiDigit(p) || isAsciiLetter(p) || p === '%' || p === '.' || p === ')' || p === '）' || numeralChar(p)) return false;
    // 3个-5个 joins two counts; after any other word it is a sign (增长-3.5%).
    return !this.lex.units.matchEndingAt(this.t, i);
  }

  /** Figures led by a word or symbol: 第, （一）, $, 今年, 下午, 百分之, 上千万. undefined: try a numeral. */
  private wordLed(i: number, c: string): Step | undefined {
    const { t, lex } = this;
    if (c === '第') return this.step(this.ordinal(i), i + 1);
    if (OPEN_PARENS.has(c)) {
      const m = this.listMarker(i);
      if (m) return this.step(m, m.e);
    }
    const cur = currencyPrefixes().matchAt(t, i);
    if (cur && isAsciiDigit(t[cur.e])) {
      const cand = this.currency(i, cur.e, cur.data);
      if (cand) return this.step(cand, cand.e);
    }
    const tw = lex.timeWords.matchAt(t, i);
    if (tw) {
      const cand = tw.data.kind === 'year' ? this.relativeDate(i, tw.e, tw.data.value) : this.clockAfterDaypart(i, tw.e, tw.data.value);
      return this.step(cand, cand ? cand.e : tw.e);
    }
    if (PERCENT_HEADS[c] !== undefined) {
      const cand = this.percentWord(i);
      if (cand) return this.step(cand, cand.e);
    }
    const hedge = lex.hedgesBefore.matchAt(t, i);
    if (hedge && hedge.data.inSpan) {
      const n = this.numeral(hedge.e);
      if (n && n.valid && n.placeLed) {
        const cand = this.fromNumeral(n, i, true);
        if (cand) {
          cand.approx = true;
          cand.prefixed = true;
          return this.step(cand, cand.e);
        }
      }
    }
    return undefined;
  }

  // ---------------------------------------------------------------------------------------------
  // From a numeral onwards.

  /**
   * The figure that a numeral starts (s: where the span starts, before any prefix). `withRange`: also
   * try to read "N1 至 N2 unit" on from here.
   */
  private fromNumeral(n: Numeral, s: number, withRange: boolean): FigureCandidate | null {
    const { t, lex } = this;
    // Part of a Latin code or formula: PM2.5, G20, COVID-19, 5+5+7, 1+N.
    const before = t[n.s - 1];
    if (isAsciiLetter(before) || before === '+' || before === '_' || (before === '-' && isAsciiLetter(t[n.s - 2])) || (before === '.' && isAsciiDigit(t[n.s - 2]))) return null;
    if (t[n.e] === '+' || t[n.e] === '_') return null;
    if (n.digits !== null && n.digits.length > 4) return null;
    if (lex.notAfter.matchAt(t, n.e)) return null;
    const first = this.single(n, s);
    if (!withRange) return first;
    return this.range(n, s, first) ?? first;
  }

  /** One figure from a numeral, no range. */
  private single(n: Numeral, s: number): FigureCandidate | null {
    const { t, lex } = this;
    const p = skipInlineSpace(t, n.e);
    const nextChar = t[p];
    // List item at the start of a line: 一、 二、
    if (nextChar === '、' && p === n.e && n.digits === null && n.integer && !n.negative && n.value > 0 && n.value < 100 && (s === 0 || t[s - 1] === '\n')) {
      return candidate(n.s, n.e, 'ordinal', n);
    }
    const date = this.date(n, s);
    if (date) return date;
    const clock = this.clock(n, s, false, 0);
    if (clock) return clock;
    const frac = this.fraction(n, s);
    if (frac) return frac;
    if (n.digits !== null) {
      // 五五折 = 55%; any other bare digit string is a code (一四四六) or a year without 年.
      if (n.digits.length === 2 && t[p] === '折') return this.discount(n, s, p);
      return null;
    }
    if (nextChar === '成') {
      const tenths = this.tenths(n, s, p);
      if (tenths || n.chinese) return tenths;
    }
    if (nextChar === '折') {
      const d = this.discount(n, s, p);
      if (d) return d;
    }
    if (nextChar === '年' && !lex.falseUnits.matchAt(t, p)) {
      if (n.single && n.value === 1 && DETERMINERS.has(t[n.s - 1] ?? '')) return null; // 新的一年, 这一年
      // A count of years (三年, 100年, 一年多); 4-digit years went to the date grammar.
      if (n.single && n.value === 1 && this.oneYearIsIdiom(n)) return null;
      let e = p + 1;
      let add = 0;
      let approx = n.approx;
      if (t[e] === '半') (add = 0.5), e++;
      else if (t[e] === '多' || t[e] === '余') (approx = true), e++;
      return candidate(s, e, 'measure', n, { unit: YEAR_UNIT, add, approx });
    }
    const u = this.unitAfter(n.e);
    if (u) {
      const unit = u.data;
      if (unit.type === 'ordinal' && !unit.phase) return this.bare(n, s);
      if (n.bareMagnitude && unit.nobare) return null;
      if (unit.phase && n.chinese && !n.arabic) return candidate(s, u.e, 'ordinal', n, { unit });
      if (unit.type === 'ordinal') return null;
      if (n.single && n.value === 1 && !unit.one) return null; // 一批, 一个, 一次性: the indefinite article
      if (n.single && n.value === 1 && DETERMINERS.has(t[n.s - 1] ?? '')) return null; // 这一年, 每一次
      if (isAsciiLetter(t[u.e]) && isAsciiLetter(unit.word[unit.word.length - 1])) return null; // 5 kmh?
      let e = u.e;
      let add = 0;
      if (unit.half && t[e] === '半') (add = 0.5), e++;
      return candidate(s, e, 'measure', n, { unit, add });
    }
    return this.bare(n, s);
  }

  /** 一年 after 学前 and friends is listed as an exclusion; here only the guard for 一年 + 一度/四季. */
  private oneYearIsIdiom(n: Numeral): boolean {
    return this.lex.exclusions.covers(this.t, n.s, n.e + 1);
  }

  private unitAfter(e: number) {
    const { t, lex } = this;
    const p = skipInlineSpace(t, e);
    const u = lex.units.matchAt(t, p, true);
    if (!u) return null;
    const f = lex.falseUnits.matchAt(t, p);
    if (f && f.e > u.e) return null; // 上千万家庭: 家 is part of 家庭
    return u;
  }

  /** A numeral with nothing after it that makes it a measure: a number, or nothing at all. */
  private bare(n: Numeral, s: number): FigureCandidate | null {
    const { t } = this;
    if (n.digits !== null) return null;
    const prefixed = s < n.s;
    if (n.bareMagnitude && !prefixed) return null; // 万, 千万不要, 百姓
    const before = t[s - 1];
    const after = t[n.e];
    if (OPEN_QUOTES.has(before ?? '') && CLOSE_QUOTES.has(after ?? '')) return null; // “1571”: a code
    if (isAsciiLetter(after) || (after === '.' && isAsciiLetter(t[n.e + 1]))) return null; // 5G, 3D, 4K
    if (n.arabic) return candidate(s, n.e, 'number', n);
    // Chinese numerals alone are figures only when they are plainly a number: a large amount
    // (上千万, 十二亿) or a numeral standing apart from the words around it (…还有二百五。).
    if (n.hasMagnitude && Math.abs(n.value) >= 1e4) return candidate(s, n.e, 'number', n);
    if (prefixed) return candidate(s, n.e, 'number', n);
    if (isIdeograph(after)) return null;
    if (n.single && isIdeograph(before)) return null;
    return candidate(s, n.e, 'number', n);
  }

  // ---------------------------------------------------------------------------------------------
  // Ranges: 1至7月份, 5%—5.5%, 3-5年, 2021—2025年, 20至30万元.

  private range(n: Numeral, s: number, first: FigureCandidate | null): FigureCandidate | null {
    const { t } = this;
    const lowEnd = first ? first.e : n.e;
    if (first && first.shape !== 'number' && first.shape !== 'measure' && first.shape !== 'date') return null;
    const conn = t[lowEnd];
    if (conn === undefined || !RANGE_CONNECTORS.has(conn)) return null;
    if (conn === '—' && t[lowEnd + 1] === '—') return null; // a dash of punctuation
    const p = lowEnd + 1;
    const n2 = this.numeral(p);
    if (!n2 || !n2.valid) return null;
    const high = this.fromNumeral(n2, p, false);
    if (!high || high.shape === 'number' || high.shape === 'ordinal' || high.shape === 'fraction' || high.shape === 'time') return null;
    const lowIsBare = !first || first.shape === 'number';
    if (lowIsBare) {
      if (n.digits !== null || n.bareMagnitude) return null;
      if (high.shape === 'date') {
        const date = this.lowDate(n, high.date!);
        if (!date) return null;
        const low = candidate(s, n.e, 'date', n, { date });
        return candidate(s, high.e, 'range', null, { range: { low, high }, approx: n.approx || high.approx });
      }
      if (n.negative && conn === '-') return null;
      // 20至30万元: the low end borrows the high end's magnitude
      const low = candidate(s, n.e, high.shape, n, { unit: high.unit, scale: high.scale, add: 0 });
      if (!n.hasMagnitude && high.num?.hasMagnitude) low.scale *= trailingMagnitude(t, high.num);
      return candidate(s, high.e, 'range', null, { range: { low, high }, approx: n.approx || high.approx });
    }
    // Two whole figures: a range when they measure the same thing. Two dates stay two dates
    // (5月19日至20日 is a date and a date).
    if (first!.shape === 'date' || high.shape === 'date') return null;
    if (first!.shape !== high.shape) return null;
    if ((first!.unit?.unit ?? null) !== (high.unit?.unit ?? null)) return null;
    return candidate(s, high.e, 'range', null, { range: { low: first!, high }, approx: first!.approx || high.approx });
  }

  /** The low end of a date range written as a bare number: 1至7月份 -> month 1. */
  private lowDate(n: Numeral, high: DateParts): DateParts | null {
    if (!n.integer || n.approx) return null;
    const v = n.value;
    if (high.day !== undefined) return v >= 1 && v <= 31 && v < high.day ? withPart(high, 'day', v) : null;
    if (high.month !== undefined) return v >= 1 && v <= 12 && v < high.month ? withPart(high, 'month', v) : null;
    if (high.quarter !== undefined) return v >= 1 && v <= 4 && v < high.quarter ? withPart(high, 'quarter', v) : null;
    if (high.year !== undefined) return isYear(n) && v < high.year ? { year: v } : null;
    return null;
  }

  // ---------------------------------------------------------------------------------------------
  // Dates and clock times.

  /** Date grammar from a numeral: 2022年(8月(11日)), 8月(11日), 8月份, 11日, 四季度. */
  private date(n: Numeral, s: number): FigureCandidate | null {
    const { t } = this;
    const p = skipInlineSpace(t, n.e);
    if (t[p] === '年' && !t.startsWith('年级', p) && isYear(n)) {
      let e = p + 1;
      if (t[e] === '度') e++;
      const date: DateParts = { year: n.value };
      const rest = this.monthOrQuarter(e, date);
      return candidate(s, rest ? rest.e : e, rest?.range ? 'range' : 'date', n, rest?.range ? { range: rest.range } : { date: rest?.date ?? date });
    }
    const md = this.monthDay(n, s, {});
    if (md) return md;
    if (t.startsWith('季度', p) && n.integer && n.value >= 1 && n.value <= 4 && !n.approx && p === n.e) {
      return candidate(s, p + 2, 'date', n, { date: { quarter: n.value } });
    }
    // A bare day: 11日 (Arabic only; 一日 is a day's length or an idiom).
    if (t[p] === '日' && p === n.e && n.arabic && n.integer && !n.approx && n.value >= 1 && n.value <= 31 && !t.startsWith('日元', p)) {
      return candidate(s, p + 1, 'date', n, { date: { day: n.value } });
    }
    return null;
  }

  /** Month (and day) from a numeral: 8月11日, 8月份, 十月; `base` carries a year already read. */
  private monthDay(n: Numeral, s: number, base: DateParts): FigureCandidate | null {
    const { t } = this;
    if (!n.integer || n.approx || n.value < 1 || n.value > 12 || n.digits !== null) return null;
    const p = skipInlineSpace(t, n.e);
    if (t[p] !== '月') return null;
    let e = p + 1;
    const date = withPart(base, 'month', n.value);
    if (t[e] === '份') return candidate(s, e + 1, 'date', n, { date });
    const q = skipInlineSpace(t, e);
    const d = intAt(t, q, 1, 31);
    if (d && (t[d.e] === '日' || t[d.e] === '号' || t[d.e] === '號') && !t.startsWith('日元', d.e)) {
      date.day = d.value;
      e = d.e + 1;
    }
    return candidate(s, e, 'date', n, { date });
  }

  /** After a year: a month (and day), a month range (2022年1至7月), or a quarter (2022年四季度). */
  private monthOrQuarter(p: number, base: DateParts): { e: number; date?: DateParts; range?: { low: FigureCandidate; high: FigureCandidate } } | null {
    const { t } = this;
    let q = skipInlineSpace(t, p);
    if (t[q] === '第') q++;
    const m = intAt(t, q, 1, 12);
    if (!m) return null;
    if (t.startsWith('季度', m.e) && m.value <= 4) return { e: m.e + 2, date: withPart(base, 'quarter', m.value) };
    const md = this.monthDay(m, q, base);
    if (md) return { e: md.e, date: md.date! };
    if (RANGE_CONNECTORS.has(t[m.e] ?? '')) {
      const m2 = intAt(t, m.e + 1, 1, 12);
      const hi = m2 ? this.monthDay(m2, m.e + 1, base) : null;
      if (hi && hi.date!.day === undefined && m.value < m2!.value) {
        const low = candidate(q, m.e, 'date', m, { date: withPart(base, 'month', m.value) });
        return { e: hi.e, range: { low, high: hi } };
      }
    }
    return null;
  }

  /** 今年3月份, 去年四季度: a relative year followed by a month or quarter. Bare 今年 is not a figure. */
  private relativeDate(s: number, p: number, offset: number): FigureCandidate | null {
    const rest = this.monthOrQuarter(p, { yearOffset: offset });
    if (!rest) return null;
    const c = candidate(s, rest.e, rest.range ? 'range' : 'date', null, rest.range ? { range: rest.range } : { date: rest.date! });
    c.prefixed = true;
    return c;
  }

  /** ISO-like numeric dates: 2022-08-11, 2020/12/1, 2022.8.11. */
  private isoDate(i: number): FigureCandidate | null {
    const { t } = this;
    for (let k = 0; k < 4; k++) if (!isAsciiDigit(t[i + k])) return null;
    if (isAsciiDigit(t[i + 4]) || isAsciiDigit(t[i - 1])) return null;
    const sep = t[i + 4];
    if (sep === undefined || !DATE_SEPARATORS.has(sep)) return null;
    const readPart = (p: number): [number, number] | null => {
      let q = p;
      while (isAsciiDigit(t[q]) && q - p < 3) q++;
      return q - p >= 1 && q - p <= 2 ? [Number(t.slice(p, q)), q] : null;
    };
    const m = readPart(i + 5);
    if (!m || t[m[1]] !== sep) return null;
    const d = readPart(m[1] + 1);
    if (!d || isAsciiDigit(t[d[1]]) || (t[d[1]] === '.' && isAsciiDigit(t[d[1] + 1]))) return null;
    const year = Number(t.slice(i, i + 4));
    if (year < 1000 || year > 2199 || m[0] < 1 || m[0] > 12 || d[0] < 1 || d[0] > 31) return null;
    return candidate(i, d[1], 'date', null, { date: { year, month: m[0], day: d[0] } });
  }

  /**
   * Clock times: 8:30, 17时30分, 八点十五分, 八点钟; after a part of the day (下午5点) a bare 点 or 时
   * is enough. `hourShift`: 12 after 下午 / 晚上 for hours below 12.
   */
  private clock(n: Numeral, s: number, afterDaypart: boolean, hourShift: number): FigureCandidate | null {
    const { t } = this;
    if (!n.integer || n.approx || n.digits !== null || n.value < 0 || n.value > 24 || n.negative) return null;
    const hour = n.value < 12 ? n.value + hourShift : n.value;
    const c = t[n.e];
    if (c === ':' && n.arabic && n.plainDigits > 0 && n.plainDigits <= 2) {
      const m = t.slice(n.e + 1, n.e + 3);
      if (!/^[0-5][0-9]$/.test(m) || isAsciiDigit(t[n.e + 3])) return null;
      let e = n.e + 3;
      const time: TimeParts = { hour, minute: Number(m) };
      const sec = t.slice(e + 1, e + 3);
      if (t[e] === ':' && /^[0-5][0-9]$/.test(sec) && !isAsciiDigit(t[e + 3])) (time.second = Number(sec)), (e += 3);
      const ampm = t.slice(e, e + 2).toLowerCase();
      if ((ampm === 'am' || ampm === 'pm') && !isAsciiLetter(t[e + 2])) {
        if (ampm === 'pm' && time.hour < 12) time.hour += 12;
        e += 2;
      }
      return candidate(s, e, 'time', n, { time });
    }
    if (c !== '点' && c !== '點' && c !== '时' && c !== '時') return null;
    let e = n.e + 1;
    const time: TimeParts = { hour };
    if (t[e] === '钟' || t[e] === '鐘') return candidate(s, e + 1, 'time', n, { time });
    if (t[e] === '半') return candidate(s, e + 1, 'time', n, { time: { hour, minute: 30 } });
    if (t[e] === '整') return candidate(s, e + 1, 'time', n, { time: { hour, minute: 0 } });
    const m = intAt(t, e, 0, 59);
    if (m && t[m.e] === '分' && t[m.e + 1] !== '之') {
      time.minute = m.value;
      e = m.e + 1;
      const sec = intAt(t, e, 0, 59);
      if (sec && t[sec.e] === '秒') (time.second = sec.value), (e = sec.e + 1);
      return candidate(s, e, 'time', n, { time });
    }
    if (afterDaypart) return candidate(s, n.e + 1, 'time', n, { time });
    return null;
  }

  /** 下午5点, 晚上七点半: a part of the day, then a clock time. */
  private clockAfterDaypart(s: number, p: number, shift: number): FigureCandidate | null {
    const q = skipInlineSpace(this.t, p);
    const n = this.numeral(q);
    if (!n || !n.valid) return null;
    const c = this.clock(n, q, true, shift);
    if (!c) return null;
    c.s = s;
    c.prefixed = true;
    return c;
  }

  // ---------------------------------------------------------------------------------------------
  // Ordinals, fractions, percent words, tenths, discounts, currency symbols.

  /** 第一版, 第二轮, 第2位, 第十位, 第一季度 (a date); 第十五个五年规划 is a name. */
  private ordinal(i: number): FigureCandidate | null {
    const { t, lex } = this;
    const n = this.numeral(i + 1);
    if (!n || !n.valid || n.digits !== null || n.negative || n.approx) return null;
    if (lex.notAfter.matchAt(t, n.e)) return null;
    if (t.startsWith('季度', n.e) && n.integer && n.value >= 1 && n.value <= 4) {
      return candidate(i, n.e + 2, 'date', n, { date: { quarter: n.value }, prefixed: true });
    }
    const u = this.unitAfter(n.e);
    const unit = u && u.data.ord && u.e === n.e + u.word.length ? u.data : null;
    return candidate(i, unit ? u!.e : n.e, 'ordinal', n, { unit, prefixed: true });
  }

  /** List markers: （一） (三) - the ordinal is the numeral inside the brackets. */
  private listMarker(i: number): FigureCandidate | null {
    const { t } = this;
    const open = t[i]!;
    const n = this.numeral(i + 1);
    if (!n || !n.valid || n.digits !== null || n.approx || !n.integer || n.negative || n.value < 1 || n.value > 99) return null;
    if (t[n.e] !== CLOSE_PAREN[open]) return null;
    // Arabic (1) only at the start of a line: elsewhere it may be a footnote or a year.
    if (n.arabic && !(i === 0 || t[i - 1] === '\n')) return null;
    if (n.arabic && n.chinese) return null;
    return candidate(n.s, n.e, 'ordinal', n);
  }

  /** 三分之一, 一又二分之一, 1/2. */
  private fraction(n: Numeral, s: number): FigureCandidate | null {
    const { t } = this;
    let den = n;
    let whole = 0;
    let p = skipInlineSpace(t, n.e);
    if (t[p] === '又') {
      const d = lexNumeral(t, skipInlineSpace(t, p + 1), { unitAt: this.unitAt, financial: true });
      if (!d || !d.valid || d.digits !== null) return null;
      whole = n.value;
      den = d;
      p = skipInlineSpace(t, d.e);
    }
    if (t[p] === '分' && t[skipInlineSpace(t, p + 1)] === '之') {
      const q = skipInlineSpace(t, skipInlineSpace(t, p + 1) + 1);
      const num = lexNumeral(t, q, { signed: true, financial: true });
      if (!num || !num.valid || num.digits !== null || den.value === 0) return null;
      return candidate(s, num.e, 'fraction', num, { fraction: { whole, denominator: den.value } });
    }
    if (whole === 0 && t[n.e] === '/' && n.plainDigits > 0 && t[n.s - 1] !== '/') {
      const num = this.numeral(n.e + 1);
      if (!num || !num.valid || num.plainDigits === 0 || t[num.e] === '/' || num.value === 0) return null;
      // written numerator first: 1/2 is one half
      return candidate(s, num.e, 'fraction', n, { fraction: { whole: 0, denominator: num.value } });
    }
    return null;
  }

  /** 百分之十, 千分之三, 百 分 之 2.4: a percent written out in words. */
  private percentWord(i: number): FigureCandidate | null {
    const { t } = this;
    const scale = PERCENT_HEADS[t[i]!]!;
    const p = skipInlineSpace(t, i + 1);
    if (t[p] !== '分') return null;
    const q = skipInlineSpace(t, p + 1);
    if (t[q] !== '之') return null;
    const r = skipInlineSpace(t, q + 1);
    const n = lexNumeral(t, r, { signed: true });
    if (!n || !n.valid || n.digits !== null) return null;
    return candidate(i, n.e, 'percentWord', n, { scale, prefixed: true });
  }

  /** 五成 = 50%, 七成六 = 76%, 2.5成 = 25%; 三成为 is 三 + 成为. */
  private tenths(n: Numeral, s: number, p: number): FigureCandidate | null {
    const { t, lex } = this;
    if (n.value <= 0 || n.value > 10 || n.approx && !n.chinese) return null;
    if (lex.notAfter.matchAt(t, p)) return null;
    let e = p + 1;
    let add = 0;
    const q = skipInlineSpace(t, e);
    const d = numeralChar(t[q]);
    if (n.integer && n.value < 10 && d && d.kind === 'digit' && !numeralChar(t[q + 1]) && !lex.units.matchAt(t, q + 1) && t[q + 1] !== '成') {
      add = d.value;
      e = q + 1;
    }
    return candidate(s, e, 'tenths', n, { scale: 10, add });
  }

  /** 八折 = 80%, 8.5折 = 85%, 五五折 = 55%. 十折 is no discount. */
  private discount(n: Numeral, s: number, p: number): FigureCandidate | null {
    const { t, lex } = this;
    if (lex.notAfter.matchAt(t, p)) return null;
    if (n.digits !== null) return candidate(s, p + 1, 'discount', n, { scale: 1 });
    if (n.value <= 0 || n.value >= 10) return null;
    return candidate(s, p + 1, 'discount', n, { scale: 10 });
  }

  /** $20, ￥300, US$5 (a trailing 元 is taken in: ￥300元). */
  private currency(i: number, p: number, unit: UnitEntry): FigureCandidate | null {
    const n = this.numeral(p);
    if (!n || !n.valid || n.digits !== null) return null;
    let e = n.e;
    const u = this.unitAfter(e);
    if (u && u.data.type === 'money' && u.data.unit === unit.unit) e = u.e;
    return candidate(i, e, 'measure', n, { unit, prefixed: true });
  }
}

const YEAR_UNIT: UnitEntry = { word: '年', type: 'quantity', unit: '年', one: true, ord: true, half: true, nobare: false, prefix: false, phase: false };

/** A copy of a date with one part set (no object spread: this is on the hot path). */
function withPart(d: DateParts, part: 'month' | 'day' | 'quarter', v: number): DateParts {
  const out: DateParts = {};
  if (d.year !== undefined) out.year = d.year;
  if (d.yearOffset !== undefined) out.yearOffset = d.yearOffset;
  if (d.month !== undefined) out.month = d.month;
  if (d.day !== undefined) out.day = d.day;
  if (d.quarter !== undefined) out.quarter = d.quarter;
  out[part] = v;
  return out;
}

/** A calendar year: 4 Arabic digits 1000-2199 or four bare Chinese digits (二〇二二). */
function isYear(n: Numeral): boolean {
  if (n.digits !== null) return n.digits.length === 4;
  return n.plainDigits === 4 && n.value >= 1000 && n.value <= 2199;
}

/** The magnitude a numeral ends with: 30万 -> 1e4, 5万亿 -> 1e12, 300 -> 1. */
function trailingMagnitude(t: string, n: Numeral): number {
  let m = 1;
  for (let p = n.e - 1; p >= n.s; p--) {
    const c = numeralChar(t[p]);
    if (!c || c.kind !== 'magnitude') break;
    m *= c.value;
  }
  return m;
}

let STARTS: Set<string> | null = null;

/** Characters at which a figure can start; every other character is passed over at once. */
function figureStarts(lex: FigureLexicon): Set<string> {
  if (STARTS) return STARTS;
  const set = new Set<string>(['第', '-', '负', '負', '几', '幾', ...OPEN_PARENS, ...Object.keys(PERCENT_HEADS)]);
  for (let d = 0; d <= 9; d++) set.add(String(d));
  for (const c of numeralTable().keys()) set.add(c);
  for (const table of [lex.timeWords, lex.hedgesBefore, currencyPrefixes()]) for (const c of table.firstChars()) set.add(c);
  STARTS = set;
  return set;
}

/** All figure candidates of a (width-folded) text, in order and not overlapping. */
export function findFigures(text: string): FigureCandidate[] {
  const out: FigureCandidate[] = [];
  scanFigures(text, (c) => out.push(c));
  return out;
}

/** The same candidates handed one by one to `sink` (no list kept: cheaper on long texts). */
export function scanFigures(text: string, sink: (c: FigureCandidate) => void): void {
  if (text) new Finder(text, figureLexicon()).run(sink);
}
