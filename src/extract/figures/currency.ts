// Currency from context: which currency a bare 元 means in a document, and when a bare number is money.
//
//   documentCurrency(["香港……月租3,000元，以港元计"], lex)   -> "HKD" (one local currency named, no 人民币)
//   documentCurrency(["……投资5亿元人民币，折合5.4亿港元"]) -> null (two named: a bare 元 stays CNY)
//   moneyCueBefore("合同金额为三百万", 5)               -> true  (金额 before it in the clause)
// The evidence rule is stated in dicts/figures-local-currencies.tsv and docs/figures.md.

import type { FigureLexicon, WordTable } from './lexicon.js';

/** How far back (UTF-16 units) a money cue may stand from its number, within one clause. */
const CUE_WINDOW = 12;
/** Clause breaks as UTF-16 codes (no one-character strings on the way back). */
const CLAUSE_BREAKS = new Uint8Array(0x10000);
for (const c of '，。；！？,;!?\n、') CLAUSE_BREAKS[c.charCodeAt(0)] = 1;

/** The currency of the document's bare 元 when it names exactly one local currency other than CNY. */
export function documentCurrency(texts: readonly string[], lex: FigureLexicon): string | null {
  const named = new Set<string>();
  for (const [word, code] of lex.localCurrencies) if (texts.some((t) => t.includes(word))) named.add(code);
  if (named.size !== 1) return null;
  const [code] = named;
  return code === 'CNY' ? null : code!;
}

/** Is a money noun (金额, 月薪) written before position s, in the same clause? */
export function moneyCueBefore(text: string, s: number, cues: WordTable<true>): boolean {
  for (let p = s; p >= Math.max(1, s - CUE_WINDOW); p--) {
    if (cues.matchEndingAt(text, p)) return true;
    if (CLAUSE_BREAKS[text.charCodeAt(p - 1)] === 1) break;
  }
  return false;
}
