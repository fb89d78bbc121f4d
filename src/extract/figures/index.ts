// The figures stage: every number-bearing expression of a passage, typed and normalised.
//
// find (find.ts: where, and how it is built) -> parse (parse.ts: type, value, unit) -> here: drop what
// another stage owns (ctx.blocked: slogans such as 5+5+7 or 十大创新), give a bare 元 the document's
// currency (ctx.currency: HKD in a Hong Kong story) and a bare amount after a money noun its money type
// (合同金额为三百万, currency.ts), and name what the figure measures when a cue stands just before it
// (同比增长 5.3% -> indicator growth_yoy).
//   extractFigures("出口44.6万辆，同比增长1.1倍", { referenceYear: null, blocked: [] }, lex)
//   -> [{ s: 2, e: 8, type: 'quantity', value: 446000, unit: '辆', indicator: 'export' },
//       { s: 15, e: 19, type: 'quantity', value: 1.1, unit: '倍', indicator: 'growth_yoy' }]
// Offsets are UTF-16 indices of `text`; matches come sorted and never overlap each other or ctx.blocked.
// `lex` is the figure tables of one dicts folder (lexicon.ts loadFigureLexicon; a Pipeline's Resources).

import type { FigureContext, FigureMatch, Match } from '../types.js';
import { scanFigures } from './find.js';
import type { FigureLexicon } from './lexicon.js';
import { parseFigure } from './parse.js';
import { moneyCueBefore } from './currency.js';

export { findFigures, scanFigures } from './find.js';
export { documentCurrency } from './currency.js';
export { loadFigureLexicon, type FigureLexicon } from './lexicon.js';
export { parseFigure, formatDate, PERCENT_UNIT } from './parse.js';
export { lexNumeral, parseNumeral, loadNumerals, Numerals } from './numerals.js';

/** How far back (UTF-16 units) a cue may stand from its figure, within one clause. */
const CUE_WINDOW = 12;
/** Clause breaks as UTF-16 codes (the cue search steps back one character at a time). */
const CLAUSE_BREAKS = new Uint8Array(0x10000);
for (const c of '，。；！？：,;!?\n、') CLAUSE_BREAKS[c.charCodeAt(0)] = 1;
const MEASURED = new Set(['quantity', 'money', 'percent', 'number', 'range']);
/** Units written as a bare yuan, with no currency named at the figure: the document's currency applies. */
const BARE_YUAN = new Set(['元', '圆', '块', '块钱']);

export function extractFigures(text: string, ctx: FigureContext, lex: FigureLexicon): FigureMatch[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const referenceYear = ctx?.referenceYear ?? null;
  const currency = ctx?.currency ?? null;
  const blocked = [...(ctx?.blocked ?? [])].sort((a, b) => a.s - b.s);
  const out: FigureMatch[] = [];
  let b = 0;
  scanFigures(text, lex, (c) => {
    while (b < blocked.length && blocked[b]!.e <= c.s) b++;
    if (overlapsFrom(blocked, b, c)) return;
    const p = parseFigure(c, referenceYear);
    if (!p) return;
    const m: FigureMatch = { s: c.s, e: c.e, type: p.type, value: p.value, unit: p.unit };
    if (currency && p.type === 'money' && c.unit && BARE_YUAN.has(c.unit.word)) m.unit = currency;
    // 合同金额为三百万: a bare amount after a money noun is money (Arabic, or with a magnitude: 15k, 三百万).
    if (p.type === 'number' && c.num && (c.num.hasMagnitude || c.num.arabic) && moneyCueBefore(text, c.s, lex.moneyCues)) {
      m.type = 'money';
      m.unit = currency ?? 'CNY';
    }
    // 月薪10k~15k: a range of bare amounts after a money noun counts money too.
    if (p.type === 'range' && p.unit === null && c.range?.high.shape === 'number' && moneyCueBefore(text, c.s, lex.moneyCues)) m.unit = currency ?? 'CNY';
    if (p.approx) m.approx = true;
    if (p.type === 'range' || p.type === 'ratio') {
      m.low = p.low ?? null;
      m.high = p.high ?? null;
    }
    if (MEASURED.has(p.type)) {
      const indicator = cueBefore(text, c.s, lex);
      if (indicator) m.indicator = indicator;
    }
    out.push(m);
  });
  return out;
}

/** True when [c.s, c.e) overlaps a blocked range at or after index b (ranges sorted by start). */
function overlapsFrom(blocked: readonly Match[], b: number, c: Match): boolean {
  for (let k = b; k < blocked.length && blocked[k]!.s < c.e; k++) if (blocked[k]!.e > c.s) return true;
  return false;
}

/** The nearest indicator cue ending before s in the same clause (longest at one position). */
function cueBefore(text: string, s: number, lex: FigureLexicon): string | null {
  const cues = lex.indicators;
  for (let p = s; p >= Math.max(1, s - CUE_WINDOW); p--) {
    const m = cues.matchEndingAt(text, p);
    if (m) return m.data;
    if (CLAUSE_BREAKS[text.charCodeAt(p - 1)] === 1) break;
  }
  return null;
}
