// The entity tagger's feature templates, defined once: features.ts writes them, scorer.ts lays them
// out, the trainer (src/tools/train-ner.ts) and the model file (model-io.ts) count them.
//
// A feature key is id * 2^48 + payload, so the ids are part of every key of dicts/ner/model.bin: they
// are the row numbers below (0, 1, 2 … dense), and renumbering them would make the shipped model
// mean something else. A new template goes at the end, with a retrained model.
//
// Each template has
//   - a name, the one features.ts writes it under (templateId('char-1') = 2);
//   - a group: what it looks at (characters, words, places, organisations, titles, lexicon, bias);
//   - a layout: how scorer.ts stores its weights (the scorer regroups the model by layout at load):
//       unigram   one character id; dense rows per id, the seven in window order (-3 … +3)
//       bigram    two adjacent ids; one entry per id pair, the four in window order
//       trigram   three adjacent ids; one entry per id triple, the three in window order
//       skip      the skip bigram, keyed as computed
//       word      a word's identity (hash); one entry per hash holding its rows
//       char-pos  the character id with its word's POS; a sorted list per id
//       always    small payloads that fire at every character; summed and memoised together
//       word-pos  the POS templates of the word a character sits in; summed and memoised together
//       rare      small payloads that seldom fire; added one by one
// Offsets are relative to the character (-1 the one before). Payloads are documented in features.ts.

/** What a template looks at. */
export type TemplateGroup = 'characters' | 'bias' | 'words' | 'places' | 'organisations' | 'titles' | 'lexicon';

/** How the scorer stores a template's weights (see the top of this file). */
export type TemplateLayout = 'unigram' | 'bigram' | 'trigram' | 'skip' | 'word' | 'char-pos' | 'always' | 'word-pos' | 'rare';

export interface FeatureTemplate {
  readonly id: number;
  readonly name: string;
  readonly group: TemplateGroup;
  readonly layout: TemplateLayout;
  /** What it sees, for people. */
  readonly about: string;
}

/** Every template, in id order (the row number is the id). */
export const FEATURE_TEMPLATES = [
  { id: 0, name: 'char-3', group: 'characters', layout: 'unigram', about: 'the character three before' },
  { id: 1, name: 'char-2', group: 'characters', layout: 'unigram', about: 'the character two before' },
  { id: 2, name: 'char-1', group: 'characters', layout: 'unigram', about: 'the character before' },
  { id: 3, name: 'char+0', group: 'characters', layout: 'unigram', about: 'the character itself' },
  { id: 4, name: 'char+1', group: 'characters', layout: 'unigram', about: 'the character after' },
  { id: 5, name: 'char+2', group: 'characters', layout: 'unigram', about: 'the character two after' },
  { id: 6, name: 'char+3', group: 'characters', layout: 'unigram', about: 'the character three after' },
  { id: 7, name: 'bigram-2-1', group: 'characters', layout: 'bigram', about: 'characters -2 -1' },
  { id: 8, name: 'bigram-1+0', group: 'characters', layout: 'bigram', about: 'characters -1 0' },
  { id: 9, name: 'bigram+0+1', group: 'characters', layout: 'bigram', about: 'characters 0 +1' },
  { id: 10, name: 'bigram+1+2', group: 'characters', layout: 'bigram', about: 'characters +1 +2' },
  { id: 11, name: 'trigram-2-1+0', group: 'characters', layout: 'trigram', about: 'characters -2 -1 0' },
  { id: 12, name: 'trigram-1+0+1', group: 'characters', layout: 'trigram', about: 'characters -1 0 +1' },
  { id: 13, name: 'trigram+0+1+2', group: 'characters', layout: 'trigram', about: 'characters 0 +1 +2' },
  { id: 14, name: 'skip-1+1', group: 'characters', layout: 'skip', about: 'characters -1 and +1' },
  { id: 15, name: 'char-types', group: 'characters', layout: 'always', about: 'types (CJK, digit, Latin …) of characters -2 … +2' },
  { id: 16, name: 'bias', group: 'bias', layout: 'always', about: 'fires everywhere' },
  { id: 17, name: 'word-pos', group: 'words', layout: 'word-pos', about: "the word's POS, the position in it (B/M/E/S)" },
  { id: 18, name: 'word', group: 'words', layout: 'word', about: 'the word (hashed), the position in it' },
  { id: 19, name: 'word-pos-prev', group: 'words', layout: 'word-pos', about: 'POS of the word before and of this one, the position' },
  { id: 20, name: 'word-pos-next', group: 'words', layout: 'word-pos', about: 'POS of the word after and of this one, the position' },
  { id: 21, name: 'word-pos-length', group: 'words', layout: 'word-pos', about: "the word's POS and length (to 7), the position" },
  { id: 22, name: 'word-before', group: 'words', layout: 'word', about: 'the word before (hashed), at a word start' },
  { id: 23, name: 'word-after', group: 'words', layout: 'word', about: 'the word after (hashed), at a word end' },
  { id: 24, name: 'char-word-pos', group: 'words', layout: 'char-pos', about: "the character with its word's POS and the position" },
  { id: 25, name: 'gazetteer-place', group: 'places', layout: 'rare', about: 'inside a place name: B/M/E/S and its kind' },
  { id: 26, name: 'gazetteer-place-window', group: 'places', layout: 'always', about: 'place-name tags of characters -1, 0, +1' },
  { id: 27, name: 'org-head-ending', group: 'organisations', layout: 'rare', about: 'an organisation head (…公司) ends here: length, strength' },
  { id: 28, name: 'org-head-next', group: 'organisations', layout: 'rare', about: 'an organisation head starts at the next character' },
  { id: 29, name: 'title-before', group: 'titles', layout: 'rare', about: 'a title (主任) ends just before: its length' },
  { id: 30, name: 'title-after', group: 'titles', layout: 'rare', about: 'a title starts just after: its length' },
  { id: 31, name: 'char-type-word-pos', group: 'words', layout: 'word-pos', about: "the character's type with its word's POS" },
  { id: 32, name: 'lexicon', group: 'lexicon', layout: 'rare', about: 'inside a name seen in training: B/M/E/S and its type' },
  { id: 33, name: 'lexicon-starting', group: 'lexicon', layout: 'rare', about: 'the longest such name starting here: length, type' },
  { id: 34, name: 'lexicon-ending', group: 'lexicon', layout: 'rare', about: 'the longest such name ending here: length, type' },
  { id: 35, name: 'lexicon-window', group: 'lexicon', layout: 'always', about: 'lexicon tags of characters -1, 0, +1 and the type' },
] as const satisfies readonly FeatureTemplate[];

export type TemplateName = (typeof FEATURE_TEMPLATES)[number]['name'];

/** Number of templates: a model is made for exactly this many (model-io.ts checks its header). */
export const NUM_TEMPLATES = FEATURE_TEMPLATES.length;

const ID_OF = new Map<string, number>(FEATURE_TEMPLATES.map((t) => [t.name, t.id]));

/** The id of the template called `name`. */
export function templateId(name: TemplateName): number {
  const id = ID_OF.get(name);
  if (id === undefined) throw new RangeError(`no feature template ${name}`);
  return id;
}

/** Ids of the templates with `layout`, ascending (their order within the layout). */
export function templatesLaidOut(layout: TemplateLayout): number[] {
  return FEATURE_TEMPLATES.filter((t) => t.layout === layout).map((t) => t.id);
}

/** Ids of the templates in `group`, ascending. */
export function templatesInGroup(group: TemplateGroup): number[] {
  return FEATURE_TEMPLATES.filter((t) => t.group === group).map((t) => t.id);
}

/** The template a feature key belongs to (key = id * 2^48 + payload). */
export function templateOfKey(key: number): number {
  return Math.floor(key / 281474976710656);
}

/** How many of `keys` each group has, for a training log:  "characters 180412, bias 1, words 30211 …". */
export function countByGroup(keys: Iterable<number>): string {
  const per = new Map<TemplateGroup, number>();
  for (const k of keys) {
    const group = FEATURE_TEMPLATES[templateOfKey(k)]?.group;
    if (group) per.set(group, (per.get(group) ?? 0) + 1);
  }
  return [...per].map(([g, c]) => `${g} ${c}`).join(', ');
}
