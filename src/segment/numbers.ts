// Number tokens: where a number is one word, whatever jieba's dictionary makes of its digits.
//
// jieba cuts "13.5%" into 13.5 | %, "2000年" into 2000 | 年 and, without its HMM, 28500 into single
// digits. Both segmentation standards we measure against (PKU, MSR) keep these together, so the
// segmenter forces them to be one token (see retokenize.ts):
//   "增长13.5%"      -> 13.5%        decimals, fractions 3/4 and ratios 3∶2 stay whole
//   "－5℃"          -> －5 | ℃       a sign before a number is part of it; the unit is a word of its own
//   "1824万元"       -> 1824万 | 元   万 / 亿 belong to the number, the measure word does not
//   "2000年12月31日" -> 2000年 | 12月 | 31日   a year is four digits; months, days, hours, minutes
//   "用了10年"       -> 10 | 年       a duration is a number and a measure word
//   "二○○一年"      -> 二○○一年      a year spelled digit by digit
//   "百分之十二点六" -> 百分之十二点六
// Number plus measure word ("8个", "20万元") is one word in MSR and two in PKU; we follow PKU (and the
// Chinese Treebank): the measure word stays a word, which is also what keyword counting wants.
// Input is the width-folded analysis text (src/text/chars.ts foldWidth), so digits are ASCII.

/** A forced token: UTF-16 [s, e) of the text given. */
export interface NumberSpan {
  s: number;
  e: number;
}

// Digits with decimal points (. and the middle dot some papers print), thousands commas, fractions and
// ratios — each separator only between two digits, so "2." ending a list number stays apart.
const DIGITS = String.raw`\d+(?:[.·,/:∶]\d+)*`;
// A minus sign when it is not a range dash between two numbers: "－5" but "3－5".
const SIGN = String.raw`(?:(?<![\d.])[-－−](?=\d))?`;
const ARABIC = new RegExp(
  String.raw`${SIGN}${DIGITS}(?:万亿|亿|万)?(?:[%‰]|(?<=(?:^|\D)\d{1,2})(?:月份|月|日|时|分))?`,
  'g',
);
const YEAR = /(?<![\d〇○零一二三四五六七八九])(?:\d{4}|[〇○零一二三四五六七八九0]{4})年/g;
const CHINESE_PERCENT = /百分之[〇○零一二三四五六七八九十百千万点两]+/g;

/** Spans of the number words of `text`, sorted, non-overlapping (the longest wins at a start). */
export function numberSpans(text: string): NumberSpan[] {
  if (typeof text !== 'string' || !/[\d百年]/.test(text)) return [];
  const found: NumberSpan[] = [];
  for (const re of [YEAR, CHINESE_PERCENT, ARABIC]) {
    for (const m of text.matchAll(re)) if (m[0].length) found.push({ s: m.index, e: m.index + m[0].length });
  }
  found.sort((a, b) => a.s - b.s || b.e - a.e);
  const out: NumberSpan[] = [];
  let end = 0;
  for (const f of found) {
    if (f.s < end) continue;
    out.push(f);
    end = f.e;
  }
  return out;
}
