// The gazetteers in a dicts folder's ner/ (place names, organisation heads, titles) and the model's
// name lexicon, as the tries the entity features scan (char-trie.ts). Built by whoever owns the folder
// (a Pipeline's Resources), not kept here.

import type { DictFolder } from '../../dicts.js';
import { CharTrie } from './char-trie.js';

/** A name lexicon (names seen in the training data -> type number + 1), as tries both ways. */
export interface NameLexicon {
  forward: CharTrie;
  backward: CharTrie;
}

export function nameLexicon(entries: readonly (readonly [string, number])[]): NameLexicon | null {
  if (!entries.length) return null;
  return { forward: CharTrie.of(entries, 'points'), backward: CharTrie.of(entries, 'points', true) };
}

export interface Gazetteers {
  /** Place name -> kind (1 country, 2 province, 3 city, 4 region, 5 county, 6 town). */
  places: Map<string, number>;
  placeMax: number;
  /** Organisation head -> 1 weak, 2 strong. */
  orgHeads: Map<string, number>;
  orgMax: number;
  titles: Set<string>;
  titleMax: number;
  /** Tries over code points, for the features. */
  placeTrie: CharTrie;
  orgTrie: CharTrie;
  orgTrieBack: CharTrie;
  titleTrie: CharTrie;
  titleTrieBack: CharTrie;
  /** Reversed trie over UTF-16 code units, for the post-rules' scans over string offsets (the titles'
   * own is the post-rules lexicon's, with the heads the tagger does not read). */
  orgUnitsBack: CharTrie;
}

/** A place's kind, as the gazetteer files name it, to its number. */
export const PLACE_KINDS: Record<string, number> = { country: 1, province: 2, city: 3, region: 4, county: 5, town: 6 };

/** The gazetteers in the folder's ner/. */
export function loadGazetteers(dicts: DictFolder): Gazetteers {
  const places = new Map<string, number>();
  for (const r of dicts.read('ner/places.txt', 2)) places.set(r.fields[0]!, PLACE_KINDS[r.fields[1]!] ?? 4);
  // The generated division list (npm run build:divisions) fills in counties and towns; the hand-written
  // list's kinds win where both have a name.
  for (const r of dicts.read('ner/divisions.txt', 2)) if (!places.has(r.fields[0]!)) places.set(r.fields[0]!, PLACE_KINDS[r.fields[1]!] ?? 4);
  const orgHeads = new Map<string, number>();
  for (const r of dicts.read('ner/org-suffixes.txt', 2)) orgHeads.set(r.fields[0]!, r.fields[1] === 'strong' ? 2 : 1);
  const titles = new Set(dicts.read('ner/titles.txt').map((r) => r.fields[0]!));
  const titleEntries = [...titles].map((t) => [t, 1] as const);
  const maxLen = (keys: Iterable<string>) => Math.max(1, ...[...keys].map((k) => [...k].length));
  return {
    places,
    placeMax: maxLen(places.keys()),
    orgHeads,
    orgMax: maxLen(orgHeads.keys()),
    titles,
    titleMax: maxLen(titles),
    placeTrie: CharTrie.of(places, 'points'),
    orgTrie: CharTrie.of(orgHeads, 'points'),
    orgTrieBack: CharTrie.of(orgHeads, 'points', true),
    titleTrie: CharTrie.of(titleEntries, 'points'),
    titleTrieBack: CharTrie.of(titleEntries, 'points', true),
    orgUnitsBack: CharTrie.of(orgHeads, 'units', true),
  };
}
