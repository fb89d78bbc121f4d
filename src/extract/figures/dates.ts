// Dates and clock times: the calendar grammar that a numeral or a time word starts.
//
// A year, month, day or quarter after a numeral (2022年8月11日, 8月份, 11日, 四季度, 09年), decades and
// centuries (80年代, 20世纪90年代, 上世纪80年代), numeric dates (2022-08-11), dates led by a word (今年3月份,
// 星期三, 农历八月十五, 腊月二十三, 民国元年), clock times (8:30, 下午5点, 八点一刻) and what a date that
// names a day takes along (its weekday, its clock time); two clock times joined by 至 make a range.
//   "2021年6月1日 星期二 上午10点" -> one date: year, month, day, weekday 2, time 10:00
// find.ts decides where a figure starts and hands the calendar cases to a DateReader.

import { candidate, dated, intAt, ranged, timed, type DateParts, type FigureCandidate, type TimeParts } from './candidate.js';
import { CharSet, digitAt, letterAt } from './chars.js';
import type { FigureLexicon, TimeWord } from './lexicon.js';
import { numeralStartsAt, skipInlineSpace, type Numeral } from './numerals.js';

export const RANGE_CONNECTORS = new CharSet(['至', '到', '—', '-', '~', '–', '〜', '－', '～']);
const DATE_SEPARATORS = new Set(['-', '/', '.']);
/**
 * After 周 / 星期 + numeral they make a count of a frequency, not a weekday: 每周一次, 每周三天, 一个星期一回.
 * (Other measure words do not: 周六对公众开放 is Saturday.)
 */
const FREQUENCY = new CharSet(['次', '遍', '回', '趟', '天', '晚', '场', '个', '小', '轮', '批', '节', '堂']);

/** A copy of a date with one part set (no object spread: this is on the hot path). */
export function withPart(d: DateParts, part: 'month' | 'day' | 'quarter', v: number): DateParts {
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
export function isYear(n: Numeral): boolean {
  if (n.digits !== null) return n.digits.length === 4;
  return n.plainDigits === 4 && n.value >= 1000 && n.value <= 2199;
}

/** The date and clock grammar over one text; `numeral` reads a plain numeral at a position. */
export class DateReader {
  constructor(
    private readonly t: string,
    private readonly lex: FigureLexicon,
    private readonly numeral: (p: number) => Numeral | null,
  ) {}

  /** Date grammar from a numeral: 2022年(8月(11日)), 8月(11日), 8月份, 11日, 四季度. */
  date(n: Numeral, s: number): FigureCandidate | null {
    const { t } = this;
    const p = skipInlineSpace(t, n.e);
    const decade = this.decadeAt(n);
    if (decade) return dated(s, decade.e, n, decade.date);
    if (t.startsWith('世纪', p) && n.integer && !n.approx && !n.negative && n.digits === null && n.value >= 1 && n.value <= 30) {
      // 20世纪 = the 1900s; 20世纪90年代 = the 1990s.
      const date: DateParts = { century: n.value - 1 };
      const q = skipInlineSpace(t, p + 2);
      const d = numeralStartsAt(this.lex.numerals, t, q) ? this.numeral(q) : null;
      const dec = d && d.valid ? this.decadeAt(d) : null;
      if (dec && dec.date.century === undefined) return dated(s, dec.e, n, { century: n.value - 1, decade: dec.date.decade });
      return dated(s, p + 2, n, date);
    }
    // 09年: a two-digit year with its leading zero is a year of this century, never a count of years.
    if (t[p] === '年' && n.plainDigits === 2 && t[n.s] === '0' && !t.startsWith('年级', p)) {
      const rest = this.monthOrQuarter(p + 1, { year: 2000 + n.value });
      return dated(s, rest ? rest.e : p + 1, n, rest?.date ?? { year: 2000 + n.value });
    }
    if (t[p] === '年' && !t.startsWith('年级', p) && isYear(n)) {
      let e = p + 1;
      if (t[e] === '度') e++;
      const date: DateParts = { year: n.value };
      const rest = this.monthOrQuarter(e, date);
      if (rest?.range) return ranged(s, rest.e, rest.range.low, rest.range.high, false);
      return dated(s, rest ? rest.e : e, n, rest?.date ?? date);
    }
    const md = this.monthDay(n, s, {});
    if (md) return md;
    if (t.startsWith('季度', p) && n.integer && n.value >= 1 && n.value <= 4 && !n.approx && p === n.e) {
      return dated(s, p + 2, n, { quarter: n.value });
    }
    // A bare day: 11日 (Arabic only; 一日 is a day's length or an idiom).
    if (t[p] === '日' && p === n.e && (n.arabic || /[廿卅]/.test(t.slice(n.s, n.e))) && n.integer && !n.approx && n.value >= 1 && n.value <= 31 && !t.startsWith('日元', p)) {
      return dated(s, p + 1, n, { day: n.value });
    }
    return null;
  }

  /** Month (and day) from a numeral: 8月11日, 8月份, 十月; `base` carries a year already read. */
  monthDay(n: Numeral, s: number, base: DateParts, lunar = false): FigureCandidate | null {
    const { t } = this;
    if (!n.integer || n.approx || n.value < 1 || n.value > 12 || n.digits !== null) return null;
    const p = skipInlineSpace(t, n.e);
    if (t[p] !== '月') return null;
    let e = p + 1;
    const date = withPart(base, 'month', n.value);
    if (t[e] === '份') return dated(s, e + 1, n, date);
    const d = this.dayAfterMonth(e, lunar);
    if (d) (date.day = d.value), (e = d.e);
    return dated(s, e, n, date);
  }

  /**
   * The day after a month: 11日, 12号, 初一 (a lunar day, never written in the solar calendar) and, in a
   * lunar date, a bare Chinese numeral (农历八月十五, 腊月二十三).
   */
  dayAfterMonth(p: number, lunar: boolean): { value: number; e: number } | null {
    const { t } = this;
    const q = skipInlineSpace(t, p);
    if (t[q] === '初') {
      const d = intAt(this.lex.numerals, t, q + 1, 1, 10);
      return d && !d.arabic ? { value: d.value, e: d.e } : null;
    }
    const d = intAt(this.lex.numerals, t, q, 1, 31);
    if (!d) return null;
    if ((t[d.e] === '日' || t[d.e] === '号' || t[d.e] === '號') && !t.startsWith('日元', d.e)) return { value: d.value, e: d.e + 1 };
    if (lunar && !d.arabic && d.value <= 30) return { value: d.value, e: d.e };
    return null;
  }

  /** A month named by a word (正月, 腊月) and its day: 正月十五, 腊月二十三. */
  monthWord(p: number, base: DateParts): { e: number; date: DateParts } | null {
    const w = this.lex.timeWords.matchAt(this.t, p);
    if (!w || w.data.kind !== 'month') return null;
    const date = withPart(base, 'month', w.data.value);
    const d = this.dayAfterMonth(w.e, true);
    if (d) date.day = d.value;
    return { e: d ? d.e : w.e, date };
  }

  /** After a year, in a lunar or era date: a month by number or by name, and its day. */
  lunarMonth(p: number, base: DateParts): { e: number; date: DateParts } | null {
    const { t } = this;
    const q = skipInlineSpace(t, p);
    const w = this.monthWord(q, base);
    if (w) return w;
    const m = intAt(this.lex.numerals, t, q, 1, 12);
    const md = m ? this.monthDay(m, q, base, true) : null;
    return md ? { e: md.e, date: md.date! } : null;
  }

  /**
   * Decades: 80年代, 八十年代 (century unknown), 1980年代 (the 1980s). Only round tens count: 85年代
   * is no decade.
   */
  decadeAt(n: Numeral): { e: number; date: DateParts } | null {
    const { t } = this;
    const p = skipInlineSpace(t, n.e);
    if (!t.startsWith('年代', p) || !n.integer || n.approx || n.negative || n.value % 10 !== 0) return null;
    if (isYear(n)) return { e: p + 2, date: { century: Math.floor(n.value / 100), decade: Math.floor(n.value / 10) % 10 } };
    if (n.digits !== null || n.value < 0 || n.value > 90) return null;
    return { e: p + 2, date: { decade: n.value / 10 } };
  }

  /** After a year: a month (and day), a month range (2022年1至7月), or a quarter (2022年四季度). */
  monthOrQuarter(p: number, base: DateParts): { e: number; date?: DateParts; range?: { low: FigureCandidate; high: FigureCandidate } } | null {
    const { t } = this;
    let q = skipInlineSpace(t, p);
    if (t[q] === '第') q++;
    const m = intAt(this.lex.numerals, t, q, 1, 12);
    if (!m) return null;
    if (t.startsWith('季度', m.e) && m.value <= 4) return { e: m.e + 2, date: withPart(base, 'quarter', m.value) };
    const md = this.monthDay(m, q, base);
    if (md) return { e: md.e, date: md.date! };
    if (RANGE_CONNECTORS.has(t, m.e)) {
      const m2 = intAt(this.lex.numerals, t, m.e + 1, 1, 12);
      const hi = m2 ? this.monthDay(m2, m.e + 1, base) : null;
      if (hi && hi.date!.day === undefined && m.value < m2!.value) {
        const low = dated(q, m.e, m, withPart(base, 'month', m.value));
        return { e: hi.e, range: { low, high: hi } };
      }
    }
    return null;
  }

  /** 今年3月份, 去年四季度: a relative year followed by a month or quarter. Bare 今年 is not a figure. */
  relativeDate(s: number, p: number, offset: number): FigureCandidate | null {
    const rest = this.monthOrQuarter(p, { yearOffset: offset });
    if (!rest) return null;
    const c = rest.range ? ranged(s, rest.e, rest.range.low, rest.range.high, false) : dated(s, rest.e, null, rest.date!);
    c.prefixed = true;
    return c;
  }

  /** ISO-like numeric dates: 2022-08-11, 2020/12/1, 2022.8.11. */
  isoDate(i: number): FigureCandidate | null {
    const { t } = this;
    for (let k = 0; k < 4; k++) if (!digitAt(t, i + k)) return null;
    if (digitAt(t, i + 4) || digitAt(t, i - 1)) return null;
    const sep = t[i + 4];
    if (sep === undefined || !DATE_SEPARATORS.has(sep)) return null;
    const readPart = (p: number): [number, number] | null => {
      let q = p;
      while (digitAt(t, q) && q - p < 3) q++;
      return q - p >= 1 && q - p <= 2 ? [Number(t.slice(p, q)), q] : null;
    };
    const m = readPart(i + 5);
    if (!m || t[m[1]] !== sep) return null;
    const d = readPart(m[1] + 1);
    if (!d || digitAt(t, d[1]) || (t[d[1]] === '.' && digitAt(t, d[1] + 1))) return null;
    const year = Number(t.slice(i, i + 4));
    if (year < 1000 || year > 2199 || m[0] < 1 || m[0] > 12 || d[0] < 1 || d[0] > 31) return null;
    return dated(i, d[1], null, { year, month: m[0], day: d[0] });
  }

  /** What a time word leads: 今年3月份, 下午3点, 上世纪80年代, 星期三, 农历八月十五, 腊月二十三. */
  timeWordLed(s: number, p: number, w: TimeWord): FigureCandidate | null {
    switch (w.kind) {
      case 'year': {
        const c = this.relativeDate(s, p, w.value);
        return c ? this.extendDate(c) : null;
      }
      case 'daypart': {
        const c = this.clockAfterDaypart(s, p, w.value);
        return c ? (this.timeRange(c) ?? c) : null;
      }
      case 'century': {
        const q = skipInlineSpace(this.t, p);
        const n = numeralStartsAt(this.lex.numerals, this.t, q) ? this.numeral(q) : null;
        const dec = n && n.valid ? this.decadeAt(n) : null;
        if (!dec || dec.date.century !== undefined) return null;
        return dated(s, dec.e, null, { centuryOffset: w.value, decade: dec.date.decade }, true);
      }
      case 'weekday': {
        const wd = this.weekdayAt(s);
        return wd ? this.extendDate(dated(s, wd.e, null, { weekday: wd.value }, true)) : null;
      }
      case 'lunar':
        return this.lunarDate(s, p);
      case 'month': {
        const m = this.monthWord(s, {});
        return m ? this.extendDate(dated(s, m.e, null, m.date, true)) : null;
      }
    }
  }

  /**
   * A weekday at p: 星期三, 礼拜一, 周五, 星期天 (ISO numbering, Sunday 7). 每周一次 and 一个星期一次 are a
   * count after a noun, not a weekday: a measure word after the day rules it out.
   */
  weekdayAt(p: number): { value: number; e: number } | null {
    const { t, lex } = this;
    const w = lex.timeWords.matchAt(t, p);
    if (!w || w.data.kind !== 'weekday') return null;
    const c = t[w.e];
    const short = w.word.length === 1; // 周 / 週
    let v = 0;
    if (c === '日') v = 7;
    else if (c === '天' && !short) v = 7;
    else {
      const n = lex.numerals.at(t, w.e);
      if (n && n.kind === 'digit' && !n.financial && n.value >= 1 && n.value <= 6 && c !== '两' && c !== '兩') v = n.value;
    }
    if (v === 0) return null;
    const e = w.e + 1;
    if (FREQUENCY.has(t, e) || (lex.numerals.at(t, e) && t[e] !== '日')) return null;
    return { value: v, e };
  }

  /**
   * What may follow a date that names a day: its weekday (8月11日 星期四) and a clock time (3月2日上午9:30,
   * 2021年6月1日十点 - after a date a bare 十点 is a time, not ten items).
   */
  extendDate(c: FigureCandidate): FigureCandidate {
    const d = c.date;
    if (c.shape !== 'date' || !d || (d.day === undefined && d.weekday === undefined) || c.time) return c;
    const { t, lex } = this;
    let p = skipInlineSpace(t, c.e);
    // 6月3日 星期五, 6月3日，星期五: the weekday in apposition belongs to the date.
    const wd = this.weekdayAt(p) ?? (t[p] === '，' || t[p] === ',' ? this.weekdayAt(skipInlineSpace(t, p + 1)) : null);
    if (wd) {
      d.weekday = wd.value;
      c.e = wd.e;
      p = skipInlineSpace(t, c.e);
    }
    let q = p;
    let shift = 0;
    const part = lex.timeWords.matchAt(t, p);
    if (part && part.data.kind === 'daypart') (shift = part.data.value), (q = skipInlineSpace(t, part.e));
    const n = numeralStartsAt(this.lex.numerals, t, q) ? this.numeral(q) : null;
    const clock = n && n.valid ? this.clock(n, q, true, shift) : null;
    if (clock) (c.time = clock.time), (c.e = clock.e);
    return c;
  }

  /** 农历2023年腊月廿三, 农历八月十五: the lunar month and day as written (no conversion to the solar calendar). */
  lunarDate(s: number, p: number): FigureCandidate | null {
    const { t } = this;
    const q = skipInlineSpace(t, p);
    const n = numeralStartsAt(this.lex.numerals, t, q) ? this.numeral(q) : null;
    let base: DateParts = {};
    let e = q;
    if (n && n.valid && isYear(n) && t[skipInlineSpace(t, n.e)] === '年') {
      base = { year: n.value };
      e = skipInlineSpace(t, n.e) + 1;
    }
    const rest = this.lunarMonth(e, base);
    if (!rest) return base.year !== undefined ? dated(s, e, n, base, true) : null;
    return dated(s, rest.e, null, rest.date, true);
  }

  /** 乾隆五年三月, 民国元年: an era name, its year (元年 = 1) and maybe a month and day. */
  eraDate(s: number, p: number, first: number): FigureCandidate | null {
    const { t } = this;
    const q = skipInlineSpace(t, p);
    let year: number;
    let e: number;
    if (t[q] === '元' && t[q + 1] === '年') (year = first), (e = q + 2);
    else {
      const n = intAt(this.lex.numerals, t, q, 1, 120);
      if (!n) return null;
      const y = skipInlineSpace(t, n.e);
      if (t[y] !== '年' || t[y + 1] === '级') return null;
      (year = first + n.value - 1), (e = y + 1);
    }
    const rest = this.lunarMonth(e, { year });
    return dated(s, rest ? rest.e : e, null, rest ? rest.date : { year }, true);
  }

  /**
   * Clock times: 8:30, 17时30分, 八点十五分, 八点钟; after a part of the day (下午5点) a bare 点 or 时
   * is enough. `hourShift`: 12 after 下午 / 晚上 for hours below 12.
   */
  clock(n: Numeral, s: number, afterDaypart: boolean, hourShift: number): FigureCandidate | null {
    const { t } = this;
    if (!n.integer || n.approx || n.digits !== null || n.value < 0 || n.value > 24 || n.negative) return null;
    const hour = n.value < 12 ? n.value + hourShift : n.value;
    const c = t[n.e];
    if (c === ':' && n.arabic && n.plainDigits > 0 && n.plainDigits <= 2) {
      const m = t.slice(n.e + 1, n.e + 3);
      if (!/^[0-5][0-9]$/.test(m) || digitAt(t, n.e + 3)) return null;
      let e = n.e + 3;
      const time: TimeParts = { hour, minute: Number(m) };
      const sec = t.slice(e + 1, e + 3);
      if (t[e] === ':' && /^[0-5][0-9]$/.test(sec) && !digitAt(t, e + 3)) (time.second = Number(sec)), (e += 3);
      const ampm = t.slice(e, e + 2).toLowerCase();
      if ((ampm === 'am' || ampm === 'pm') && !letterAt(t, e + 2)) {
        if (ampm === 'pm' && time.hour < 12) time.hour += 12;
        e += 2;
      }
      return timed(s, e, n, time);
    }
    if (c !== '点' && c !== '點' && c !== '时' && c !== '時') return null;
    let e = n.e + 1;
    const time: TimeParts = { hour };
    if (t[e] === '钟' || t[e] === '鐘') return timed(s, e + 1, n, time);
    if (t[e] === '半') return timed(s, e + 1, n, { hour, minute: 30 });
    if (t[e] === '整') return timed(s, e + 1, n, { hour, minute: 0 });
    // 八点零五分: 零 marks the skipped tens of the minutes.
    const m = intAt(this.lex.numerals, t, e, 0, 59) ?? (t[e] === '零' || t[e] === '〇' ? intAt(this.lex.numerals, t, e + 1, 1, 9) : null);
    // 九点一刻 = 9:15, 三刻 = 45 minutes past.
    if (m && t[m.e] === '刻' && m.value >= 1 && m.value <= 3) return timed(s, m.e + 1, n, { hour, minute: 15 * m.value });
    if (m && t[m.e] === '分' && t[m.e + 1] !== '之') {
      time.minute = m.value;
      e = m.e + 1;
      const sec = intAt(this.lex.numerals, t, e, 0, 59);
      if (sec && t[sec.e] === '秒') (time.second = sec.value), (e = sec.e + 1);
      return timed(s, e, n, time);
    }
    if (afterDaypart) return timed(s, n.e + 1, n, time);
    return null;
  }

  /** 下午5点, 晚上七点半: a part of the day, then a clock time. */
  clockAfterDaypart(s: number, p: number, shift: number): FigureCandidate | null {
    const q = skipInlineSpace(this.t, p);
    const n = this.numeral(q);
    if (!n || !n.valid) return null;
    const c = this.clock(n, q, true, shift);
    if (!c) return null;
    c.s = s;
    c.prefixed = true;
    return c;
  }

  /**
   * Two clock times joined by 到 / 至 / —: 上午9:00至11:30, 8:30—11:30, 晚上七点到九点半. The second
   * time keeps the first one's half of the day unless it names its own (晚上8点到10点 ends at 22:00).
   */
  timeRange(first: FigureCandidate): FigureCandidate | null {
    const { t, lex } = this;
    const p = first.e;
    if (!RANGE_CONNECTORS.has(t, p) || (t[p] === '—' && t[p + 1] === '—')) return null;
    let q = skipInlineSpace(t, p + 1);
    let shift: number | null = null;
    const part = lex.timeWords.matchAt(t, q);
    if (part && part.data.kind === 'daypart') (shift = part.data.value), (q = skipInlineSpace(t, part.e));
    const n = numeralStartsAt(this.lex.numerals, t, q) ? this.numeral(q) : null;
    const high = n && n.valid ? this.clock(n, q, true, shift ?? 0) : null;
    if (!high || !first.time || !high.time) return null;
    const lo = first.time;
    if (shift === null && lo.hour >= 12 && high.time.hour < 12 && high.time.hour + 12 > lo.hour) high.time.hour += 12;
    return candidate(first.s, high.e, 'range', null, { range: { low: first, high }, approx: first.approx, prefixed: first.prefixed });
  }
}
