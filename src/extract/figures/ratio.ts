// Ratios and scores: 3比1, 1:1, 16:9, and 22:25 when a sports word in the clause says it is a score.
//
// A ratio's value is its two parts joined by a colon, the parts themselves in low / high (docs/output.md):
//   "以3比1获胜"        -> ratio "3:1"   (low 3, high 1)
//   "比例为1:1"         -> ratio "1:1"   (1:1 cannot be a clock: minutes take two digits)
//   "以22:25告负"       -> ratio "22:25" (a valid clock, but 告负 is a results verb)
//   "会议于22:25开始"   -> no ratio: a time (find.ts reads it)
// Knows nothing of the rest of the figure grammar: find.ts asks `ratioAt` right after a numeral.

import { digitAt, ideographAt, letterAt } from './chars.js';
import { lexNumeral, type Numeral, type Numerals } from './numerals.js';

export interface RatioParts {
  /** Where the second part ends. */
  e: number;
  low: Numeral;
  high: Numeral;
}

/** How far (UTF-16 units) a score cue may stand from the pair, within its clause. */
const CUE_WINDOW = 16;
const CLAUSE_BREAKS = new Set(['，', '。', '；', '！', '？', ',', ';', '!', '?', '\n']);
/** Words before a clock-like pair that make it a time whatever the clause says: 于22:25, 至22:30. */
const TIME_MARKS = new Set(['于', '在', '至', '到', '从', '自', '晚', '早', '午']);

/** A part of a ratio: a plain non-negative number with no hedge, not a digit string (一四). */
function partAt(nums: Numerals, t: string, p: number): Numeral | null {
  const n = lexNumeral(nums, t, p);
  if (!n || !n.valid || n.digits !== null || n.approx || n.negative || n.bareMagnitude || n.hasMagnitude) return null;
  return n;
}

/** Is the clock-like pair [s, e) a score? A cue of `cues` in its clause, and no time word right before it. */
function scoreContext(t: string, s: number, e: number, cues: readonly string[]): boolean {
  if (TIME_MARKS.has(t[s - 1] ?? '')) return false;
  let a = s;
  while (a > 0 && s - a < CUE_WINDOW && !CLAUSE_BREAKS.has(t[a - 1]!)) a--;
  let b = e;
  while (b < t.length && b - e < CUE_WINDOW && !CLAUSE_BREAKS.has(t[b]!)) b++;
  const clause = t.slice(a, s) + '\u0000' + t.slice(e, b);
  return cues.some((w) => clause.includes(w));
}

/** A plausible clock reading of "h:mm" (the pair that find.ts would otherwise take for a time). */
function clockLike(low: Numeral, high: Numeral): boolean {
  return low.plainDigits > 0 && low.plainDigits <= 2 && low.value <= 24 && high.plainDigits === 2 && high.value <= 59;
}

/**
 * The ratio whose first part is the numeral `low` (already read), when 比 or a colon follows it:
 * 3比1, 三比一, 1:1, 1：1, 22:25 (a score only in a sports clause). null when it is none.
 */
export function ratioAt(nums: Numerals, t: string, low: Numeral, scoreCues: readonly string[]): RatioParts | null {
  if (low.digits !== null || low.approx || low.negative || low.bareMagnitude || low.hasMagnitude) return null;
  const c = t[low.e];
  const colon = c === ':' || c === '：';
  if (c !== '比' && !colon) return null;
  // Colon pairs are written in digits on both sides; 比 takes any numerals (三比一).
  if (colon && (!low.arabic || !digitAt(t, low.e + 1))) return null;
  const high = partAt(nums, t, low.e + 1);
  if (!high || (colon && (high.chinese || !high.arabic))) return null;
  if (letterAt(t, high.e) || t[high.e] === ':' || t[high.e] === '：' || (t[high.e] === '.' && digitAt(t, high.e + 1))) return null;
  if (c === '比') {
    // 一比一 but not 一比较 / 三比三年前: the second part must not run into a measure of its own.
    if (ideographAt(t, high.e) && /[年月日个倍万亿]/.test(t[high.e]!)) return null;
    return { e: high.e, low, high };
  }
  if (clockLike(low, high) && !scoreContext(t, low.s, high.e, scoreCues)) return null;
  return { e: high.e, low, high };
}
