// The post-rules' word lists (a dicts folder's ner/), and the context every rule reads. Built by whoever
// owns the folder (a Pipeline's Resources), not kept here.
//
//   loadLexicon(dicts, gaz).known.get('东盟') -> 'ORG';  .departments: a trie of 人力资源和社会保障局 …

import type { DictFolder } from '../../../dicts.js';
import type { EntityType } from '../../../types.js';
import type { WordToken } from '../../../segment/segmenter.js';
import type { EntityMatch } from '../../types.js';
import { PLACE_KINDS, type Gazetteers } from '../features.js';
import { CharTrie } from '../char-trie.js';

export interface Lexicon {
  /** Known organisation names -> type. */
  known: Map<string, EntityType>;
  /** Verbs that stand inside body names (社会|治理|中心): org-name-words.txt. */
  orgWords: Set<string>;
  /** Words that make a head generic (上市|公司): generic-org-modifiers.txt. */
  genericModifiers: Set<string>;
  /** Region words that are LOC when they stand alone (来到|西部): bare-regions.txt. */
  bareRegions: Set<string>;
  /** Words that make a place + word one place (黄岛|口岸): place-suffixes.txt. */
  placeSuffixes: Set<string>;
  knownMax: number;
  notEntities: Set<string>;
  /** Cities and counties jieba lists as other words (冠县): divisions-words.txt, name -> place kind. */
  wordPlaces: Map<string, number>;
  /** Known names and gazetteer places, over UTF-16 code units: where addKnownNames may match. */
  names: CharTrie;
  /** Local government departments (departments.txt), over UTF-16 code units. */
  departments: CharTrie;
  /** Title heads attachTitles reads: titles.txt and titles-attach.txt. */
  titles: Set<string>;
  titleMax: number;
  /** The same, over UTF-16 code units, reversed: walked leftwards from a person. */
  titlesBack: CharTrie;
}

/** What a rule reads besides the entities: the passage's analysis text, its jieba words, the word lists. */
export interface RuleContext {
  text: string;
  words: readonly WordToken[];
  gaz: Gazetteers;
  lex: Lexicon;
}

/**
 * One post-rule: its name (what `--explain` shows on the entities it added or changed) and the rule
 * itself, sorted disjoint entities in, sorted disjoint entities out.
 */
export interface PostRule {
  name: string;
  apply(ents: EntityMatch[], c: RuleContext): EntityMatch[];
}

/** The post-rules' word lists in the folder's ner/, with the gazetteers `gaz` of the same folder. */
export function loadLexicon(dicts: DictFolder, gaz: Gazetteers): Lexicon {
  const known = new Map<string, EntityType>();
  for (const r of dicts.read('ner/known-names.txt', 2)) known.set(r.fields[0]!, r.fields[1] as EntityType);
  const notEntities = new Set(dicts.read('ner/not-entities.txt').map((r) => r.fields[0]!));
  const wordPlaces = new Map(dicts.read('ner/divisions-words.txt', 2).map((r) => [r.fields[0]!, PLACE_KINDS[r.fields[1]!] ?? 5]));
  const titles = new Set([...gaz.titles, ...dicts.read('ner/titles-attach.txt').map((r) => r.fields[0]!)]);
  const names = CharTrie.of(
    [
      ...[...known.keys()].map((k) => [k, 1] as const),
      ...[...gaz.places.keys()].map((k) => [k, 1] as const),
      ...[...wordPlaces.keys()].map((k) => [k, 1] as const),
    ],
    'units',
  );
  return {
    known,
    orgWords: new Set(dicts.read('ner/org-name-words.txt').map((r) => r.fields[0]!)),
    placeSuffixes: new Set(dicts.read('ner/place-suffixes.txt').map((r) => r.fields[0]!)),
    genericModifiers: new Set(dicts.read('ner/generic-org-modifiers.txt').map((r) => r.fields[0]!)),
    bareRegions: new Set(dicts.read('ner/bare-regions.txt').map((r) => r.fields[0]!)),
    knownMax: Math.max(1, ...[...known.keys()].map((k) => k.length)),
    notEntities,
    wordPlaces,
    names,
    departments: CharTrie.of(
      dicts.read('ner/departments.txt').map((r) => [r.fields[0]!, 1] as const),
      'units',
    ),
    titles,
    titleMax: Math.max(1, ...[...titles].map((t) => t.length)),
    titlesBack: CharTrie.of([...titles].map((t) => [t, 1] as const), 'units', true),
  };
}
