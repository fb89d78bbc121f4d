// Finding figures: where each number-bearing expression starts and ends, and how it is built.
//
// One left-to-right pass. At each position a figure may start with a numeral (3500, 三千五百, 5000万),
// with 第 (ordinals), a list marker (（一）), a currency symbol ($20), a percent word (百分之十), a
// relative year (今年3月份), a part of the day (下午5点), a weekday (星期三), a lunar month or marker
// (腊月二十三, 农历八月十五), an era name (民国元年), a relative century (上世纪80年代), a temperature
// prefix (零下5度) or an in-span hedge (上千万, 数十家). A date that names a day takes its weekday and
// clock time along (6月1日 星期三 上午10点); two clock times joined by 至 make a range. From the
// numeral on, the figure grows by what follows: a date word (年 月 日 季度), a clock (8:30, 八点十五分),
// a fraction (三分之一), a percent sign or word (13.5%, 五成, 八折), a measure word or currency from
// dicts/figures-units.tsv (513户, 5000万美元), a trailing 半, and a range to a second figure (5%—5.5%,
// 1至7月份). What the pieces are worth is parse.ts's business: a candidate only records them.
//   "出口44.6万辆，同比增长1.1倍" -> [44.6万辆: numeral 44.6万 + 辆] [1.1倍: numeral 1.1 + 倍]
// Every step looks a bounded distance ahead of the numeral, so the pass is linear in the text length.
// This file owns the pass and the numeral-led grammar (units, money, ordinals, bare numbers); dates and
// clock times are dates.ts's, ranges ranges.ts's, fractions / percent words / tenths / discounts
// shares.ts's, ratios ratio.ts's.

import { candidate, dated, measure, type CandidateShape, type DateParts, type FigureCandidate, type TimeParts } from './candidate.js';
import { CharSet, digitAt, ideographAt, letterAt } from './chars.js';
import { DateReader } from './dates.js';
import type { FigureLexicon, TempPrefix, UnitEntry } from './lexicon.js';
import { colloquial, kuaiAt, yuan } from './money.js';
import { lexNumeral, numeralStartsAt, skipInlineSpace, type LexOptions, type Numeral, type Numerals } from './numerals.js';
import { range, yearSpan, type RangeHost } from './ranges.js';
import { ratioAt } from './ratio.js';
import { discount, fraction, PERCENT_HEADS, percentWord, tenths } from './shares.js';

// The candidate types live in candidate.ts; parse.ts and the tests know them from here.
export type { CandidateShape, DateParts, FigureCandidate, TimeParts };

/** What `at` found: a candidate or null; `Finder.next` says where to look next (always past i). */
type Step = FigureCandidate | null;

const OPEN_PARENS = ['（', '('];
const CLOSE_PAREN: Record<string, string> = { '（': '）', '(': ')' };
const OPEN_QUOTES = new CharSet(['“', '"', '‘', "'", '「', '『']);
const CLOSE_QUOTES = new CharSet(['”', '"', '’', "'", '」', '』']);
/** Before a lone 一 they make it a determiner, not a count: 这一年, 每一次, 同一个. */
const DETERMINERS = new CharSet(['这', '那', '每', '哪', '同', '此', '某', '的', '该']);
/** Clauses that contrast with a preceding 是 + numeral: 正确答案是七而不是八. */
const COPULA_AFTER = ['是', '不是', '却是', '而是', '那是', '这是', '而不是'];


/** Does an upper-case acronym of two or more letters (GDP, CPI), itself not glued to a letter or digit, end at i? */
function acronymEndsAt(t: string, i: number): boolean {
  let k = i;
  while (k >= 0 && t.charCodeAt(k) >= 65 && t.charCodeAt(k) <= 90) k--;
  return i - k >= 2 && !letterAt(t, k) && !digitAt(t, k);
}

class Finder implements RangeHost {
  /** The calendar grammar over the same text (dates.ts). */
  readonly dates: DateReader;
  /** The lexicon's numeral characters. */
  private readonly nums: Numerals;

  constructor(
    readonly t: string,
    readonly lex: FigureLexicon,
  ) {
    this.nums = lex.numerals;
    this.dates = new DateReader(t, lex, (p) => this.numeral(p));
  }

  /** Where the pass looks next after `at` found nothing. */
  private next = 0;

  private step(cand: FigureCandidate | null, next: number): Step {
    this.next = next;
    return cand;
  }

  private unitAt = (p: number): boolean => this.lex.placeUnits.matchAt(this.t, p) !== null;

  // The two option sets of `numeral`, built once per pass rather than once per call.
  private readonly plain: LexOptions = { unitAt: this.unitAt, signed: false };
  private readonly withSign: LexOptions = { unitAt: this.unitAt, signed: true };
  private readonly financialPlain: LexOptions = { unitAt: this.unitAt, signed: false, financial: true };
  private readonly financialSigned: LexOptions = { unitAt: this.unitAt, signed: true, financial: true };

  numeral(p: number, signed = false): Numeral | null {
    return lexNumeral(this.nums, this.t, p, signed ? this.withSign : this.plain);
  }

  /** Hands every candidate of the text to `sink`, in order, not overlapping. */
  run(sink: (c: FigureCandidate) => void): void {
    const { t } = this;
    const starts = figureStarts(this.lex);
    let prev: FigureCandidate | null = null;
    let i = 0;
    while (i < t.length) {
      if (starts[t.charCodeAt(i)] === 0) {
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
    // 十一 (the National Day holiday) and friends, except as the complement of 是 / 为: 合计为十一。
    if (this.lex.exclusions.covers(this.t, c.s, c.e) && !(c.shape === 'number' && COPULAS.has(this.t, c.s - 1))) return false;
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
    if (digitAt(t, i)) {
      const iso = this.dates.isoDate(i);
      const d = iso ? this.dates.extendDate(iso) : null;
      if (d) return this.step(d, d.e);
    } else {
      // Digits start only numerals and numeric dates; anything else may lead a figure with a word.
      const led = this.wordLed(i, t[i]!);
      if (led !== undefined) return led;
    }
    const signed = this.signAllowed(i);
    if (numeralStartsAt(this.nums, t, i) || (signed && (t[i] === '-' || t[i] === '负' || t[i] === '負'))) {
      const n = this.numeral(i, signed);
      if (!n) return this.step(null, i + 1);
      if (!n.valid) {
        // A lone 大写 digit (壹, 拾) is a word (陆续, 拾取) unless it stands where only a number can.
        if (ideographAt(t, n.e) || letterAt(t, n.e) || digitAt(t, n.e)) return this.step(null, n.e);
        const f = lexNumeral(this.nums, t, i, signed ? this.financialSigned : this.financialPlain);
        if (f && f.valid && f.e === n.e && this.numericSlot(f, i)) return this.step(candidate(i, f.e, 'number', f), f.e);
        return this.step(null, n.e);
      }
      return this.step(this.fromNumeral(n, i, true), n.e);
    }
    return this.step(null, i + 1);
  }

  /** '-' is a minus sign only where it cannot join two figures (5-10, 2021-2025) or a code (COVID-19). */
  private signAllowed(i: number): boolean {
    const c = this.t[i];
    if (c === '负' || c === '負') return true;
    if (c !== '-') return false;
    const t = this.t;
    const p = t[i - 1];
    if (p === undefined || p === ' ' || p === '\t' || p === '\n') return true;
    if (digitAt(t, i - 1) || letterAt(t, i - 1) || p === '%' || p === '.' || p === ')' || p === '）' || p === '-' || p === '—' || this.nums.at(t, i - 1)) return false;
    // 3个-5个 joins two counts; after any other word it is a sign (增长-3.5%).
    return !this.lex.units.matchEndingAt(this.t, i);
  }

  /** Figures led by a word or symbol: 第, （一）, $, 今年, 下午, 百分之, 上千万. undefined: try a numeral. */
  private wordLed(i: number, c: string): Step | undefined {
    const { t, lex } = this;
    if (c === '第') return this.step(this.ordinal(i), i + 1);
    // 打对折: 对折 is half price, a discount to 50% (把纸对折 folds paper: only after 打 is it a price).
    // No table starts with 对, so nothing else is tried here.
    if (c === '对') {
      const half = t[i + 1] === '折' && t[i - 1] === '打';
      return this.step(half ? candidate(i, i + 2, 'discount', HALF_PRICE, { scale: 10, prefixed: true }) : null, half ? i + 2 : i + 1);
    }
    if (c === '（' || c === '(') {
      const m = this.listMarker(i);
      if (m) return this.step(m, m.e);
    }
    const cur = this.lex.prefixes.matchAt(t, i);
    if (cur && digitAt(t, cur.e)) {
      const cand = this.currency(i, cur.e, cur.data);
      if (cand) return this.step(cand, cand.e);
    }
    const tw = lex.timeWords.matchAt(t, i);
    if (tw) {
      const cand = this.dates.timeWordLed(i, tw.e, tw.data);
      return this.step(cand, cand ? cand.e : tw.e);
    }
    const era = lex.eras.matchAt(t, i);
    if (era) {
      const cand = this.dates.eraDate(i, era.e, era.data);
      if (cand) return this.step(cand, cand.e);
    }
    const temp = lex.tempPrefixes.matchAt(t, i);
    if (temp) {
      const cand = this.temperature(i, temp.e, temp.data);
      if (cand) return this.step(cand, cand.e);
    }
    if (PERCENT_HEADS[c] !== undefined) {
      const cand = percentWord(this.nums, t, i);
      if (cand) return this.step(cand, cand.e);
    }
    if (c === '半') {
      const cand = this.half(i);
      if (cand) return this.step(cand, cand.e);
    }
    const hedge = lex.hedgesBefore.matchAt(t, i);
    // 三年以上十年以下: the 上 of 以上 hedges nothing after it.
    if (hedge && hedge.data.inSpan && !(t.charCodeAt(i) === SHANG && AFTER_YI.has(t, i - 1))) {
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
  fromNumeral(n: Numeral, s: number, withRange: boolean): FigureCandidate | null {
    const { t, lex } = this;
    // Part of a Latin code or formula: PM2.5, G20, COVID-19, 5+5+7, 1+N. An upper-case acronym of two
    // letters or more written against the number names what the figure measures, when a unit follows:
    // 人均GDP1.2万美元, RCEP15个成员国 (not PM2.5, G20, MP3).
    const before = n.s - 1;
    if (letterAt(t, before) && acronymEndsAt(t, before)) {
      const c = this.single(n, s);
      return c && c.shape === 'measure' ? c : null;
    }
    if (letterAt(t, before) || t[before] === '+' || t[before] === '_' || t[before] === '^' || (t[before] === '-' && (letterAt(t, before - 1) || t[before - 1] === '^' || (t[before - 1] === '-' && t[before - 2] === '^'))) || (t[before] === '.' && digitAt(t, before - 1))) return null;
    // 10^6, 2^-10: a power is a formula, not a figure.
    if (t[n.e] === '+' || t[n.e] === '_' || t[n.e] === '^') return null;
    if (n.digits !== null && n.digits.length > 4) return null;
    if (lex.notAfter.matchAt(t, n.e)) return null;
    const years = withRange && n.plainDigits === 4 ? yearSpan(this, n, s) : null;
    if (years) return years;
    if (t.charCodeAt(n.e) === GE) n = colloquial(this.nums, t, n);
    const first = this.single(n, s);
    if (!withRange) return first;
    return range(this, n, s, first) ?? first;
  }

  /** One figure from a numeral, no range. */
  single(n: Numeral, s: number): FigureCandidate | null {
    const { t, lex } = this;
    const p = skipInlineSpace(t, n.e);
    const nextChar = t[p];
    // List item at the start of a line: 一、 二、
    if (nextChar === '、' && p === n.e && n.digits === null && n.integer && !n.negative && n.value > 0 && n.value < 100 && (s === 0 || t[s - 1] === '\n')) {
      return candidate(n.s, n.e, 'ordinal', n);
    }
    const after = t.charCodeAt(n.e);
    if (after === BI || after === COLON || after === WIDE_COLON) {
      const ratio = this.ratio(n, s);
      if (ratio) return ratio;
    }
    const date = this.dates.date(n, s);
    if (date) return this.dates.extendDate(date);
    const clock = this.dates.clock(n, s, false, 0);
    if (clock) return clock;
    const frac = fraction(this.nums, t, this.plain, n, s);
    if (frac) return frac;
    if (n.chinese && n.e - n.s >= 2 && LIANG.has(t, n.e - 1)) {
      const liang = this.liang(n, s);
      if (liang) return liang;
    }
    if (n.digits !== null) {
      // 五五折 = 55%; any other bare digit string is a code (一四四六) or a year without 年, unless it
      // stands where only a number can (合计为一七二零。): then it is read out digit by digit.
      if (n.digits.length === 2 && t[p] === '折') return discount(t, lex, n, s, p);
      // 两 is never read out as a digit (二两 is two liang).
      return this.numericSlot(n, s) && !/[两兩]/.test(t.slice(n.s, n.e)) ? candidate(s, n.e, 'number', n) : null;
    }
    if (nextChar === '成') {
      const c = tenths(t, lex, n, s, p);
      if (c || n.chinese) return c;
    }
    if (nextChar === '折') {
      const d = discount(t, lex, n, s, p);
      if (d) return d;
    }
    if (nextChar === '年' && !lex.falseUnits.matchAt(t, p)) {
      if (n.single && n.value === 1 && DETERMINERS.has(t, n.s - 1)) return null; // 新的一年, 这一年
      // A count of years (三年, 100年, 一年多); 4-digit years went to the date grammar.
      if (n.single && n.value === 1 && this.oneYearIsIdiom(n)) return null;
      let e = p + 1;
      let add = 0;
      let approx = n.approx;
      if (t[e] === '半') (add = 0.5), e++;
      else if (t[e] === '多' || t[e] === '余') (approx = true), e++;
      const years = measure(s, e, n, YEAR_UNIT, add);
      years.approx = approx;
      return years;
    }
    const u = this.unitAfter(n.e);
    if (u) {
      const unit = u.data;
      if (unit.type === 'ordinal' && !unit.phase) return this.bare(n, s);
      if (n.bareMagnitude && unit.nobare) return null;
      // 一期项目, 十四届运动会: a phase or edition that names the noun after it (分三届举办 counts them).
      if (unit.phase && n.chinese && !n.arabic && (ideographAt(t, u.e) || unit.type === 'ordinal') && !COUNTED.has(t, s - 1)) return candidate(s, u.e, 'ordinal', n, { unit });
      if (unit.type === 'ordinal') return null;
      if (n.single && n.value === 1 && !unit.one) return null; // 一批, 一个, 一次性: the indefinite article
      if (n.single && n.value === 1 && DETERMINERS.has(t, n.s - 1)) return null; // 这一年, 每一次
      if (letterAt(t, u.e) && letterAt(unit.word, unit.word.length - 1)) return null; // 5 kmh?
      if (unit.type === 'money' && unit.unit === 'CNY') return yuan(t, lex, n, s, u.e, unit);
      let e = u.e;
      let add = 0;
      if (unit.half && t[e] === '半') (add = 0.5), e++;
      // 十个月大的时候, 90天大的小孩: 大 after a length of life makes it an age and belongs to it.
      if (t.charCodeAt(e) === DA && AGE_UNITS.has(unit.word) && AGE_AFTER.has(t, e + 1)) e++;
      return measure(s, e, n, unit, add);
    }
    if (nextChar === '分' && p === n.e && this.pointsAt(n, p)) return measure(s, p + 1, n, POINTS_UNIT);
    // 十块三毛, 三五百块钱, 几十万块。: 块 counts yuan before small change, 钱, or at the clause end
    // after a round amount (三块石头 counts stones).
    if (nextChar === '块' && p === n.e) {
      const kuai = kuaiAt(this.nums, t, n, s, p);
      if (kuai) return kuai;
    }
    return this.bare(n, s);
  }

  /** 3比1, 1:1, a score 22:25 (ratio.ts): the ratio the numeral n starts, or null. */
  private ratio(n: Numeral, s: number): FigureCandidate | null {
    const r = ratioAt(this.nums, this.t, n, this.lex.scoreCues);
    if (!r) return null;
    const c = candidate(s, r.e, 'ratio', null);
    c.range = { low: candidate(s, n.e, 'number', n), high: candidate(r.high.s, r.e, 'number', r.high) };
    return c;
  }

  /**
   * A numeral stands where only a number can: alone between punctuation (or as the whole text), or as
   * the complement of 是 / 为 at a clause end (该项合计为一七二零。).
   */
  private numericSlot(n: Numeral, s: number): boolean {
    const { t } = this;
    const apart = (p: number): boolean => p < 0 || p >= t.length || !(ideographAt(t, p) || letterAt(t, p) || digitAt(t, p));
    if (OPEN_QUOTES.has(t, s - 1) && CLOSE_QUOTES.has(t, n.e)) return false; // “一四四六”: a code
    if (!apart(n.e)) return false;
    return apart(s - 1) || COPULAS.has(t, s - 1);
  }

  /**
   * 半 alone before a unit of measurement: 半斤 = 0.5 斤, 半公里; 半成 = 5%. Not after a word it belongs to (上半年,
   * 一半, 多半, 大半), and only before units that take 一 as a number (半个 is no amount).
   */
  private half(i: number): FigureCandidate | null {
    const { t, lex } = this;
    if (HALF_TAKEN.has(t, i - 1)) return null;
    // 半成 = half of one tenth, 5% (半成品 is a half-finished product).
    if (t[i + 1] === '成' && !ideographAt(t, i + 2)) return candidate(i, i + 2, 'tenths', HALF, { scale: 10, prefixed: true });
    const u = lex.units.matchAt(t, i + 1, true);
    if (!u || u.data.type !== 'quantity' || !u.data.one) return null;
    const f = lex.falseUnits.matchAt(t, i + 1);
    if (f && f.e > u.e) return null;
    return measure(i, u.e, HALF, u.data);
  }

  /**
   * 二两, 十两银子, 三千两百两: a 两 that closes a Chinese numeral is the weight liang, not a digit (the
   * shortened last digit of a numeral is written 二: 一百二 = 120, never 一百两). Not before a measure word
   * or a numeral, nor after a lone 一 or 三 (一两个, 三两句话: one or two, two or three) or a lone 两
   * (两两 = in pairs).
   */
  private liang(n: Numeral, s: number): FigureCandidate | null {
    const { t, lex } = this;
    if (lex.units.matchAt(t, n.e) || this.nums.at(t, n.e) || LIANG.has(t, n.e - 2)) return null;
    const m = lexNumeral(this.nums, t.slice(0, n.e - 1), n.s, this.plain);
    if (!m || !m.valid || m.e !== n.e - 1 || m.digits !== null || m.bareMagnitude || m.approx) return null;
    if (m.single && (m.value === 1 || m.value === 3)) return null;
    return measure(s, n.e, m, LIANG_UNIT);
  }

  /**
   * 考了95分, 打出8.5分, 巅峰赛两千分: 分 after an Arabic number, or a Chinese one of a hundred or more,
   * counts points (scores, ratings) where it closes the phrase: at a clause end or before 的 / 以上 /
   * 左右 / 和. A small Chinese numeral keeps its other readings (十分 = very, 三分 = three tenths), and 分 in a
   * word (分别, 分钟, 分钱, 3分2秒) is not points.
   */
  private pointsAt(n: Numeral, p: number): boolean {
    const { t } = this;
    if (n.negative || n.approx || !(n.arabic || (n.chinese && n.value >= 100))) return false;
    const q = p + 1;
    return !(ideographAt(t, q) || digitAt(t, q) || letterAt(t, q)) || POINTS_AFTER.has(t, q) || t.startsWith('以上', q);
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
    if (OPEN_QUOTES.has(t, s - 1) && CLOSE_QUOTES.has(t, n.e)) return null; // “1571”: a code
    if (letterAt(t, n.e) || (t[n.e] === '.' && letterAt(t, n.e + 1))) return null; // 5G, 3D, 4K
    if (n.arabic) return candidate(s, n.e, 'number', n);
    // Chinese numerals alone are figures only when they are plainly a number: a large amount
    // (上千万, 十二亿) or a numeral standing apart from the words around it (…还有二百五。).
    if (n.hasMagnitude && Math.abs(n.value) >= 1e4) return candidate(s, n.e, 'number', n);
    if (prefixed) return candidate(s, n.e, 'number', n);
    if (this.namedNumber(n, s)) return candidate(s, n.e, 'number', n);
    if (ideographAt(t, n.e)) return null;
    if (n.single && ideographAt(t, s - 1)) return null;
    return candidate(s, n.e, 'number', n);
  }

  /**
   * A Chinese numeral that names a number although words surround it: the complement of 是 at the end
   * of a clause or before a contrasting clause (答案是七。 数量是三而不是四), and a rank after 前
   * (排名前十的城市, 位列全国前三).
   */
  private namedNumber(n: Numeral, s: number): boolean {
    const { t } = this;
    if (n.approx || !n.integer) return false;
    const e = n.e;
    const clauseEnd = e >= t.length || !(ideographAt(t, e) || letterAt(t, e) || digitAt(t, e));
    if (COPULAS.has(t, s - 1)) return clauseEnd || (t[s - 1] === '是' && COPULA_AFTER.some((w) => t.startsWith(w, e)));
    if (n.negative) return false;
    if (t[s - 1] === '前' && n.value >= 2 && n.value <= 100) return clauseEnd || t[e] === '的';
    return false;
  }

  /** 零下5度, 华氏100度: a prefix that belongs to a temperature (the number must carry a temperature unit). */
  private temperature(s: number, p: number, prefix: TempPrefix): FigureCandidate | null {
    const q = skipInlineSpace(this.t, p);
    if (!numeralStartsAt(this.nums, this.t, q)) return null;
    const n = this.numeral(q);
    if (!n || !n.valid || n.negative) return null;
    const c = this.single(n, q);
    if (!c || c.shape !== 'measure' || !c.unit?.temp) return null;
    c.s = s;
    c.prefixed = true;
    if (prefix.sign < 0) (c.scale = -c.scale), (c.add = -c.add);
    if (prefix.unit) c.unit = { ...c.unit, word: prefix.unit, unit: prefix.unit };
    return c;
  }

  // ---------------------------------------------------------------------------------------------
  // Ordinals, list markers, currency symbols.

  /** 第一版, 第二轮, 第2位, 第十位, 第一季度 (a date); 第十五个五年规划 is a name. */
  private ordinal(i: number): FigureCandidate | null {
    const { t, lex } = this;
    const n = this.numeral(i + 1);
    if (!n || !n.valid || n.digits !== null || n.negative || n.approx) return null;
    if (lex.notAfter.matchAt(t, n.e)) return null;
    if (t.startsWith('季度', n.e) && n.integer && n.value >= 1 && n.value <= 4) {
      return dated(i, n.e + 2, n, { quarter: n.value }, true);
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

  /** $20, ￥300, US$5 (a trailing 元 is taken in: ￥300元). */
  private currency(i: number, p: number, unit: UnitEntry): FigureCandidate | null {
    const n = this.numeral(p);
    if (!n || !n.valid || n.digits !== null) return null;
    let e = n.e;
    const u = this.unitAfter(e);
    if (u && u.data.type === 'money' && u.data.unit === unit.unit) e = u.e;
    const c = measure(i, e, n, unit);
    c.prefixed = true;
    return c;
  }
}

// UTF-16 codes tested after every numeral: t[p] of a CJK character allocates a string, charCodeAt does not.
const BI = 0x6bd4; // 比
const COLON = 0x3a;
const WIDE_COLON = 0xff1a;
const GE = 0x4e2a; // 个
const DA = 0x5927; // 大
const SHANG = 0x4e0a; // 上
/** 以上 / 之上: before them 上 closes a phrase and opens no figure. */
const AFTER_YI = new CharSet(['以', '之']);
/** Lengths of time that 大 turns into an age (三个月大的婴儿), and what may follow that 大. */
const AGE_UNITS = new Set(['天', '周', '个月', '个星期', '岁', '周岁']);
const AGE_AFTER = new CharSet(['的', '了', '时', '。', '，', '！', '？', ',', '.']);
/** Before a numeral + phase word they make it a count: 连续三届, 共两期, 分三期, 历经五届. */
const COUNTED = new CharSet(['续', '共', '分', '经', '了', '过', '办', '满', '历']);
/** Before 半 they make it part of a word: 上半年, 一半, 多半, 大半, 过半, 减半, 各半. */
const HALF_TAKEN = new CharSet(['上', '下', '前', '后', '一', '多', '大', '小', '过', '减', '各', '参', '夜', '对', '折', '两']);
/** 两 as the weight liang (50 g): a unit only where a numeral closes with it, see Finder.liang. */
const LIANG = new CharSet(['两', '兩']);
const LIANG_UNIT: UnitEntry = { word: '两', type: 'quantity', unit: '两', one: true, ord: false, half: true, nobare: false, prefix: false, phase: false, temp: false };
/** 分 as points (see Finder.pointsAt), and what may follow it besides punctuation. */
const POINTS_UNIT: UnitEntry = { word: '分', type: 'quantity', unit: '分', one: true, ord: false, half: false, nobare: false, prefix: false, phase: false, temp: false };
const POINTS_AFTER = new CharSet(['的', '左', '和', '与', '或']);
/** The numeral that 对折 stands for: 5 tenths of the price. */
const HALF_PRICE: Numeral = { s: 0, e: 0, value: 5, arabic: false, chinese: true, digits: null, bareMagnitude: false, single: true, approx: false, plainDigits: 0, hasMagnitude: false, placeLed: false, negative: false, integer: true, valid: true };
/** The numeral that a lone 半 stands for. */
const HALF: Numeral = { s: 0, e: 0, value: 0.5, arabic: false, chinese: true, digits: null, bareMagnitude: false, single: false, approx: false, plainDigits: 0, hasMagnitude: false, placeLed: false, negative: false, integer: false, valid: true };
const COPULAS = new CharSet(['是', '为', '為']);

const YEAR_UNIT: UnitEntry = { word: '年', type: 'quantity', unit: '年', one: true, ord: true, half: true, nobare: false, prefix: false, phase: false, temp: false };

/** figureStarts of each lexicon, built once beside it (it goes when its lexicon goes). */
const STARTS = new WeakMap<FigureLexicon, Uint8Array>();

/**
 * Characters at which a figure can start, as a table over UTF-16 codes (1 = may start one); every
 * other character is passed over at once, without building a one-character string for it.
 */
function figureStarts(lex: FigureLexicon): Uint8Array {
  const built = STARTS.get(lex);
  if (built) return built;
  const set = new Uint8Array(0x10000);
  const add = (c: string): void => void (set[c.charCodeAt(0)] = 1);
  for (const c of ['第', '-', '.', '负', '負', '几', '幾', '半', '对', ...OPEN_PARENS, ...Object.keys(PERCENT_HEADS)]) add(c);
  for (let d = 0; d <= 9; d++) add(String(d));
  for (const c of lex.numerals.table.keys()) add(c);
  for (const table of [lex.timeWords, lex.hedgesBefore, lex.prefixes, lex.eras, lex.tempPrefixes]) for (const x of table.firstCodes()) set[x] = 1;
  STARTS.set(lex, set);
  return set;
}

/** All figure candidates of a (width-folded) text, in order and not overlapping, with the tables `lex`. */
export function findFigures(text: string, lex: FigureLexicon): FigureCandidate[] {
  const out: FigureCandidate[] = [];
  scanFigures(text, lex, (c) => out.push(c));
  return out;
}

/** The same candidates handed one by one to `sink` (no list kept: cheaper on long texts). */
export function scanFigures(text: string, lex: FigureLexicon, sink: (c: FigureCandidate) => void): void {
  if (text) new Finder(text, lex).run(sink);
}
