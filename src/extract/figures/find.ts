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

import { candidate, dated, intAt, measure, ranged, timed, type CandidateShape, type DateParts, type FigureCandidate, type TimeParts } from './candidate.js';
import { CharSet, digitAt, ideographAt, letterAt } from './chars.js';
import { currencyPrefixes, figureLexicon, type FigureLexicon, type TempPrefix, type TimeWord, type UnitEntry } from './lexicon.js';
import { colloquial, kuaiAt, yuan } from './money.js';
import { lexNumeral, numeralAt, numeralChar, numeralStartsAt, numeralTable, skipInlineSpace, type LexOptions, type Numeral } from './numerals.js';
import { ratioAt } from './ratio.js';

// The candidate types live in candidate.ts; parse.ts and the tests know them from here.
export type { CandidateShape, DateParts, FigureCandidate, TimeParts };

/** What `at` found: a candidate or null; `Finder.next` says where to look next (always past i). */
type Step = FigureCandidate | null;

const RANGE_CONNECTORS = new CharSet(['至', '到', '—', '-', '~', '–', '〜', '－', '～']);
const OPEN_PARENS = ['（', '('];
const CLOSE_PAREN: Record<string, string> = { '（': '）', '(': ')' };
const OPEN_QUOTES = new CharSet(['“', '"', '‘', "'", '「', '『']);
const CLOSE_QUOTES = new CharSet(['”', '"', '’', "'", '」', '』']);
/** Before a lone 一 they make it a determiner, not a count: 这一年, 每一次, 同一个. */
const DETERMINERS = new CharSet(['这', '那', '每', '哪', '同', '此', '某', '的', '该']);
const DATE_SEPARATORS = new Set(['-', '/', '.']);
/**
 * After 周 / 星期 + numeral they make a count of a frequency, not a weekday: 每周一次, 每周三天, 一个星期一回.
 * (Other measure words do not: 周六对公众开放 is Saturday.)
 */
const FREQUENCY = new CharSet(['次', '遍', '回', '趟', '天', '晚', '场', '个', '小', '轮', '批', '节', '堂']);
/** Clauses that contrast with a preceding 是 + numeral: 正确答案是七而不是八. */
const COPULA_AFTER = ['是', '不是', '却是', '而是', '那是', '这是', '而不是'];
const PERCENT_HEADS: Record<string, number> = { 百: 1, 佰: 1, 千: 0.1, 仟: 0.1, 万: 0.01, 萬: 0.01 };


/** Does an upper-case acronym of two or more letters (GDP, CPI), itself not glued to a letter or digit, end at i? */
function acronymEndsAt(t: string, i: number): boolean {
  let k = i;
  while (k >= 0 && t.charCodeAt(k) >= 65 && t.charCodeAt(k) <= 90) k--;
  return i - k >= 2 && !letterAt(t, k) && !digitAt(t, k);
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

  // The two option sets of `numeral`, built once per pass rather than once per call.
  private readonly plain: LexOptions = { unitAt: this.unitAt, signed: false };
  private readonly withSign: LexOptions = { unitAt: this.unitAt, signed: true };
  private readonly financialPlain: LexOptions = { unitAt: this.unitAt, signed: false, financial: true };
  private readonly financialSigned: LexOptions = { unitAt: this.unitAt, signed: true, financial: true };

  private numeral(p: number, signed = false): Numeral | null {
    return lexNumeral(this.t, p, signed ? this.withSign : this.plain);
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
      const iso = this.isoDate(i);
      const d = iso ? this.extendDate(iso) : null;
      if (d) return this.step(d, d.e);
    } else {
      // Digits start only numerals and numeric dates; anything else may lead a figure with a word.
      const led = this.wordLed(i, t[i]!);
      if (led !== undefined) return led;
    }
    const signed = this.signAllowed(i);
    if (numeralStartsAt(t, i) || (signed && (t[i] === '-' || t[i] === '负' || t[i] === '負'))) {
      const n = this.numeral(i, signed);
      if (!n) return this.step(null, i + 1);
      if (!n.valid) {
        // A lone 大写 digit (壹, 拾) is a word (陆续, 拾取) unless it stands where only a number can.
        if (ideographAt(t, n.e) || letterAt(t, n.e) || digitAt(t, n.e)) return this.step(null, n.e);
        const f = lexNumeral(t, i, signed ? this.financialSigned : this.financialPlain);
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
    if (digitAt(t, i - 1) || letterAt(t, i - 1) || p === '%' || p === '.' || p === ')' || p === '）' || p === '-' || p === '—' || numeralAt(t, i - 1)) return false;
    // 3个-5个 joins two counts; after any other word it is a sign (增长-3.5%).
    return !this.lex.units.matchEndingAt(this.t, i);
  }

  /** Figures led by a word or symbol: 第, （一）, $, 今年, 下午, 百分之, 上千万. undefined: try a numeral. */
  private wordLed(i: number, c: string): Step | undefined {
    const { t, lex } = this;
    if (c === '第') return this.step(this.ordinal(i), i + 1);
    if (c === '（' || c === '(') {
      const m = this.listMarker(i);
      if (m) return this.step(m, m.e);
    }
    const cur = currencyPrefixes().matchAt(t, i);
    if (cur && digitAt(t, cur.e)) {
      const cand = this.currency(i, cur.e, cur.data);
      if (cand) return this.step(cand, cand.e);
    }
    const tw = lex.timeWords.matchAt(t, i);
    if (tw) {
      const cand = this.timeWordLed(i, tw.e, tw.data);
      return this.step(cand, cand ? cand.e : tw.e);
    }
    const era = lex.eras.matchAt(t, i);
    if (era) {
      const cand = this.eraDate(i, era.e, era.data);
      if (cand) return this.step(cand, cand.e);
    }
    const temp = lex.tempPrefixes.matchAt(t, i);
    if (temp) {
      const cand = this.temperature(i, temp.e, temp.data);
      if (cand) return this.step(cand, cand.e);
    }
    if (PERCENT_HEADS[c] !== undefined) {
      const cand = this.percentWord(i);
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
  private fromNumeral(n: Numeral, s: number, withRange: boolean): FigureCandidate | null {
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
    const years = withRange && n.plainDigits === 4 ? this.yearSpan(n, s) : null;
    if (years) return years;
    if (t.charCodeAt(n.e) === GE) n = colloquial(t, n);
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
    const after = t.charCodeAt(n.e);
    if (after === BI || after === COLON || after === WIDE_COLON) {
      const ratio = this.ratio(n, s);
      if (ratio) return ratio;
    }
    const date = this.date(n, s);
    if (date) return this.extendDate(date);
    const clock = this.clock(n, s, false, 0);
    if (clock) return clock;
    const frac = this.fraction(n, s);
    if (frac) return frac;
    if (n.digits !== null) {
      // 五五折 = 55%; any other bare digit string is a code (一四四六) or a year without 年, unless it
      // stands where only a number can (合计为一七二零。): then it is read out digit by digit.
      if (n.digits.length === 2 && t[p] === '折') return this.discount(n, s, p);
      // 两 is never read out as a digit (二两 is two liang).
      return this.numericSlot(n, s) && !/[两兩]/.test(t.slice(n.s, n.e)) ? candidate(s, n.e, 'number', n) : null;
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
    // 十块三毛, 三五百块钱, 几十万块。: 块 counts yuan before small change, 钱, or at the clause end
    // after a round amount (三块石头 counts stones).
    if (nextChar === '块' && p === n.e) {
      const kuai = kuaiAt(t, n, s, p);
      if (kuai) return kuai;
    }
    return this.bare(n, s);
  }

  /** 3比1, 1:1, a score 22:25 (ratio.ts): the ratio the numeral n starts, or null. */
  private ratio(n: Numeral, s: number): FigureCandidate | null {
    const r = ratioAt(this.t, n);
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

  // ---------------------------------------------------------------------------------------------
  // Ranges: 1至7月份, 5%—5.5%, 3-5年, 2021—2025年, 20至30万元.

  private range(n: Numeral, s: number, first: FigureCandidate | null): FigureCandidate | null {
    const { t } = this;
    if (first && first.shape === 'time') return this.timeRange(first);
    if (first && first.shape !== 'number' && first.shape !== 'measure' && first.shape !== 'date') return null;
    // 1万(含)-5万元: a note that the low end is included stands between the end and the connector.
    const lowEnd = first ? (OPEN_PAREN_CODES.has(t, first.e) ? first.e + inclusionNoteAt(t, first.e) : first.e) : n.e;
    const p = connectorEnd(t, lowEnd);
    if (p < 0) return null;
    const conn = t[lowEnd];
    const plus = t[p] === '+' && digitAt(t, p + 1); // -3℃至+5℃: an explicit plus sign on the high end
    const n2 = this.numeral(plus ? p + 1 : p);
    if (!n2 || !n2.valid) return null;
    const high = plus ? this.single(n2, p) : this.fromNumeral(n2, p, false);
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
        const date = this.lowDate(n, high.date!);
        if (!date) return null;
        const low = dated(s, n.e, n, date);
        return ranged(s, high.e, low, high, n.approx || high.approx);
      }
      if (n.negative && conn === '-') return null;
      // 20至30万元: the low end borrows the high end's magnitude
      const low = candidate(s, n.e, high.shape, n, { unit: high.unit, scale: high.scale, add: 0 });
      if (!n.hasMagnitude && high.num?.hasMagnitude) low.scale *= trailingMagnitude(t, high.num);
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
   * Two clock times joined by 到 / 至 / —: 上午9:00至11:30, 8:30—11:30, 晚上七点到九点半. The second
   * time keeps the first one's half of the day unless it names its own (晚上8点到10点 ends at 22:00).
   */
  private timeRange(first: FigureCandidate): FigureCandidate | null {
    const { t, lex } = this;
    const p = first.e;
    if (!RANGE_CONNECTORS.has(t, p) || (t[p] === '—' && t[p + 1] === '—')) return null;
    let q = skipInlineSpace(t, p + 1);
    let shift: number | null = null;
    const part = lex.timeWords.matchAt(t, q);
    if (part && part.data.kind === 'daypart') (shift = part.data.value), (q = skipInlineSpace(t, part.e));
    const n = numeralStartsAt(t, q) ? this.numeral(q) : null;
    const high = n && n.valid ? this.clock(n, q, true, shift ?? 0) : null;
    if (!high || !first.time || !high.time) return null;
    const lo = first.time;
    if (shift === null && lo.hour >= 12 && high.time.hour < 12 && high.time.hour + 12 > lo.hour) high.time.hour += 12;
    return candidate(first.s, high.e, 'range', null, { range: { low: first, high }, approx: first.approx, prefixed: first.prefixed });
  }

  /**
   * A span of years written with the second year shortened: 2023/24, 2023-24财年, 2024至25年(度). With a
   * slash or a hyphen the second year must follow the first (2023/24: anything else is a fraction or a
   * code); with 至 / 到 any later year of the same century counts.
   */
  private yearSpan(n: Numeral, s: number): FigureCandidate | null {
    const { t } = this;
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
    const word = this.lex.units.matchAt(t, e) ? null : YEAR_WORDS.find((w) => t.startsWith(w, e));
    if (word) e += word.length;
    else if (!slash || letterAt(t, e) || t[e] === '.' || t[e] === '/' || t[e] === '%') return null;
    const high = century + yy + (yy < n.value % 100 ? 100 : 0);
    const low = dated(s, n.e, n, { year: n.value });
    return ranged(s, e, low, dated(q, e, null, { year: high }), false);
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
    const decade = this.decadeAt(n);
    if (decade) return dated(s, decade.e, n, decade.date);
    if (t.startsWith('世纪', p) && n.integer && !n.approx && !n.negative && n.digits === null && n.value >= 1 && n.value <= 30) {
      // 20世纪 = the 1900s; 20世纪90年代 = the 1990s.
      const date: DateParts = { century: n.value - 1 };
      const q = skipInlineSpace(t, p + 2);
      const d = numeralStartsAt(t, q) ? this.numeral(q) : null;
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
  private monthDay(n: Numeral, s: number, base: DateParts, lunar = false): FigureCandidate | null {
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
  private dayAfterMonth(p: number, lunar: boolean): { value: number; e: number } | null {
    const { t } = this;
    const q = skipInlineSpace(t, p);
    if (t[q] === '初') {
      const d = intAt(t, q + 1, 1, 10);
      return d && !d.arabic ? { value: d.value, e: d.e } : null;
    }
    const d = intAt(t, q, 1, 31);
    if (!d) return null;
    if ((t[d.e] === '日' || t[d.e] === '号' || t[d.e] === '號') && !t.startsWith('日元', d.e)) return { value: d.value, e: d.e + 1 };
    if (lunar && !d.arabic && d.value <= 30) return { value: d.value, e: d.e };
    return null;
  }

  /** A month named by a word (正月, 腊月) and its day: 正月十五, 腊月二十三. */
  private monthWord(p: number, base: DateParts): { e: number; date: DateParts } | null {
    const w = this.lex.timeWords.matchAt(this.t, p);
    if (!w || w.data.kind !== 'month') return null;
    const date = withPart(base, 'month', w.data.value);
    const d = this.dayAfterMonth(w.e, true);
    if (d) date.day = d.value;
    return { e: d ? d.e : w.e, date };
  }

  /** After a year, in a lunar or era date: a month by number or by name, and its day. */
  private lunarMonth(p: number, base: DateParts): { e: number; date: DateParts } | null {
    const { t } = this;
    const q = skipInlineSpace(t, p);
    const w = this.monthWord(q, base);
    if (w) return w;
    const m = intAt(t, q, 1, 12);
    const md = m ? this.monthDay(m, q, base, true) : null;
    return md ? { e: md.e, date: md.date! } : null;
  }

  /**
   * Decades: 80年代, 八十年代 (century unknown), 1980年代 (the 1980s). Only round tens count: 85年代
   * is no decade.
   */
  private decadeAt(n: Numeral): { e: number; date: DateParts } | null {
    const { t } = this;
    const p = skipInlineSpace(t, n.e);
    if (!t.startsWith('年代', p) || !n.integer || n.approx || n.negative || n.value % 10 !== 0) return null;
    if (isYear(n)) return { e: p + 2, date: { century: Math.floor(n.value / 100), decade: Math.floor(n.value / 10) % 10 } };
    if (n.digits !== null || n.value < 0 || n.value > 90) return null;
    return { e: p + 2, date: { decade: n.value / 10 } };
  }

  /** What a time word leads: 今年3月份, 下午3点, 上世纪80年代, 星期三, 农历八月十五, 腊月二十三. */
  private timeWordLed(s: number, p: number, w: TimeWord): FigureCandidate | null {
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
        const n = numeralStartsAt(this.t, q) ? this.numeral(q) : null;
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
  private weekdayAt(p: number): { value: number; e: number } | null {
    const { t, lex } = this;
    const w = lex.timeWords.matchAt(t, p);
    if (!w || w.data.kind !== 'weekday') return null;
    const c = t[w.e];
    const short = w.word.length === 1; // 周 / 週
    let v = 0;
    if (c === '日') v = 7;
    else if (c === '天' && !short) v = 7;
    else {
      const n = numeralAt(t, w.e);
      if (n && n.kind === 'digit' && !n.financial && n.value >= 1 && n.value <= 6 && c !== '两' && c !== '兩') v = n.value;
    }
    if (v === 0) return null;
    const e = w.e + 1;
    if (FREQUENCY.has(t, e) || (numeralAt(t, e) && t[e] !== '日')) return null;
    return { value: v, e };
  }

  /**
   * What may follow a date that names a day: its weekday (8月11日 星期四) and a clock time (3月2日上午9:30,
   * 2021年6月1日十点 - after a date a bare 十点 is a time, not ten items).
   */
  private extendDate(c: FigureCandidate): FigureCandidate {
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
    const n = numeralStartsAt(t, q) ? this.numeral(q) : null;
    const clock = n && n.valid ? this.clock(n, q, true, shift) : null;
    if (clock) (c.time = clock.time), (c.e = clock.e);
    return c;
  }

  /** 农历2023年腊月廿三, 农历八月十五: the lunar month and day as written (no conversion to the solar calendar). */
  private lunarDate(s: number, p: number): FigureCandidate | null {
    const { t } = this;
    const q = skipInlineSpace(t, p);
    const n = numeralStartsAt(t, q) ? this.numeral(q) : null;
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
  private eraDate(s: number, p: number, first: number): FigureCandidate | null {
    const { t } = this;
    const q = skipInlineSpace(t, p);
    let year: number;
    let e: number;
    if (t[q] === '元' && t[q + 1] === '年') (year = first), (e = q + 2);
    else {
      const n = intAt(t, q, 1, 120);
      if (!n) return null;
      const y = skipInlineSpace(t, n.e);
      if (t[y] !== '年' || t[y + 1] === '级') return null;
      (year = first + n.value - 1), (e = y + 1);
    }
    const rest = this.lunarMonth(e, { year });
    return dated(s, rest ? rest.e : e, null, rest ? rest.date : { year }, true);
  }

  /** 零下5度, 华氏100度: a prefix that belongs to a temperature (the number must carry a temperature unit). */
  private temperature(s: number, p: number, prefix: TempPrefix): FigureCandidate | null {
    const q = skipInlineSpace(this.t, p);
    if (!numeralStartsAt(this.t, q)) return null;
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
    if (RANGE_CONNECTORS.has(t, m.e)) {
      const m2 = intAt(t, m.e + 1, 1, 12);
      const hi = m2 ? this.monthDay(m2, m.e + 1, base) : null;
      if (hi && hi.date!.day === undefined && m.value < m2!.value) {
        const low = dated(q, m.e, m, withPart(base, 'month', m.value));
        return { e: hi.e, range: { low, high: hi } };
      }
    }
    return null;
  }

  /** 今年3月份, 去年四季度: a relative year followed by a month or quarter. Bare 今年 is not a figure. */
  private relativeDate(s: number, p: number, offset: number): FigureCandidate | null {
    const rest = this.monthOrQuarter(p, { yearOffset: offset });
    if (!rest) return null;
    const c = rest.range ? ranged(s, rest.e, rest.range.low, rest.range.high, false) : dated(s, rest.e, null, rest.date!);
    c.prefixed = true;
    return c;
  }

  /** ISO-like numeric dates: 2022-08-11, 2020/12/1, 2022.8.11. */
  private isoDate(i: number): FigureCandidate | null {
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
    const m = intAt(t, e, 0, 59) ?? (t[e] === '零' || t[e] === '〇' ? intAt(t, e + 1, 1, 9) : null);
    // 九点一刻 = 9:15, 三刻 = 45 minutes past.
    if (m && t[m.e] === '刻' && m.value >= 1 && m.value <= 3) return timed(s, m.e + 1, n, { hour, minute: 15 * m.value });
    if (m && t[m.e] === '分' && t[m.e + 1] !== '之') {
      time.minute = m.value;
      e = m.e + 1;
      const sec = intAt(t, e, 0, 59);
      if (sec && t[sec.e] === '秒') (time.second = sec.value), (e = sec.e + 1);
      return timed(s, e, n, time);
    }
    if (afterDaypart) return timed(s, n.e + 1, n, time);
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
    // A mixed number written with a space: 2 1/4 = 2.25 (the whole part is a plain integer).
    if (whole === 0 && t[n.e] === ' ' && n.plainDigits > 0 && n.plainDigits <= 3 && !n.negative && digitAt(t, n.e + 1)) {
      const num = lexNumeral(t, n.e + 1);
      if (num && num.plainDigits > 0 && t[num.e] === '/' && digitAt(t, num.e + 1)) {
        const den = lexNumeral(t, num.e + 1);
        if (den && den.plainDigits > 0 && den.value > 0 && t[den.e] !== '/' && !digitAt(t, den.e) && t[den.e] !== '.') {
          return candidate(s, den.e, 'fraction', num, { fraction: { whole: n.value, denominator: den.value } });
        }
      }
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
    const d = numeralAt(t, q);
    if (n.integer && n.value < 10 && d && d.kind === 'digit' && !numeralAt(t, q + 1) && !lex.units.matchAt(t, q + 1) && t[q + 1] !== '成') {
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
const OPEN_PAREN_CODES = new CharSet(OPEN_PARENS);
/** Lengths of time that 大 turns into an age (三个月大的婴儿), and what may follow that 大. */
const AGE_UNITS = new Set(['天', '周', '个月', '个星期', '岁', '周岁']);
const AGE_AFTER = new CharSet(['的', '了', '时', '。', '，', '！', '？', ',', '.']);
/** Before a numeral + phase word they make it a count: 连续三届, 共两期, 分三期, 历经五届. */
const COUNTED = new CharSet(['续', '共', '分', '经', '了', '过', '办', '满', '历']);
/** Before 半 they make it part of a word: 上半年, 一半, 多半, 大半, 过半, 减半, 各半. */
const HALF_TAKEN = new CharSet(['上', '下', '前', '后', '一', '多', '大', '小', '过', '减', '各', '参', '夜', '对', '折', '两']);
/** The numeral that a lone 半 stands for. */
const HALF: Numeral = { s: 0, e: 0, value: 0.5, arabic: false, chinese: true, digits: null, bareMagnitude: false, single: false, approx: false, plainDigits: 0, hasMagnitude: false, placeLed: false, negative: false, integer: false, valid: true };
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
function connectorEnd(t: string, p: number): number {
  if (!RANGE_CONNECTORS.has(t, p)) return -1;
  const doubled = (t[p] === '—' && t[p + 1] === '—') || (t[p] === '-' && t[p + 1] === '-');
  if (!doubled) return p + 1;
  return digitAt(t, p + 2) || numeralAt(t, p + 2) ? p + 2 : -1;
}

/** A month of a named year, no day: an end of a month range. */
function monthSpan(d: DateParts | undefined): boolean {
  return d !== undefined && d.year !== undefined && d.month !== undefined && d.day === undefined && d.weekday === undefined;
}
const COPULAS = new CharSet(['是', '为', '為']);

const YEAR_UNIT: UnitEntry = { word: '年', type: 'quantity', unit: '年', one: true, ord: true, half: true, nobare: false, prefix: false, phase: false, temp: false };

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
    const c = numeralAt(t, p);
    if (!c || c.kind !== 'magnitude') break;
    m *= c.value;
  }
  return m;
}

let STARTS: Uint8Array | null = null;

/**
 * Characters at which a figure can start, as a table over UTF-16 codes (1 = may start one); every
 * other character is passed over at once, without building a one-character string for it.
 */
function figureStarts(lex: FigureLexicon): Uint8Array {
  if (STARTS) return STARTS;
  const set = new Uint8Array(0x10000);
  const add = (c: string): void => void (set[c.charCodeAt(0)] = 1);
  for (const c of ['第', '-', '.', '负', '負', '几', '幾', '半', ...OPEN_PARENS, ...Object.keys(PERCENT_HEADS)]) add(c);
  for (let d = 0; d <= 9; d++) add(String(d));
  for (const c of numeralTable().keys()) add(c);
  for (const table of [lex.timeWords, lex.hedgesBefore, currencyPrefixes(), lex.eras, lex.tempPrefixes]) for (const x of table.firstCodes()) set[x] = 1;
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
