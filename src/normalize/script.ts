// Traditional Chinese: detected, and converted to Simplified for analysis only. The only importer of
// opencc-js.
//
// The models and dictionaries of zhnews are Simplified. A Traditional document is analysed through a
// converted copy of each passage; the conversion must keep the length (one UTF-16 unit for one), so
// every offset still points into the original text and `text` fields keep the original characters:
//   "臺灣經濟發展" -> analysed as "台湾经济发展", reported as "臺灣經濟發展".

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

/** Simplified form of s with the same length; characters whose conversion would change length stay. */
export function toSimplified(s: string): string {
  const c = converter()(s);
  if (c.length === s.length) return c;
  // A phrase conversion changed the length: convert character by character instead.
  let out = '';
  for (const ch of s) {
    const x = converter()(ch);
    out += x.length === ch.length ? x : ch;
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
