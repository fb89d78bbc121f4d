// Traditional Chinese: detected, and converted to Simplified for analysis only. The only importer of
// opencc-js.
//
// The models and dictionaries of zhnews are Simplified. A Traditional document is analysed through a
// converted copy of each passage, and every offset found in the copy must point into the original
// text, so `text` fields keep the original characters:
//   "臺灣經濟發展" -> analysed as "台湾经济发展", reported as "臺灣經濟發展".
// The rule: one code point in, exactly one out, of the same UTF-16 width. OpenCC keeps the count of
// code points (its Taiwan-to-mainland tables map phrases to phrases of as many characters) but not
// their width: ~220 BMP characters become astral ones (㗲 -> 𠵾) and compatibility ideographs become
// BMP ones. Where a character's counterpart has another width, the character stays as it is:
//   "網\u{2F82B}2鎓" -> "网\u{2F82B}2鎓" (the figure 2 stays at code point 2).

import { createRequire } from 'node:module';

type Convert = (s: string) => string;
let convert: Convert | null = null;

function converter(): Convert {
  if (!convert) {
    // opencc-js ships an ESM build without typings for this entry; its UMD build loads synchronously.
    const opencc = createRequire(import.meta.url)('opencc-js/t2cn') as { Converter(o: { from: string; to: string }): Convert };
    convert = opencc.Converter({ from: 'tw', to: 'cn' });
  }
  return convert;
}

/** Share of the CJK characters in a sample that change under Traditional -> Simplified conversion. */
export function traditionalShare(text: string, sample = 4000): number {
  const s = text.slice(0, sample);
  const c = converter()(s);
  let cjk = 0;
  let changed = 0;
  for (let i = 0; i < s.length && i < c.length; i++) {
    const code = s.charCodeAt(i);
    if (code < 0x3400 || code > 0x9fff) continue;
    cjk++;
    if (s[i] !== c[i]) changed++;
  }
  return cjk ? changed / cjk : 0;
}

// Frequent characters that exist only in Traditional form. A Simplified document contains none of
// them in practice, which spares it the conversion test (the common case, and the costly one).
// (A short text may hold none of the most frequent ones: 臺北市政府…將投入新臺幣50億元 needed 臺, 將, 億.)
const TRADITIONAL_ONLY =
  '們這國會對為經與發說時來個後學過關實現間開區產業務長當動書機義應點總論議報導將幣億運統預計臺灣資濟術從電華進車質員場級設體頭還種問題嗎讓給見認識聽覺東門馬號樣麼萬網線數據價優勢環確團際歲離雙輕錢銀鐵陽雲風飛養驗黨齊廣廠歷縣鎮鄉區邊';

/** TRADITIONAL_ONLY as one flag per UTF-16 code: the test runs on every document, and as a regular
 * expression's character class of 150 members it cost ~9 ns a character. */
let traditionalOnly: Uint8Array | null = null;

function hasTraditionalOnly(text: string, sample: number): boolean {
  if (!traditionalOnly) {
    traditionalOnly = new Uint8Array(65536);
    for (const ch of TRADITIONAL_ONLY) traditionalOnly[ch.charCodeAt(0)] = 1;
  }
  const flags = traditionalOnly;
  for (let i = 0, n = Math.min(text.length, sample); i < n; i++) if (flags[text.charCodeAt(i)]) return true;
  return false;
}

/** True when the text reads as Traditional Chinese (several per cent of its characters convert). */
export function isTraditional(text: string, sample = 4000): boolean {
  if (!hasTraditionalOnly(text, sample)) return false;
  // Simplified news text changes in well under 1% of characters (variant forms); Traditional in 20–40%.
  return traditionalShare(text, sample) >= 0.05;
}

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/**
 * Simplified form of s, code point for code point: the same length and the same surrogate pairs at the
 * same places, so every UTF-16 and code-point offset of the copy is one of s. A character whose
 * conversion would change its width (or make it more or fewer than one code point) stays as it is.
 */
export function toSimplified(s: string): string {
  const c = converter()(s);
  if (c === s || (c.length === s.length && sameShape(s, c))) return c;
  return alignByCodePoint(s, c) ?? perCodePoint(s);
}

/** Do a and b (of one length) hold high and low surrogates at the same places? */
function sameShape(a: string, b: string): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (isHigh(x) !== isHigh(y) || isLow(x) !== isLow(y)) return false;
  }
  return true;
}

/** The width of the code point (or lone surrogate) at i: 2 for a well-formed pair, else 1. */
function widthAt(s: string, i: number): number {
  return isHigh(s.charCodeAt(i)) && isLow(s.charCodeAt(i + 1)) ? 2 : 1;
}

/**
 * The converted text c taken code point by code point against s, each keeping its counterpart's width
 * or falling back to the original; null when c has another count of code points than s (no pairing).
 */
function alignByCodePoint(s: string, c: string): string | null {
  const parts: string[] = [];
  let i = 0;
  let j = 0;
  let run = 0; // start in c of the converted run not yet copied
  while (i < s.length && j < c.length) {
    const ws = widthAt(s, i);
    const wc = widthAt(c, j);
    if (ws !== wc) {
      parts.push(c.slice(run, j), s.slice(i, i + ws));
      run = j + wc;
    }
    i += ws;
    j += wc;
  }
  if (i < s.length || j < c.length) return null;
  parts.push(c.slice(run));
  return parts.join('');
}

const single = new Map<string, string>();

/** Each code point converted on its own (cached), kept where its conversion is not one code point of its width. */
function perCodePoint(s: string): string {
  let out = '';
  for (const ch of s) {
    let x = single.get(ch);
    if (x === undefined) {
      const y = converter()(ch);
      x = y.length === ch.length && widthAt(y, 0) === y.length ? y : ch;
      single.set(ch, x);
    }
    out += x;
  }
  return out;
}

/** Names converted before: a corpus repeats its names, and one conversion costs several microseconds. */
const NAME_CACHE_SIZE = 50_000;
const nameCache = new Map<string, string>();

/**
 * The Simplified form of a short string such as a name (陳茂波 -> 陈茂波), also when it stands in a
 * Simplified document (a Hong Kong official quoted in his own script), cached.
 */
export function simplifiedName(s: string): string {
  let out = nameCache.get(s);
  if (out === undefined) {
    if (nameCache.size >= NAME_CACHE_SIZE) nameCache.clear();
    out = /^[\x00-\u2e7f]*$/.test(s) ? s : toSimplified(s);
    nameCache.set(s, out);
  }
  return out;
}
