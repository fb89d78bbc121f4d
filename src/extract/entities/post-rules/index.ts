// Post-rules over the tagger's output, for patterns the character model gets wrong on news text: one
// rule family per file, run in the order of POST_RULES below (each file opens with its pattern,
// examples and reasons). All work in UTF-16 offsets of the width-folded passage text.
//
// The entity list stays sorted and disjoint throughout. Rules that add or replace entities as they scan
// go through an EntityCursor (entity-cursor.ts), rules that only read it through binary searches: no
// rule looks over the whole list per candidate, so a passage of millions of characters costs time in
// proportion to its length (docs/performance.md).
//
// With `explain`, every entity a rule added or changed carries the rule's name in `rules`, after the
// names its predecessors carried (merged spans collect theirs):
//   区政协党组书记、主席逯鹰 -> PER 逯鹰, titles [区政协党组书记, 主席], rules ['titles']

import type { WordToken } from '../../../segment/segmenter.js';
import type { EntityMatch } from '../../types.js';
import type { PostRule, RuleContext } from './lexicon.js';
import { KNOWN_NAMES } from './known-names.js';
import { LISTED_NAMES } from './listed-names.js';
import { BARE_REGIONS } from './bare-regions.js';
import { DOCTRINE_AUTHORS } from './doctrine-authors.js';
import { ADMIN_CHAINS } from './admin-chains.js';
import { ORG_EXTENSION } from './org-extension.js';
import { ORG_REPAIR } from './org-repair.js';
import { JOINT_BODIES } from './joint-bodies.js';
import { DEPARTMENTS } from './departments.js';
import { ZONES } from './zones.js';
import { PLACE_SUFFIXES } from './place-suffixes.js';
import { PERSON_WORDS } from './person-words.js';
import { DASHED_NAMES } from './dashed-names.js';
import { ORG_NAME_WORDS } from './org-name-words.js';
import { PLACES_NOT_PERSONS } from './places-not-persons.js';
import { BODIES_NOT_PLACES } from './bodies-not-places.js';
import { EDGES } from './edges.js';
import { NOT_ENTITIES } from './not-entities.js';
import { PLACE_COUNTS } from './place-counts.js';
import { FOREIGN_NAMES } from './foreign-names.js';
import { TITLES } from './titles.js';
import { TITLE_STARTS } from './title-starts.js';

export { loadLexicon, type Lexicon, type PostRule, type RuleContext } from './lexicon.js';
export { addKnownNames } from './known-names.js';
export { addListedNames } from './listed-names.js';
export { addRegions } from './bare-regions.js';
export { addDoctrineAuthors } from './doctrine-authors.js';
export { mergeAdminChains } from './admin-chains.js';
export { extendOrganisations } from './org-extension.js';
export { repairOrganisations } from './org-repair.js';
export { splitJointBodies } from './joint-bodies.js';
export { addDepartments } from './departments.js';
export { joinZones } from './zones.js';
export { joinPlaceSuffixes } from './place-suffixes.js';
export { snapPersons } from './person-words.js';
export { joinDashedNames } from './dashed-names.js';
export { snapToNameWords } from './org-name-words.js';
export { placesNotPersons } from './places-not-persons.js';
export { bodiesNotPlaces } from './bodies-not-places.js';
export { trimEdges } from './edges.js';
export { trimPlaceCounts } from './place-counts.js';
export { addTitledForeignNames } from './foreign-names.js';
export { attachTitles } from './titles.js';
export { startAfterTitles } from './title-starts.js';

/**
 * The post-rules in the order they run. Names first (dictionary names, congresses, regions, authors),
 * then places and bodies built up and cut back (chains, organisation names, departments, zones), then
 * persons, then types corrected, edges trimmed, stop-listed spans dropped, and titles attached last.
 */
export const POST_RULES: readonly PostRule[] = [
  KNOWN_NAMES,
  LISTED_NAMES,
  BARE_REGIONS,
  DOCTRINE_AUTHORS,
  ADMIN_CHAINS,
  ORG_EXTENSION,
  ORG_REPAIR,
  JOINT_BODIES,
  DEPARTMENTS,
  ZONES,
  PLACE_SUFFIXES,
  PERSON_WORDS,
  DASHED_NAMES,
  ORG_NAME_WORDS,
  PLACES_NOT_PERSONS,
  BODIES_NOT_PLACES,
  EDGES,
  NOT_ENTITIES,
  PLACE_COUNTS,
  FOREIGN_NAMES,
  TITLE_STARTS,
  TITLES,
];

export interface PostRuleOptions {
  /** Record on each entity the names of the rules that added or changed it (EntityMatch.rules). */
  explain?: boolean;
  /**
   * Names of rules not to run (POST_RULES' names; an unknown name throws): to measure what a rule
   * does by running without it (src/tools/audit-rules.ts), or to do without one convention.
   *   skip: ['titles'] -> 区政协主席逯鹰 gives PER 逯鹰 without titles
   */
  skip?: readonly string[];
}

/** The names of POST_RULES, in order. */
export const POST_RULE_NAMES: readonly string[] = POST_RULES.map((r) => r.name);

/** The tables the rules read: the gazetteers and the word lists of one dicts folder. */
export type RuleTables = Pick<RuleContext, 'gaz' | 'lex'>;

/** Runs the post-rules (all but options.skip); input and output are UTF-16 matches of the model over `text`. */
export function applyPostRules(
  text: string,
  words: readonly WordToken[],
  ents: EntityMatch[],
  { gaz, lex }: RuleTables,
  options: PostRuleOptions = {},
): EntityMatch[] {
  const skip = options.skip?.length ? skipSet(options.skip) : null;
  const c: RuleContext = { text, words, gaz, lex };
  let out = ents.map((x) => ({ ...x })).sort((a, b) => a.s - b.s || b.e - a.e);
  for (const rule of POST_RULES) {
    if (skip?.has(rule.name)) continue;
    const next = rule.apply(out, c);
    out = options.explain ? credit(out, next, rule.name) : next;
  }
  return out;
}

/** The rule names to skip, checked: a misspelt name would otherwise silently skip nothing. */
function skipSet(names: readonly string[]): Set<string> {
  const unknown = names.filter((n) => !POST_RULE_NAMES.includes(n));
  if (unknown.length) throw new Error(`unknown post-rule ${unknown.join(', ')}; the rules are: ${POST_RULE_NAMES.join(', ')}`);
  return new Set(names);
}

/**
 * `after` with `rule` added to the `rules` of every entity that is not in `before` as it was (same span,
 * type and titles): such an entity keeps the names of the entities of `before` it overlaps, then takes
 * the rule's. Both lists are sorted and disjoint, so one pass over the two does it.
 *   before 山东省[0,3) 青岛市[3,6), after 山东省青岛市[0,6), 'admin-chains' -> rules ['admin-chains']
 */
export function credit(before: readonly EntityMatch[], after: readonly EntityMatch[], rule: string): EntityMatch[] {
  const out: EntityMatch[] = [];
  let i = 0;
  for (const x of after) {
    while (i < before.length && before[i]!.e <= x.s) i++;
    let same: EntityMatch | undefined;
    const inherited: string[] = [];
    for (let j = i; j < before.length && before[j]!.s < x.e; j++) {
      const y = before[j]!;
      if (y.s === x.s && y.e === x.e && y.type === x.type && sameTitles(y.titles, x.titles)) same = y;
      for (const r of y.rules ?? []) if (!inherited.includes(r)) inherited.push(r);
    }
    if (same) out.push(same.rules && !x.rules ? { ...x, rules: same.rules } : x);
    else out.push({ ...x, rules: inherited.includes(rule) ? inherited : [...inherited, rule] });
  }
  return out;
}

function sameTitles(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (!a?.length || !b?.length) return !a?.length && !b?.length;
  return a.length === b.length && a.every((t, k) => t === b[k]);
}
