// The gazetteers in a dicts folder's ner/ (place names, organisation heads, titles, and the generated
// name lists of organisations and persons) and the model's name lexicon, as the tries the entity
// features scan (char-trie.ts). Built by whoever owns the folder (a Pipeline's Resources), not kept here.
//
// The name lists (gaz-orgs.txt, gaz-persons.txt: npm run build:gazetteers) are read as a tag per
// code point, greedy longest match left to right, like the places:
//   markNames(gaz.orgNames, codes, n, tag, kind) on 他在招商银行开户 -> tag 0 0 1 2 2 3 0 0 (B M M E)
//   and kind ORG_NAME_KINDS.bank on 招商银行; nameListLabels('他在招商银行开户', 'orgs', gaz) -> B-bank ...

import { DictError, type DictFolder } from '../../dicts.js';
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
  /** Organisation names (gaz-orgs.txt) -> ORG_NAME_KINDS number, over code points; built on first use. */
  readonly orgNames: CharTrie;
  /** Person names (gaz-persons.txt) -> PERSON_NAME_KINDS number, over code points; built on first use. */
  readonly personNames: CharTrie;
}

/** A place's kind, as the gazetteer files name it, to its number. */
export const PLACE_KINDS: Record<string, number> = { country: 1, province: 2, city: 3, region: 4, county: 5, town: 6 };

/** Kinds of dicts/ner/gaz-orgs.txt to their numbers (the trie's values; 0 is no entry). */
export const ORG_NAME_KINDS: Readonly<Record<string, number>> = {
  bank: 1,
  'intl-org': 2,
  league: 3,
  club: 4,
  university: 5,
  media: 6,
  party: 7,
  company: 8,
  brand: 9,
};
/** Kinds of dicts/ner/gaz-persons.txt to their numbers. */
export const PERSON_NAME_KINDS: Readonly<Record<string, number>> = { leader: 1, foreign: 2, chinese: 3, translit: 4 };

/** A generated name list as a trie of name -> kind number; an unknown kind fails with file:line. */
export function nameListTrie(dicts: DictFolder, file: string, kinds: Readonly<Record<string, number>>): CharTrie {
  const entries = dicts.read(file, 2).map((r): [string, number] => {
    const kind = kinds[r.fields[1]!];
    if (kind === undefined) throw new DictError(`${file}:${r.line}: unknown kind "${r.fields[1]}" (one of ${Object.keys(kinds).join(', ')})`);
    return [r.fields[0]!, kind];
  });
  return CharTrie.of(entries, 'points');
}

/** Tag numbers markNames writes: none, begin, middle, end, single. */
export const NAME_TAG = { none: 0, B: 1, M: 2, E: 3, S: 4 } as const;

/**
 * Marks the entries of a name-list trie in codes[0 .. n): greedy longest match left to right, so each
 * code point is in at most one entry. tag[i] is NAME_TAG (B, M, E; S for a one-code entry) and kind[i]
 * the entry's kind number, both 0 outside entries; both arrays need n cells.
 */
export function markNames(trie: CharTrie, codes: ArrayLike<number>, n: number, tag: Uint8Array, kind: Uint8Array): void {
  tag.fill(0, 0, n);
  kind.fill(0, 0, n);
  for (let i = 0; i < n; ) {
    const len = trie.mayStart(codes[i]!) ? trie.longestAt(codes, n, i) : 0;
    if (len === 0) {
      i++;
      continue;
    }
    const k = trie.matchValue;
    for (let j = 0; j < len; j++) {
      tag[i + j] = len === 1 ? NAME_TAG.S : j === 0 ? NAME_TAG.B : j === len - 1 ? NAME_TAG.E : NAME_TAG.M;
      kind[i + j] = k;
    }
    i += len;
  }
}

/** markNames over a string, as readable labels per code point ('B-bank', 'E-leader', 'O'). */
export function nameListLabels(text: string, list: 'orgs' | 'persons', gaz: Gazetteers): string[] {
  const codes = Array.from(text, (c) => c.codePointAt(0)!);
  const n = codes.length;
  const tag = new Uint8Array(n);
  const kind = new Uint8Array(n);
  const kinds = list === 'orgs' ? ORG_NAME_KINDS : PERSON_NAME_KINDS;
  markNames(list === 'orgs' ? gaz.orgNames : gaz.personNames, codes, n, tag, kind);
  const kindName = new Map(Object.entries(kinds).map(([name, v]) => [v, name]));
  const letters = ['O', 'B', 'M', 'E', 'S'];
  return Array.from(tag, (t, i) => (t ? `${letters[t]}-${kindName.get(kind[i]!)}` : 'O'));
}

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
  let orgNames: CharTrie | null = null;
  let personNames: CharTrie | null = null;
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
    // Built on first use, from the same folder: the tagger's features do not read them yet, and every
    // Pipeline (in every worker) builds its gazetteers.
    get orgNames() {
      return (orgNames ??= nameListTrie(dicts, 'ner/gaz-orgs.txt', ORG_NAME_KINDS));
    },
    get personNames() {
      return (personNames ??= nameListTrie(dicts, 'ner/gaz-persons.txt', PERSON_NAME_KINDS));
    },
  };
}
