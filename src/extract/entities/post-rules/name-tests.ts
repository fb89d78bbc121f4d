// Questions several post-rules ask of a piece of text: does it end in an organisation head, a title, a
// congress; does a gazetteer place open it. Each is a walk of a trie or a few dictionary lookups.
//
//   endsInHead('区教育局') -> true (局);  endsInStrongHead('浙江大学') -> true;
//   endsInTitle('美国总统') -> true;  startsWithPlace('青岛开发区管委会', 0, 8) -> true (青岛)

import type { Gazetteers } from '../features.js';
import type { CharTrie } from '../char-trie.js';

/** The end of a congress's name, full (代表大会) or short (十五大). */
export const CONGRESS_END = /(?:代表大会|[一二三四五六七八九十]大)$/;

/** The strongest organisation head the name ends in: 2 strong (…大学), 1 weak (…会), 0 none. */
export function headAtEnd(name: string, gaz: Gazetteers): number {
  let best = 0;
  for (let k = Math.min(gaz.orgMax, name.length); k >= 1 && best < 2; k--) best = Math.max(best, gaz.orgHeads.get(name.slice(-k)) ?? 0);
  return best;
}

/** Does the name end in an organisation head, weak or strong, or a congress (十五大)? */
export function endsInHead(name: string, gaz: Gazetteers): boolean {
  return headAtEnd(name, gaz) > 0 || CONGRESS_END.test(name);
}

export function endsInStrongHead(name: string, gaz: Gazetteers): boolean {
  return headAtEnd(name, gaz) === 2;
}

/** Does a word end in a title head (总统, 外长, 发言人 …) of `titles`, none longer than `max`? */
export function endsInTitle(word: string, titles: ReadonlySet<string>, max: number): boolean {
  for (let k = Math.min(max, word.length); k >= 1; k--) if (titles.has(word.slice(-k))) return true;
  return false;
}

/** Does a gazetteer place start at s and end before e? */
export function startsWithPlace(text: string, s: number, e: number, names: CharTrie, gaz: Gazetteers): boolean {
  return placeEndsIn(text, s, s + 1, e - 1, names, gaz);
}

/** Does a gazetteer place start at ps and end in (lo, hi]? One walk of the names trie (places and known names). */
export function placeEndsIn(text: string, ps: number, lo: number, hi: number, names: CharTrie, gaz: Gazetteers): boolean {
  for (let node = 0, k = ps; k < hi; k++) {
    node = names.child(node, text.charCodeAt(k));
    if (node < 0) return false;
    if (k + 1 > lo && names.isTerminal(node) && gaz.places.has(text.slice(ps, k + 1))) return true;
  }
  return false;
}
