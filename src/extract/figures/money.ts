// Money read from its unit on: yuan with small change (角 / 分 / 毛), 块 as yuan, the currency named
// before or after an amount, and the colloquial 两个亿. find.ts calls these once it has read a numeral.
//   yuan         壹拾壹元壹角 -> 11.1 CNY      三万元欧元 -> 30000 EUR      新台币 177.1 亿元 -> TWD
//   kuaiAt       十块三毛 -> 10.3 CNY         几十万块。 -> 100000 CNY      三块石头 -> null (stones)
//   colloquial   两个亿 -> the numeral 2亿 (ending after 亿)

import { digitAt, ideographAt, inlineSpaceAt, letterAt } from './chars.js';
import { intAt, measure, type FigureCandidate } from './candidate.js';
import type { FigureLexicon, UnitEntry } from './lexicon.js';
import type { Numeral, Numerals } from './numerals.js';

/** 整 and 正 after a written-out sum (壹佰圆整), as UTF-16 codes (t[p] of a CJK character allocates). */
const ZHENG_WHOLE = 0x6574;
const ZHENG_RIGHT = 0x6b63;

/** The unit of yuan counted in 块. */
const YUAN: UnitEntry = { word: '块', type: 'money', unit: 'CNY', one: true, ord: false, half: false, nobare: false, prefix: false, phase: false, temp: false };

/** 5角8分, 3毛: the jiao and fen after an amount in yuan (12元5角8分 = 12.58). */
export function smallChange(nums: Numerals, t: string, p: number): { add: number; e: number } | null {
  let add = 0;
  let e = p;
  // 大写 digits are allowed here: after 元 a lone 壹 can only be a digit (壹拾壹元壹角壹分).
  const jiao = intAt(nums, t, e, 0, 9, true);
  if (jiao && (t[jiao.e] === '角' || t[jiao.e] === '毛')) (add += jiao.value / 10), (e = jiao.e + 1);
  const fen = intAt(nums, t, e, 0, 9, true);
  if (fen && t[fen.e] === '分' && t[fen.e + 1] !== '之' && t[fen.e + 1] !== '钟') (add += fen.value / 100), (e = fen.e + 1);
  return e > p ? { add, e } : null;
}

/**
 * An amount in yuan (元, 圆, 元人民币) from its unit on: the currency named before the number (新台币
 * 50亿元, 港币 100 元) or right after 元 (三万元欧元, 9000元日币) replaces CNY; 角 and 分 after it add
 * to it (壹拾壹元壹角 = 11.1); 整 / 正 close a written-out sum (壹佰圆整).
 */
export function yuan(t: string, lex: FigureLexicon, n: Numeral, s: number, e: number, unit: UnitEntry): FigureCandidate {
  let code = unit.unit;
  let q = s;
  while (q > 0 && inlineSpaceAt(t, q - 1)) q--;
  const named = lex.currencyNames.find((c) => q >= c.word.length && t.startsWith(c.word, q - c.word.length));
  if (named) code = named.unit;
  // 人民币100元 names its currency too: the unit's word then records that (a document's own currency,
  // currency.ts, only ever replaces a bare 元).
  const explicit = named !== undefined || t.startsWith('人民币', q - 3);
  const after = unit.word === '元' || unit.word === '圆' ? lex.units.matchAt(t, e, true) : null;
  const foreign = after && after.data.type === 'money' && after.data.unit !== 'CNY' && !after.data.prefix ? after : null;
  if (foreign) (code = foreign.data.unit), (e = foreign.e);
  let add = 0;
  if (!n.arabic || !n.hasMagnitude) {
    const change = smallChange(lex.numerals, t, e);
    if (change) (add = change.add), (e = change.e);
  }
  const close = t.charCodeAt(e);
  if (close === ZHENG_WHOLE || (close === ZHENG_RIGHT && !ideographAt(t, e + 1))) e++;
  if (foreign) return measure(s, e, n, { ...unit, word: unit.word + foreign.word, unit: code }, add);
  return measure(s, e, n, explicit ? { ...unit, word: `人民币${unit.word}`, unit: code } : unit, add);
}

/** Yuan counted in 块 (p: where 块 stands), or null when 块 counts pieces. */
export function kuaiAt(nums: Numerals, t: string, n: Numeral, s: number, p: number): FigureCandidate | null {
  const change = smallChange(nums, t, p + 1);
  const end = change ? change.e : p + 1;
  const roundAmount = !n.arabic && (n.hasMagnitude || n.approx || n.value >= 100) && !ideographAt(t, end) && !letterAt(t, end) && !digitAt(t, end);
  if (!change && t[end] !== '钱' && !roundAmount) return null;
  return measure(s, t[end] === '钱' ? end + 1 : end, n, YUAN, change?.add ?? 0);
}

/** 两个亿, 三个万: the colloquial 个 before a magnitude read as one numeral (两亿), else n itself. */
export function colloquial(nums: Numerals, t: string, n: Numeral): Numeral {
  const m = nums.at(t, n.e + 1);
  if (!m || m.kind !== 'magnitude' || nums.at(t, n.e + 2) || !n.integer || n.hasMagnitude || n.approx || n.digits !== null) return n;
  return colloquialMagnitude(n, m.value, n.e + 2);
}

/** 两个亿 read as 两亿: the numeral scaled by the magnitude after 个, ending after it. */
function colloquialMagnitude(n: Numeral, magnitude: number, e: number): Numeral {
  return { ...n, e, value: n.value * magnitude, hasMagnitude: true, single: false };
}
