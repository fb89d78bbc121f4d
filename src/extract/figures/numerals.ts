// Numerals: reading one number written in Arabic digits, Chinese numerals or a mix of both.
//
// `lexNumeral` finds where a numeral written at a position ends and what it is worth; `parseNumeral`
// reads a whole string. Neither knows about units or figure types (that is find.ts / parse.ts).
//   "三千五百"        -> 3500          "两万三千零二十" -> 23020      "一点七八万亿" -> 1.78e12
//   "5000万"          -> 50000000      "1,000"          -> 1000       "九万四"       -> 94000
//   "二〇二二"        -> 2022 (digits "2022": a year or a code, never a count on its own)
//   "十多万" / "500余万" / "二十几" -> approximate, the hedge inside the span
// The character table is data (dicts/figures-numerals.tsv, read into a Numerals that the figure lexicon
// holds and every reader here takes). One left-to-right pass over the characters, no regular
// expressions: a long run of digits costs time linear in its length.

import type { DictFolder } from '../../dicts.js';
import { digitAt, inlineSpaceAt, letterAt } from './chars.js';

export type NumeralCharKind = 'digit' | 'small' | 'magnitude' | 'tens';

export interface NumeralChar {
  kind: NumeralCharKind;
  value: number;
  /** The 大写 form (壹, 陆, 拾): also an everyday character, so never a numeral on its own. */
  financial: boolean;
}

/**
 * The numeral characters of one dicts folder (figures-numerals.tsv), held by its FigureLexicon: every
 * function here that reads a character takes it.
 */
export class Numerals {
  /** The same table keyed by UTF-16 code (no one-character strings on the hot path). */
  private readonly byCode: Map<number, NumeralChar>;

  constructor(readonly table: ReadonlyMap<string, NumeralChar>) {
    this.byCode = new Map([...table].map(([c, n]) => [c.charCodeAt(0), n]));
  }

  /** The numeral character c, if it is one. */
  char(c: string | undefined): NumeralChar | undefined {
    return c === undefined ? undefined : this.table.get(c);
  }

  /** The numeral character at p of t, if there is one. */
  at(t: string, p: number): NumeralChar | undefined {
    return this.byCode.get(t.charCodeAt(p));
  }
}

/** The numeral table of the folder (figures-numerals.tsv: character, kind, value, optional financial). */
export function loadNumerals(folder: DictFolder): Numerals {
  const table = new Map<string, NumeralChar>();
  for (const row of folder.read('figures-numerals.tsv', 3)) {
    const [ch, kind, value, flag] = row.fields;
    table.set(ch!, { kind: kind as NumeralCharKind, value: Number(value), financial: flag === 'financial' });
  }
  return new Numerals(table);
}

/** One numeral found in a text. */
export interface Numeral {
  s: number;
  e: number;
  value: number;
  /** Arabic digits occur in it. */
  arabic: boolean;
  /** Chinese numeral characters occur in it. */
  chinese: boolean;
  /** A run of bare Chinese digits with no place words (二〇二二, 五五): the digit string, else null. */
  digits: string | null;
  /** Place words only, no digit at all (万, 千万, 百). */
  bareMagnitude: boolean;
  /** Exactly one Chinese digit character and nothing else (一, 两, 三). */
  single: boolean;
  /** A hedge (多, 余, 几) is written inside it. */
  approx: boolean;
  /** An Arabic integer written plainly (no sign, separator, decimal point or place word): its digit count; else 0. */
  plainDigits: number;
  /** It contains 万 / 亿 / 兆 (or a k / M suffix). */
  hasMagnitude: boolean;
  /** It starts with a place word (百, 千万) rather than a digit: 上千万, 数十. */
  placeLed: boolean;
  negative: boolean;
  integer: boolean;
  /** False when the characters do not form a number (十十, 一二百, a lone 陆): skip past them, figure nothing. */
  valid: boolean;
}

export interface LexOptions {
  /** True when a unit word begins at index p, so that 千 in 12千米 is left to the unit (12 km, not 12000 m). */
  unitAt?: (p: number) => boolean;
  /** Accept a leading minus ('-' or 负). */
  signed?: boolean;
  /** Accept a lone 大写 digit (壹): only where the context already says a number follows (三分之壹). */
  financial?: boolean;
}

type Atom =
  | { k: 'num'; v: number; plain: number; mag: boolean; s: number; e: number }
  | { k: 'digit'; v: number; fin: boolean; s: number; e: number }
  | { k: 'small' | 'mag'; v: number; fin: boolean; s: number; e: number }
  | { k: 'tens'; v: number; s: number; e: number }
  | { k: 'point'; s: number; e: number }
  | { k: 'approx'; ch: string; s: number; e: number };

const isAsciiDigit = (c: string | undefined): boolean => c !== undefined && c >= '0' && c <= '9';

/** Index of the first non-space character at or after p (spaces and tabs only, never a line break). */
export function skipInlineSpace(t: string, p: number): number {
  while (p < t.length && inlineSpaceAt(t, p)) p++;
  return p;
}

/** Reads an Arabic number at p: 1,000.5 / 2.5e3 / 40k. Returns null when p holds no digit. */
function readArabic(t: string, p: number): Extract<Atom, { k: 'num' }> | null {
  const s = p;
  while (digitAt(t, p)) p++;
  // A bare decimal fraction (.75, -.25) has no integer digits.
  const bare = p === s && t[p] === '.' && digitAt(t, p + 1) && !digitAt(t, p - 1);
  if (p === s && !bare) return null;
  let plain = p - s;
  let digits = bare ? '0' : t.slice(s, p);
  // Thousands separators: only when the first group has 1-3 digits and every group exactly 3.
  if (p - s <= 3) {
    while ((t[p] === ',' || t[p] === '，') && digitAt(t, p + 1) && digitAt(t, p + 2) && digitAt(t, p + 3) && !digitAt(t, p + 4)) {
      digits += t.slice(p + 1, p + 4);
      p += 4;
      plain = 0;
    }
  }
  // '·' stands for the decimal point in some typeset sources (增长6·9%).
  if ((t[p] === '.' || t[p] === '·') && digitAt(t, p + 1)) {
    const d = p + 1;
    p = d;
    while (digitAt(t, p)) p++;
    digits += '.' + t.slice(d, p);
    plain = 0;
  }
  let v = Number(digits);
  let mag = false;
  // Exponent: 2e5, 12.32e+14 (not 5e in "5eggs").
  if ((t[p] === 'e' || t[p] === 'E') && !letterAt(t, p - 1)) {
    let q = p + 1;
    let sign = 1;
    if (t[q] === '+' || t[q] === '-') {
      if (t[q] === '-') sign = -1;
      q++;
    }
    const d = q;
    while (digitAt(t, q)) q++;
    if (q > d && !letterAt(t, q)) {
      v *= 10 ** (sign * Number(t.slice(d, q)));
      p = q;
      plain = 0;
    }
  }
  // Thousand / million / 万 suffixes: 40k, 2.5 M, 30w (w for 万 in pay and price talk); not 5km, 4K
  // video, 5MB, 60W (watts: the upper case).
  const q = t[p] === ' ' && t[p + 1] === 'M' ? p + 1 : p;
  if ((t[q] === 'k' || t[q] === 'M' || (t[q] === 'w' && q === p)) && !letterAt(t, q + 1)) {
    v *= t[q] === 'k' ? 1e3 : t[q] === 'w' ? 1e4 : 1e6;
    p = q + 1;
    plain = 0;
    mag = true;
  }
  return { k: 'num', v, plain, mag, s, e: p };
}

const POINTS = new Set(['点', '點']);
const HEDGES = new Set(['多', '余', '餘']);
const FEW = new Set(['几', '幾']);
/** Characters that may continue a numeral after Arabic digits (the fast path stops unless one follows). */
const CONTINUES = new Set([...POINTS, ...HEDGES, ...FEW, ' ', '\t', '\u3000'].map((c) => c.charCodeAt(0)));

/** True when a numeral can begin at p (a digit, a numeral character, 几 before a place word, or a sign). */
export function numeralStartsAt(nums: Numerals, t: string, p: number): boolean {
  const c = t[p];
  if (isAsciiDigit(c) || nums.at(t, p)) return true;
  if (c === '.' && digitAt(t, p + 1) && !digitAt(t, p - 1)) return true; // .75
  if (c !== undefined && FEW.has(c)) {
    const n = nums.at(t, p + 1);
    return n !== undefined && (n.kind === 'small' || n.kind === 'magnitude');
  }
  return false;
}

/**
 * Reads the numeral that starts at i, or null when no numeral character is there. What is written may
 * still not be a number: 十十 comes back with valid false, 一四四六 with its digit string in `digits`.
 */
export function lexNumeral(nums: Numerals, t: string, i: number, opts: LexOptions = {}): Numeral | null {
  let p = i;
  let negative = false;
  if (opts.signed && (t[p] === '-' || t[p] === '负' || t[p] === '負')) {
    const q = p + 1;
    if (digitAt(t, q) || (t[q] === '.' && t[p] === '-' && digitAt(t, q + 1)) || (t[p] !== '-' && nums.at(t, q))) {
      negative = true;
      p = q;
    }
  }
  // Fast path: a plain Arabic number with no Chinese numeral, point or hedge after it (the common case).
  if (digitAt(t, p) || (t[p] === '.' && digitAt(t, p + 1) && !digitAt(t, p - 1))) {
    const a = readArabic(t, p)!;
    if (a.e >= t.length || !(nums.at(t, a.e) || CONTINUES.has(t.charCodeAt(a.e)))) {
      const value = negative ? -a.v : a.v;
      return {
        s: i,
        e: a.e,
        value,
        arabic: true,
        chinese: false,
        digits: null,
        bareMagnitude: false,
        single: false,
        approx: false,
        plainDigits: negative ? 0 : a.plain,
        hasMagnitude: a.mag,
        placeLed: false,
        negative,
        integer: Number.isInteger(value),
        valid: Number.isFinite(value),
      };
    }
  }
  const atoms: Atom[] = [];
  let afterPoint = false;
  for (;;) {
    // Letter-spaced numerals (两千 四 百 五): spaces are skipped only before a Chinese numeral character.
    const q = atoms.length ? skipInlineSpace(t, p) : p;
    const c = t[q];
    if (c === undefined) break;
    const prev = atoms[atoms.length - 1];
    if (isAsciiDigit(c)) {
      if (q !== p) break; // never join "7 2" or "1, 244"
      if (afterPoint) {
        // Arabic digits after a Chinese 点 (一点5): fractional digits
        let r = q;
        while (digitAt(t, r)) r++;
        for (let k = q; k < r; k++) atoms.push({ k: 'digit', v: Number(t[k]), fin: false, s: k, e: k + 1 });
        p = r;
        continue;
      }
      const a = readArabic(t, q);
      if (!a) break;
      atoms.push(a);
      p = a.e;
      continue;
    }
    const n = nums.table.get(c);
    if (n) {
      // "314.15 六点二" are two numbers; "7 萬" is one.
      if (q !== p && prev?.k === 'num' && n.kind !== 'small' && n.kind !== 'magnitude') break;
      // 12千米 is 12 km, but after Chinese numerals 千米 is read as thousands of metres, as in sport
      // (两千米 = 2000 米, 五千米长跑).
      if ((n.kind === 'small' || n.kind === 'magnitude') && opts.unitAt?.(q) && !(c === '千' && t[q + 1] === '米' && atoms.length > 0 && !atoms.some((a) => a.k === 'num'))) break;
      if (afterPoint && n.kind !== 'digit' && n.kind !== 'magnitude') break;
      if (afterPoint && (c === '两' || c === '兩')) break;
      if (n.kind === 'digit') atoms.push({ k: 'digit', v: n.value, fin: n.financial, s: q, e: q + 1 });
      else if (n.kind === 'tens') atoms.push({ k: 'tens', v: n.value, s: q, e: q + 1 });
      else atoms.push({ k: n.kind === 'small' ? 'small' : 'mag', v: n.value, fin: n.financial, s: q, e: q + 1 });
      p = q + 1;
      continue;
    }
    if (POINTS.has(c) && prev && !afterPoint && prev.k !== 'point' && prev.k !== 'approx') {
      const r = skipInlineSpace(t, q + 1);
      const d = t[r];
      const dn = nums.char(d);
      if ((isAsciiDigit(d) || (dn && dn.kind === 'digit' && d !== '两' && d !== '兩')) && !clockMinutesAt(nums, t, r)) {
        atoms.push({ k: 'point', s: q, e: q + 1 });
        afterPoint = true;
        p = q + 1;
        continue;
      }
      break;
    }
    if (HEDGES.has(c) && prev && (prev.k === 'num' || prev.k === 'small' || prev.k === 'mag' || prev.k === 'tens')) {
      atoms.push({ k: 'approx', ch: c, s: q, e: q + 1 });
      p = q + 1;
      continue;
    }
    if (FEW.has(c)) {
      const next = nums.at(t, skipInlineSpace(t, q + 1));
      const leading = atoms.length === 0 && next !== undefined && (next.kind === 'small' || next.kind === 'magnitude');
      const trailing = prev !== undefined && (prev.k === 'small' || prev.k === 'mag' || (prev.k === 'digit' && prev.v === 0));
      if (leading || trailing) {
        atoms.push({ k: 'approx', ch: c, s: q, e: q + 1 });
        p = q + 1;
        continue;
      }
    }
    break;
  }
  if (atoms.length === 0) return null;
  const first = atoms[0]!;
  const last = atoms[atoms.length - 1]!;
  return evaluate(atoms, i, last.e, negative, first, opts.financial ?? false);
}

/**
 * True when the digits at r are the minutes of a clock time rather than decimals: 9点45分, 八点零五分,
 * 九点一刻 (not 三分之一, where 分 opens a fraction).
 */
function clockMinutesAt(nums: Numerals, t: string, r: number): boolean {
  let k = r;
  while (k - r < 3) {
    const n = nums.at(t, k);
    if (!digitAt(t, k) && !(n && n.kind === 'digit')) break;
    k++;
  }
  if (k === r) return false;
  return (t[k] === '分' && t[k + 1] !== '之') || t[k] === '刻';
}

/** Reads a whole string as one numeral; null unless the numeral covers all of it. */
export function parseNumeral(nums: Numerals, s: string): number | null {
  const t = s.trim();
  const n = lexNumeral(nums, t, 0, { signed: true });
  if (!n || !n.valid || n.e !== t.length || !Number.isFinite(n.value)) return null;
  return n.value;
}

// The grammar of a Chinese number, applied to the atoms lexed above.
//   digit (small digit?)* : 三千五百 = 3*1000 + 5*100; a place word without a digit means one (十五, 百三)
//   magnitude closes a section: when it is at least as large as the last magnitude it scales everything
//   before it (四万万, 14.2万亿), else it adds (五亿零六万)
//   a lone digit after a place word of 100 or more is the next place down: 两千四百五 = 2450, 九万四 = 94000
function evaluate(atoms: Atom[], s: number, e: number, negative: boolean, first: Atom, allowLoneFinancial: boolean): Numeral {
  let arabic = false;
  let chinese = false;
  let approx = false;
  let hasMagnitude = false;
  let allDigits = true; // Chinese digits only
  let digitCount = 0;
  let financial = 0;
  for (const a of atoms) {
    if (a.k === 'num') {
      arabic = true;
      allDigits = false;
      if (a.mag) hasMagnitude = true;
    } else if (a.k === 'digit') {
      chinese = true;
      digitCount++;
      if (a.fin) financial++;
    } else {
      if (a.k === 'approx') approx = true;
      else chinese = true;
      if (a.k === 'mag') hasMagnitude = true;
      if ((a.k === 'small' || a.k === 'mag') && a.fin) financial++;
      allDigits = false;
    }
  }
  const placeLed = first.k === 'small' || first.k === 'mag' || (first.k === 'approx' && atoms.length > 1);
  // One object shape for every numeral (object spreads are slow on a hot path).
  const make = (value: number, digits: string | null, bareMagnitude: boolean, single: boolean, plainDigits: number, integer: boolean, valid: boolean): Numeral => ({
    s,
    e,
    value,
    arabic,
    chinese,
    digits,
    bareMagnitude,
    single,
    approx,
    plainDigits,
    hasMagnitude,
    placeLed,
    negative,
    integer,
    valid,
  });
  if (allDigits && digitCount > 1) {
    // 二〇二二, 五五, 一四四六: a digit string, not a number (years and codes).
    let digits = '';
    for (const a of atoms) digits += String((a as { v: number }).v);
    return make(Number(digits) * (negative ? -1 : 1), digits, false, false, 0, true, true);
  }
  if (atoms.length > 2 && first.k === 'digit' && atoms[1]!.k === 'digit') {
    const read = digitByDigit(atoms);
    if (read !== null) return make(read * (negative ? -1 : 1), null, false, false, 0, Number.isInteger(read), true);
    const loose = neighbourDigits(atoms);
    if (loose !== null) {
      approx = true;
      return make(loose * (negative ? -1 : 1), null, false, false, 0, true, true);
    }
  }
  const invalid = make(NaN, null, false, false, 0, false, false);
  // A lone 大写 character (陆地, 入伍, 拾取) is a word, not a number.
  if (atoms.length === 1 && financial === 1 && !negative && !allowLoneFinancial) return invalid;

  let total = 0;
  let section = 0;
  let pending: number | null = null;
  let pendingChinese = false;
  let abbrevUnit = 0; // place word right before the pending digit (no 零 between)
  let lastSmall = Infinity;
  let lastPlace = 0;
  let lastMag = 0;
  let zero = false;
  let sawDigit = false;
  for (let k = 0; k < atoms.length; k++) {
    const a = atoms[k]!;
    switch (a.k) {
      case 'num':
        if (pending !== null) return invalid;
        pending = a.v;
        pendingChinese = false;
        abbrevUnit = 0;
        zero = false;
        sawDigit = true;
        break;
      case 'digit':
        // 万一 / 亿万: a digit after a bare 万 is not 万 + 一 (百三 = 130 is, colloquially)
        if (k === 1 && first.k === 'mag') return invalid;
        if (a.v === 0 && pending === null && lastPlace > 0) {
          zero = true; // 一百零五: the skipped tens place
          break;
        }
        if (pending !== null) return invalid;
        pending = a.v;
        pendingChinese = true;
        abbrevUnit = zero ? 0 : lastPlace;
        zero = false;
        sawDigit = true;
        break;
      case 'tens':
        if (pending !== null || 10 >= lastSmall) return invalid;
        section += a.v * 10;
        lastSmall = 10;
        lastPlace = 10;
        sawDigit = true;
        break;
      case 'small': {
        if (a.v >= lastSmall) return invalid;
        const n: number = pending ?? 1;
        section += n * a.v;
        pending = null;
        lastSmall = a.v;
        lastPlace = a.v;
        zero = false;
        break;
      }
      case 'mag': {
        let sv = section + (pending ?? 0);
        if (sv === 0 && total === 0) sv = 1; // 万亿元, 千万 (after 千: section 1000)
        if (a.v >= lastMag) total = (total + sv) * a.v;
        else total += sv * a.v;
        section = 0;
        pending = null;
        lastSmall = Infinity;
        lastPlace = a.v;
        lastMag = a.v;
        zero = false;
        break;
      }
      case 'point': {
        // Integer part closes; the digits after 点 are read one by one (一点七八 = 1.78).
        let whole: number = total + section + (pending ?? 0);
        let frac = '';
        let r = k + 1;
        while (r < atoms.length && atoms[r]!.k === 'digit') frac += String((atoms[r] as { v: number }).v), r++;
        if (!frac) return invalid;
        whole += Number('0.' + frac);
        sawDigit = true;
        total = 0;
        section = 0;
        pending = whole;
        pendingChinese = false;
        abbrevUnit = 0;
        lastSmall = 0; // no 十/百/千 after the decimals
        lastMag = 0;
        lastPlace = 0;
        k = r - 1;
        break;
      }
      case 'approx':
        if (a.ch === '几' || a.ch === '幾') {
          // leading 几 (几十) leaves the place word to count one ten, hedged
          if (k > 0 && pending === null) {
            pending = 0; // 十几, 一百零几万: the unknown digit counts as nothing
            pendingChinese = false;
            abbrevUnit = 0;
          }
        }
        break;
    }
  }
  let tail = pending ?? 0;
  if (pending !== null && pendingChinese && abbrevUnit >= 100) tail = pending * (abbrevUnit / 10);
  const value = (total + section + tail) * (negative ? -1 : 1);
  // 万, 千万, 百 with no digit: an order of magnitude (万列, 千万不要). 十 alone is plainly ten.
  const bareMagnitude = !sawDigit && !arabic && !(first.k === 'small' && first.v === 10);
  const single = atoms.length === 1 && first.k === 'digit';
  const plainDigits = atoms.length === 1 && first.k === 'num' && !negative ? first.plain : 0;
  return make(value, null, bareMagnitude, single, plainDigits, Number.isInteger(value), Number.isFinite(value));
}

/**
 * A number read out digit by digit with a decimal point: 一七二零点一三四 = 1720.134, 一二点三零 = 12.3
 * (a code has no decimal point, so the digits before it are the integer part). null for anything else.
 */
function digitByDigit(atoms: Atom[]): number | null {
  let k = 0;
  let whole = '';
  while (k < atoms.length && atoms[k]!.k === 'digit') whole += String((atoms[k] as { v: number }).v), k++;
  if (whole.length < 2 || atoms[k]?.k !== 'point') return null;
  let frac = '';
  for (k++; k < atoms.length && atoms[k]!.k === 'digit'; k++) frac += String((atoms[k] as { v: number }).v);
  return frac && k === atoms.length ? Number(`${whole}.${frac}`) : null;
}

/**
 * Two neighbouring digits before one place word give an approximate amount: 八九亿 (eight or nine
 * hundred million), 三五百 (three to five hundred), 四五千. The lower reading is the value; the caller
 * marks it approximate. The digits must rise by one (三五, "a few", is the one set exception): 二四百
 * stays invalid.
 */
function neighbourDigits(atoms: Atom[]): number | null {
  if (atoms.length < 3 || atoms.length > 4) return null;
  const [a, b, place, mag] = atoms as [Atom, Atom, Atom, Atom | undefined];
  if (a.k !== 'digit' || b.k !== 'digit' || a.fin || b.fin) return null;
  if (!(b.v === a.v + 1 || (a.v === 3 && b.v === 5)) || a.v === 0) return null;
  if ((place.k !== 'small' && place.k !== 'mag') || place.v < 10) return null;
  if (mag !== undefined && (mag.k !== 'mag' || place.k !== 'small')) return null;
  return a.v * place.v * (mag?.v ?? 1);
}
