// Shape rules for the three kinds that a slogan's form alone decides: digit formulas, numeral codes and
// numeral-led formulas. They work on a compact string (no whitespace) and know nothing of positions in
// a passage:
//   formulaAt("发展5+5+7重点产业", 2)  -> 5   ("5+5+7")
//   isNumeralCode("一四四六")          -> true;  isNumeralCode("一千五百") -> false (a plain number)
//   numberedShape("一企一策")          -> true;  numberedShape("一家亲") -> false (indefinite 一)

/** Chinese numeral characters that make up numbers and codes. */
export const CN_DIGITS = '〇零一二两三四五六七八九十百千万';
const CN_DIGIT = new RegExp(`[${CN_DIGITS}]`);
/** Characters that may lead a numbered formula: numerals and 双 (双循环, 双一流). */
const LEADS = new RegExp(`^[新老]?[${CN_DIGITS}双]`);
const DIGITS_ONLY = new RegExp(`^[${CN_DIGITS}]+$`);

export function isCnDigit(c: string | undefined): boolean {
  return c !== undefined && c !== '' && CN_DIGIT.test(c);
}

// A digit formula: parts of digits (or the placeholders N/X) joined by + (or · with three parts or
// more, since 5·12 is a date). Letters or digits may not touch either end (5G+, 3.5+).
const PLUS_FORMULA = /(?<![0-9A-Za-z.%])(?:\d{1,3}|[NnXx])(?:\+(?:\d{1,3}|[NnXx]))+(?![0-9A-Za-z.%])/gu;
// · parts are one or two digits: a longer run is a price table using · as a decimal point.
const DOT_FORMULA = /(?<![0-9A-Za-z.·])\d{1,2}(?:·\d{1,2}){2,}(?![0-9A-Za-z.%·])/gu;

/** Every digit formula in a compact string, as [start, end) ranges. */
export function findFormulas(s: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const re of [PLUS_FORMULA, DOT_FORMULA]) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const end = m.index + m[0].length;
      // Arithmetic (1+1=2, 1+1>2) is not a programme; a formula needs at least one real digit.
      if (/^[=＝>＞<＜]/.test(s.slice(end, end + 1)) || !/\d/.test(m[0])) continue;
      out.push([m.index, end]);
    }
  }
  return out;
}

/** True when a whole quoted phrase is a formula: 1+N, 4+4+6, “1个中心+N个平台” (every part led by a digit). */
export function isQuotedFormula(s: string): boolean {
  if (!s.includes('+') && !s.includes('·')) return false;
  if (!/\d/.test(s)) return false;
  const parts = s.split(/[+·]/);
  if (!s.includes('+') && parts.length < 3) return false; // “5·12” is a date, not a formula
  return parts.every((p) => /^(?:\d+|[NnXx])(?![A-Za-z])/.test(p) && !/^\d+[A-Za-z]/.test(p));
}

// Values of the digits for a plain number reading; a run that is not a well-formed number is a code.
const UNIT_VALUE: Record<string, number> = { 十: 10, 百: 100, 千: 1000, 万: 10000 };

/** True when a run of Chinese numerals reads as an ordinary number (十四, 一千五百, 二十三万) or a year read
 * digit by digit is impossible to tell from a code, so only well-formed place-value numbers count. */
export function readsAsNumber(run: string): boolean {
  if (run.length === 1) return true;
  // Place-value form: (digit? unit)* digit?, with units strictly decreasing (万 may close a group).
  let lastUnit = Infinity;
  let pendingDigit = false;
  for (const c of run) {
    const unit = UNIT_VALUE[c];
    if (unit !== undefined) {
      if (unit >= lastUnit && c !== '万') return false;
      lastUnit = c === '万' ? Infinity : unit;
      pendingDigit = false;
    } else {
      if (pendingDigit) return false; // two bare digits in a row: 四五, 一四四六
      pendingDigit = true;
    }
  }
  return true;
}

/** A Chinese-numeral run naming a programme (一四四六, 十四五, 百千万): three or more numerals, and not a
 * plain number. Two-character runs (五一, 十一) are holidays or numbers unless a code suffix follows. */
export function isNumeralCode(s: string, suffixFollows = false): boolean {
  if (!DIGITS_ONLY.test(s)) return false;
  if (s.length < 2 || (s.length === 2 && !suffixFollows)) return false;
  // 百千万, 千万 read as numbers only by accident; a run of bare units is a code when a suffix follows.
  if (/^[百千万]+$/.test(s)) return suffixFollows || s.length >= 3;
  return !readsAsNumber(s);
}

/** A quoted run of Arabic digits naming a programme (“1571”): 2–6 digits, not a year or a phone number. */
export function isDigitCode(s: string, after: string): boolean {
  if (!/^[1-9]\d{1,5}$/.test(s)) return false;
  // Service numbers (110, 120, 12345, 12315) are hotlines, not programmes.
  if (/^(?:1[0-2]\d|123\d\d|9\d{4})$/.test(s)) return false;
  if (/^(?:年|热线|电话|号|路|次|元|万|亿|个|人|家|分|岁|米|公里|吨)/.test(after)) return false;
  return !/^(?:1[89]|20)\d\d$/.test(s) || /^(?:战略|工程|规划|总体|思路|行动|计划|目标|布局)/.test(after);
}

const TIME_OR_COUNT = new RegExp(`^[新老]?[${CN_DIGITS}双]+(?:刻钟|分钟|小时|天|日|周|个月|月|年|连|次|号|期|代|级)`);
const REPEATED = new RegExp(`^[新老]?([${CN_DIGITS}双])[^${CN_DIGITS}]{1,3}[${CN_DIGITS}双]`);

/**
 * A numeral-led fixed formula: 两新, 六基, 两个确立, 三大战略, 七个更加, 一企一策, 六稳六保, 新三样,
 * 双循环. Not: time spans and counts (一刻钟…, 十一连增, 九连A), a lone indefinite 一 without a second
 * numeral (一家亲, 一站式), idioms and calendar words (the stop list).
 */
export function numberedShape(s: string, stop: ReadonlySet<string>, stopPrefixes: readonly string[] = []): boolean {
  if (s.length < 2 || s.length > 10 || stop.has(s) || !LEADS.test(s)) return false;
  if (stopPrefixes.some((p) => s.startsWith(p))) return false; // 四川长虹, 三亚湾: a place name leads
  if (TIME_OR_COUNT.test(s) || /^[新老]?[一二两三四五六七八九十]+连/.test(s)) return false;
  if (DIGITS_ONLY.test(s)) return false; // a code or a number, not a formula
  if (/[，。！？；：]/.test(s)) return false;
  const body = s.replace(/^[新老]/, '');
  if (body.startsWith('一') && !REPEATED.test(s)) return false;
  // A numbered formula is short: numeral + measure/morpheme + a head of up to four characters, or an
  // alternating pattern (一老一小, 三去一降一补); long numeral-led phrases are left to the classifier.
  return REPEATED.test(s) ? s.length <= 9 : s.length <= 6;
}
