// Entities never start or end on punctuation or space; a quoted part of a body's name stays.
//   ”工委组织部        -> ORG 工委组织部
//   “春蕾计划”办公室    -> ORG “春蕾计划”办公室 (the mark opens and closes inside the name)
//   读者》杂志社 after 《 -> ORG 《读者》杂志社 (grows to take its opening mark)
// Why: the model's spans may take in a neighbouring mark; quotation marks inside a name are its own.

import type { EntityMatch } from '../../types.js';
import type { PostRule } from './lexicon.js';
import { overlapsIn } from './entity-cursor.js';

/** Entities never start or end on punctuation or space: ”工委组织部 -> 工委组织部. */
export function trimEdges(text: string, ents: EntityMatch[]): EntityMatch[] {
  const out: EntityMatch[] = [];
  for (const x0 of ents) {
    const x = x0.type === 'ORG' ? balanceQuotes(text, x0, ents) : x0;
    const t = text.slice(x.s, x.e);
    let lead = /^[\p{P}\p{S}\s]+/u.exec(t)?.[0].length ?? 0;
    const trail = /[\p{P}\p{S}\s]+$/u.exec(t)?.[0].length ?? 0;
    // An opening mark closed inside the name is part of it: “春蕾计划”办公室, 《读者》杂志社.
    if (lead === 1 && trail < t.length - 1) {
      const close = CLOSER[t[0]!];
      const at = close ? t.indexOf(close, 1) : -1;
      if (at > 0 && at < t.length - trail - 1) lead = 0;
    }
    if (lead + trail >= t.length) continue;
    out.push(lead || trail ? { ...x, s: x.s + lead, e: x.e - trail } : x);
  }
  return out;
}

/** Opening mark -> closing mark (book titles too, unlike the slogans' quotes), and the reverse. */
const CLOSER: Record<string, string> = { '《': '》', '“': '”', '『': '』', '「': '」', '‘': '’' };
const OPENER: Record<string, string> = Object.fromEntries(Object.entries(CLOSER).map(([o, c]) => [c, o]));

/**
 * An ORG holding a closing mark whose opening mark lies just before it grows to take it: the model's
 * 读者》杂志社 of 《读者》杂志社 (no further than 20 characters back, not past other punctuation or an entity).
 */
function balanceQuotes(text: string, x: EntityMatch, ents: readonly EntityMatch[]): EntityMatch {
  for (let i = x.s; i < x.e; i++) {
    const open = OPENER[text[i]!];
    if (!open) continue;
    if (occursIn(text, open, x.s, i)) continue; // opened inside
    for (let j = x.s - 1; j >= 0 && j >= x.s - 20; j--) {
      const c = text[j]!;
      if (c === open) return overlapsIn(ents, j, x.s) ? x : { ...x, s: j };
      if (/[\p{P}\s]/u.test(c)) break;
    }
    return x;
  }
  return x;
}

/** Does the one-unit string `ch` stand in text[from, to)? (Bounded: lastIndexOf would search to the text's start.) */
function occursIn(text: string, ch: string, from: number, to: number): boolean {
  const c = ch.charCodeAt(0);
  for (let k = from; k < to; k++) if (text.charCodeAt(k) === c) return true;
  return false;
}

export const EDGES: PostRule = { name: 'edges', apply: (ents, c) => trimEdges(c.text, ents) };
