// The analysis pipeline: named stages run in order over a document (or a small batch of documents,
// stage by stage: analyzeMany).
//
//   layout -> segment -> slogans -> figures -> entities -> tokens -> keywords
//
// Each stage reads the state built so far and returns only what it owns; the pipeline merges it.
// Extractors work on passages (cleaned text + offset map) and report UTF-16 matches; `assemble`
// turns every match into a code-point span of the raw input, so all offsets in the output record
// are offsets into the text as given. Stages other than layout can be switched off by name.

import type { DocumentRecord, Entity, Figure, Keyword, Slogan, Token } from './types.js';
import { SCHEMA_VERSION } from './types.js';
import type { LayoutResult } from './layout/types.js';
import type { EntityMatch, FigureMatch, SloganMatch } from './extract/types.js';
import type { Segmenter, WordToken } from './segment/segmenter.js';
import { layoutRunningText } from './layout/running-text.js';
import { layoutPage, looksLikePage } from './layout/page.js';
import { layoutStory } from './layout/story.js';
import { coverage } from './layout/coverage.js';
import { extractSlogans } from './extract/slogans/index.js';
import { documentCurrency, extractFigures } from './extract/figures/index.js';
import { finishEntities, tagEntities } from './extract/entities/index.js';
import { taggerWindows, WINDOW as TAGGER_WINDOW } from './extract/entities/tagger.js';
import { passageWindows } from './text/windows.js';
import { anyTaken, containedTest, coveredUnits, occurrences } from './text/lookups.js';
import { KeywordCounts, loadIdf, mayBeKeyword, topKeywords, type KeywordToken } from './keywords/tfidf.js';
import { JiebaSegmenter, jiebaIdfPath } from './segment/jieba.js';
import { mergeSpans, DEFAULT_MERGE } from './tokens/merge.js';
import { datelineDate, statedYear } from './layout/dates.js';
import { retokenize } from './segment/retokenize.js';
import { slicePassage, toSpan, type Passage } from './text/passage.js';
import { isTraditional, simplifiedName, toSimplified } from './normalize/script.js';
import { bySpan } from './text/spans.js';
import { wordBounds, WORD_END, WORD_START } from './segment/bounds.js';
import { creditSpans } from './layout/cues.js';

export { containedTest, occurrences };

export { statedYear };

export const STAGE_NAMES = ['layout', 'segment', 'slogans', 'figures', 'entities', 'tokens', 'keywords'] as const;
export type StageName = (typeof STAGE_NAMES)[number];
/** Stages that may be disabled; layout is chosen with `layout` instead. */
export const OPTIONAL_STAGES: readonly StageName[] = ['segment', 'slogans', 'figures', 'entities', 'tokens', 'keywords'];

export interface AnalyzeOptions {
  /** 'auto': page reconstruction when the text looks like a page; 'page': always; 'none': running text. */
  layout: 'auto' | 'page' | 'none';
  /** Stages to skip. A stage that needs a skipped one sees empty input (entities without segment). */
  disable: readonly StageName[];
  /** Include the token list in the record. */
  tokens: boolean;
  /** Year that 今年 and month-only dates resolve to; default: the year the document states most. */
  referenceYear: number | null;
  /** Number of keywords per document. */
  keywords: number;
  /** Write on each entity the post-rules that added or changed it (`rules`; docs/output.md). */
  explain?: boolean;
  /**
   * A passage longer than this (UTF-16 units) is analysed window by window (see analyzeWindowed);
   * default WINDOW_CHARS, 0 never. Below the entity tagger's own window it counts as that.
   */
  windowChars?: number;
}

export const DEFAULT_OPTIONS: AnalyzeOptions = {
  layout: 'auto',
  disable: [],
  tokens: false,
  referenceYear: null,
  keywords: 10,
};

/** What the input says about a document besides its text. */
export interface DocumentMeta {
  /** The encoding its bytes were decoded from. */
  encoding?: string | undefined;
  /** Its date from its input record (--date-field), ISO. */
  date?: string | undefined;
  /** Its headline from its input record (--title-field), carried apart from the text. */
  title?: string | undefined;
  /** Fields of its input record kept as they are (--keep-fields), for the record's `meta`. */
  fields?: Record<string, unknown> | undefined;
}

/** What the stages build up for one document; every per-passage array is indexed like `layout.passages`. */
export interface AnalysisState {
  id: string;
  raw: string;
  /** The encoding the input was decoded from, when known. */
  encoding: string | undefined;
  /** The document's date from its input record (--date-field), ISO, when known. */
  date: string | undefined;
  /** The headline from the input record (--title-field), when it is carried apart from the text. */
  title?: string | undefined;
  /** Input fields passed through to the record (--keep-fields). */
  fields: Record<string, unknown> | undefined;
  /** Traditional text is analysed through a Simplified copy of each passage (same length). */
  script: 'simplified' | 'traditional';
  /** True when the layout stage read the text as a newspaper page (not running text). */
  page: boolean;
  /** The year 今年 and month-day dates resolve to (referenceYearOf), settled once by the layout stage. */
  referenceYear: number | null;
  options: AnalyzeOptions;
  layout: LayoutResult;
  words: WordToken[][];
  slogans: SloganMatch[][];
  figures: FigureMatch[][];
  entities: EntityMatch[][];
  /** jieba's words with every number, entity and slogan made one token (as `zhnews segment` does). */
  tokens: WordToken[][];
  keywords: Keyword[];
  /** Set when the state holds windows of a longer document (analyzeWindowed): its whole text's currency. */
  part?: { currency: string | null };
}

export interface Stage {
  name: StageName;
  run(state: Readonly<AnalysisState>, env: PipelineEnv): Partial<AnalysisState>;
  /**
   * The stage over a batch of documents, for a stage that gains from seeing the batch at once (runMany
   * calls it instead of run): one result per state, an Error for a document it failed on.
   */
  runMany?(states: readonly Readonly<AnalysisState>[], env: PipelineEnv): (Partial<AnalysisState> | Error)[];
}

/** Shared, loaded-once resources the stages use. */
export interface PipelineEnv {
  segmenter: Segmenter;
}

/** What becomes one token in `tokens` and keywords: the segment command's default. */
const TOKEN_MERGE = new Set(DEFAULT_MERGE);

const perPassage = <T>(state: Readonly<AnalysisState>, f: (p: Passage, i: number) => T[]): T[][] =>
  state.layout.passages.map(f);

export const STAGES: readonly Stage[] = [
  {
    name: 'layout',
    run: (state) => {
      const { raw, options } = state;
      const page = options.layout === 'page' || (options.layout === 'auto' && looksLikePage(raw));
      const traditional = isTraditional(raw);
      // Not a page: a single story's head and tail are read (auto), or the text is taken as it is (none).
      const layout = page
        ? layoutPage(raw, traditional)
        : options.layout === 'auto' ? layoutStory(raw, traditional) : layoutRunningText(raw, traditional);
      // A headline carried apart from the text names the first article; it has no offsets, as it is not
      // in the text (a headline the layout read from the text stays a headline passage).
      if (state.title && layout.articles[0]) layout.articles[0] = { ...layout.articles[0], title: state.title };
      const referenceYear = referenceYearOf({ options, page, raw, date: state.date });
      if (!traditional) return { layout, script: 'simplified', page, referenceYear };
      const passages = layout.passages.map((p) => ({ ...p, norm: toSimplified(p.norm) }));
      return { layout: { ...layout, passages }, script: 'traditional', page, referenceYear };
    },
  },
  {
    name: 'segment',
    run: (state, env) => ({ words: perPassage(state, (p) => env.segmenter.tag(p.norm)) }),
  },
  {
    name: 'slogans',
    run: (state) => ({ slogans: perPassage(state, (p) => extractSlogans(p.norm)) }),
  },
  {
    name: 'figures',
    run: (state) => {
      const currency = state.part ? state.part.currency : documentCurrency(state.layout.passages.map((p) => p.norm));
      return {
        figures: perPassage(state, (p, i) => extractFigures(p.norm, { referenceYear: state.referenceYear, blocked: state.slogans[i] ?? [], currency })),
      };
    },
  },
  {
    name: 'entities',
    run: (state) => {
      const [result] = entityStage([state]);
      if (result instanceof Error) throw result;
      return result!;
    },
    runMany: (states) => entityStage(states),
  },
  {
    name: 'tokens',
    run: (state) => ({
      tokens: perPassage(state, (p, i) =>
        retokenize(
          state.words[i] ?? [],
          mergeSpans(p.norm, { slogans: state.slogans[i] ?? [], entities: state.entities[i] ?? [], figures: [] }, TOKEN_MERGE),
        ),
      ),
    }),
  },
  {
    name: 'keywords',
    run: (state) => {
      // Bylines say who wrote the story, not what it is about: their lines, datelines, editor and source
      // lines, and the names they give (also where a dateline gives them: 本报讯（记者 王晓明）) are no keywords.
      const bylineNames = new Set(state.layout.articles.flatMap((a) => [...a.reporters, ...a.correspondents]));
      return {
        keywords: topKeywords(
          state.tokens.flatMap((_, i) => keywordTokens(state, i, bylineNames)),
          loadIdf(jiebaIdfPath()),
          state.options.keywords,
        ),
      };
    },
  },
];

/**
 * The tokens of passage i that count towards keywords. Counted in the original characters (a
 * Traditional page keeps its own keywords); where the analysis text is the original, the token's own
 * string (already hashed by the tag lookup). A policy term counts as its term, whichever variant wrote
 * it (推动高质量发展 -> 高质量发展). `credits`: the passage's credit spans, when the passage is a
 * window of a longer one (they are read at the whole paragraph's head and tail).
 */
function keywordTokens(state: Readonly<AnalysisState>, i: number, bylineNames: ReadonlySet<string>, credits?: [number, number][]): KeywordToken[] {
  const p = state.layout.passages[i]!;
  if (p.kind === 'byline' || p.kind === 'marker') return [];
  const same = p.text === p.norm;
  credits ??= p.kind === 'paragraph' ? creditSpans(p.text) : [];
  const terms = new Map((state.slogans[i] ?? []).filter((m) => m.norm).map((m) => [m.s, m]));
  return (state.tokens[i] ?? [])
    .filter((t) => mayBeKeyword(t.pos, t.e - t.s) && !credits.some(([s, e]) => t.s < e && s < t.e))
    .map((t) => {
      const term = terms.get(t.s);
      if (term && term.e === t.e) return { word: term.norm!, pos: t.pos };
      return same ? { word: t.word, pos: t.pos } : { word: p.text.slice(t.s, t.e), pos: t.pos, norm: t.word };
    })
    .filter((t) => !bylineNames.has(t.word));
}

/**
 * The year 今年 and month-day dates resolve to: --year, else the year of the document's own date (its
 * record's --date-field: the day it was published), else for a newspaper page the year the page states
 * most (a page is one dated edition), else none: a paragraph quoted on its own may mention a year that
 * is not its date ("2026年目标……4月29日召开"), so its month-day dates stay "--04-29".
 */
export function referenceYearOf(state: Pick<AnalysisState, 'options' | 'page' | 'raw' | 'date'>): number | null {
  return state.options.referenceYear ?? (state.date ? Number(state.date.slice(0, 4)) : null) ?? (state.page ? statedYear(state.raw) : null);
}

/**
 * Entities of a batch of documents: the tagger over every passage first, then the post-rules (two sets
 * of tables that would otherwise take turns in the caches passage by passage: ~10 % of the stage).
 */
function entityStage(states: readonly Readonly<AnalysisState>[]): (Partial<AnalysisState> | Error)[] {
  const tagged = states.map((state) =>
    attempt(() => state.layout.passages.map((p, i) => (p.kind === 'byline' ? null : tagEntities(p.norm, state.words[i] ?? [])))),
  );
  return states.map((state, k) => {
    const found = tagged[k]!;
    if (found instanceof Error) return found;
    return attempt(() => {
      const entities = state.layout.passages.map((p, i) =>
        withReporters(state, p, finishEntities(p.norm, state.words[i] ?? [], found[i] ?? null, { explain: state.options.explain })),
      );
      if (state.part) return { entities };
      return { entities: knownPeopleAgain(state, entities, (i) => wordBounds(state.words[i] ?? [], state.layout.passages[i]!.norm.length)) };
    });
  });
}

/**
 * A person the document has introduced — in a byline, or next to a title (区政协党组书记、主席逯鹰) — is
 * the same person when the name comes back bare in a later paragraph (逯鹰在讲话中说), where the tagger,
 * without the title beside it, may miss it. Only such introduced names are carried, only onto whole
 * jieba words (刘腾 is not found inside 刘腾飞), and never over another entity.
 */
function knownPeopleAgain(state: Readonly<AnalysisState>, found: EntityMatch[][], boundsOf: (i: number) => Uint8Array): EntityMatch[][] {
  const names = new Set<string>();
  found.forEach((ms, i) => {
    const p = state.layout.passages[i]!;
    for (const m of ms) if (m.type === 'PER' && (p.kind === 'byline' || m.titles?.length) && m.e - m.s >= 2) names.add(p.norm.slice(m.s, m.e));
  });
  if (names.size === 0) return found;
  const list = [...names];
  return found.map((ms, i) => {
    const p = state.layout.passages[i]!;
    if (p.kind === 'byline') return ms;
    const bounds = boundsOf(i);
    const taken = coveredUnits(p.norm.length, ms);
    const added: EntityMatch[] = [];
    // Name by name in the order they were introduced, each where it occurs: an earlier name's
    // occurrence takes the place first.
    occurrences(p.norm, list).forEach((ats, k) => {
      const name = list[k]!;
      for (const at of ats) {
        const e = at + name.length;
        if (!(bounds[at]! & WORD_START) || !(bounds[e]! & WORD_END)) continue;
        if (anyTaken(taken, at, e)) continue;
        taken.fill(1, at, e);
        added.push({ s: at, e, type: 'PER', ...(state.options.explain ? { rules: ['known-people'] } : {}) });
      }
    });
    return added.length ? [...ms, ...added].sort((a, b) => a.s - b.s) : ms;
  });
}

/**
 * The article's reporters and correspondents, wherever their names stand in its passages (the byline,
 * or a dateline such as 新华社上海3月5日电（记者 孙立平 黄敏）), are PER entities with exactly those
 * spans; a tagger entity overlapping one gives way (it would have run the two names together:
 * 孙立平黄敏 once the letter-spacing is gone).
 */
function withReporters(state: Readonly<AnalysisState>, p: Passage, found: EntityMatch[]): EntityMatch[] {
  const article = state.layout.articles[p.article];
  if (!article) return found;
  const names: EntityMatch[] = [];
  for (const name of new Set([...article.reporters, ...article.correspondents])) {
    if (!name) continue;
    for (let at = p.text.indexOf(name); at >= 0; at = p.text.indexOf(name, at + name.length)) {
      names.push({ s: at, e: at + name.length, type: 'PER', ...(state.options.explain ? { rules: ['reporters'] } : {}) });
    }
  }
  if (names.length === 0) return found;
  const taken = coveredUnits(p.text.length, names);
  const rest = found.filter((m) => !anyTaken(taken, m.s, m.e));
  return [...rest, ...names].sort((a, b) => a.s - b.s);
}

/** One document to analyse: its id, its text, what its input says besides. */
export interface DocumentInput {
  id: string;
  raw: string;
  meta?: DocumentMeta;
}

/**
 * Documents analysed together, stage by stage (analyzeMany): at most this many, and no more once their
 * text reaches BATCH_CHARS UTF-16 units. Running one stage over several documents before the next keeps
 * that stage's tables in the caches — jieba's dictionary trie, the entity model's 13 MB of weights, the
 * gazetteers' tries, the IDF table — where running every stage over one document in turn had each evict
 * the others'. Measured on the bench corpus, same records byte for byte: 20–30 % less CPU time per
 * document from eight documents on (two: ~10 %); more than sixteen gains nothing.
 */
export const BATCH_DOCS = 8;
export const BATCH_CHARS = 1 << 18;

export class Pipeline {
  private readonly env: PipelineEnv;

  constructor(
    readonly options: AnalyzeOptions = DEFAULT_OPTIONS,
    env?: Partial<PipelineEnv>,
  ) {
    this.env = { segmenter: env?.segmenter ?? new JiebaSegmenter({ hmm: true }) };
  }

  analyze(id: string, raw: string, meta: DocumentMeta = {}): DocumentRecord {
    return assemble(this.run(id, raw, meta));
  }

  /** The whole analysis state (passages included), for views that render text with its annotations. */
  run(id: string, raw: string, meta: DocumentMeta = {}): AnalysisState {
    const [state] = this.runMany([{ id, raw, meta }]);
    if (state instanceof Error) throw state;
    return state!;
  }

  /**
   * Records of several documents (a batch: see BATCH_DOCS), in their order; a document whose analysis
   * throws gets its Error in its place, and the others are not affected.
   */
  analyzeMany(docs: readonly DocumentInput[]): (DocumentRecord | Error)[] {
    return this.runMany(docs).map((s) => (s instanceof Error ? s : attempt(() => assemble(s))));
  }

  /** The states of several documents, each stage run over all of them before the next (see BATCH_DOCS). */
  runMany(docs: readonly DocumentInput[]): (AnalysisState | Error)[] {
    let states: (AnalysisState | Error)[] = docs.map(({ id, raw, meta = {} }) => ({
      id,
      raw,
      encoding: meta.encoding,
      date: meta.date,
      title: meta.title,
      fields: meta.fields,
      script: 'simplified',
      page: false,
      referenceYear: null,
      options: this.options,
      layout: { articles: [], passages: [] },
      words: [],
      slogans: [],
      figures: [],
      entities: [],
      tokens: [],
      keywords: [],
    }));
    const [layout, ...rest] = STAGES;
    states = this.runStages(states, [layout!]);
    // A document with a passage longer than the window is analysed on its own, window by window.
    const max = windowCharsOf(this.options);
    const long = states.map((s) => !(s instanceof Error) && max > 0 && s.layout.passages.some((p) => p.norm.length > max));
    const others = this.runStages(states.filter((_, k) => !long[k]), rest);
    let k = 0;
    return states.map((s, j) => (long[j] ? attempt(() => this.analyzeWindowed(s as AnalysisState, max)) : others[k++]!));
  }

  /** `stages` in order over the documents, each stage over all of them before the next. */
  private runStages(states: (AnalysisState | Error)[], stages: readonly Stage[]): (AnalysisState | Error)[] {
    for (const stage of stages) {
      if (this.options.disable.includes(stage.name)) continue;
      if (stage.runMany) {
        const live = states.filter((s): s is AnalysisState => !(s instanceof Error));
        const results = attempt(() => stage.runMany!(live, this.env));
        let k = 0;
        states = states.map((state) => {
          if (state instanceof Error) return state;
          const r = results instanceof Error ? results : results[k++]!;
          return r instanceof Error ? r : { ...state, ...r };
        });
      } else {
        states = states.map((state) => (state instanceof Error ? state : attempt(() => ({ ...state, ...stage.run(state, this.env) }))));
      }
    }
    return states;
  }

  /**
   * The analysis of a document with a passage longer than `max`, window by window: the stages from
   * segment to tokens run over one window (or a group of short passages) at a time, and only what the
   * record keeps — slogans, figures, entities, and tokens when asked for — is kept, shifted back to
   * passage offsets; each window's words and tokens are let go before the next. What spans passages is
   * done on the whole: the currency the document names (figures), the names it introduces (entities:
   * from word bounds kept as one byte per unit), the keyword counts. Windows end where no stage's
   * span can cross (passageWindows), so the record is the one the whole passage would give.
   */
  private analyzeWindowed(state: AnalysisState, max: number): AnalysisState {
    const passages = state.layout.passages;
    const on = (name: StageName) => !this.options.disable.includes(name);
    const stages = STAGES.filter((x) => x.name !== 'layout' && x.name !== 'keywords' && on(x.name));
    const part = { currency: documentCurrency(passages.map((p) => p.norm)) };
    const slogans = passages.map((): SloganMatch[] => []);
    const figures = passages.map((): FigureMatch[] => []);
    const entities = passages.map((): EntityMatch[] => []);
    const tokens = passages.map((): WordToken[] => []);
    const bounds = on('entities') ? passages.map((p) => new Uint8Array(p.norm.length + 1)) : [];
    const counts = new KeywordCounts();
    const credits = new Map<number, [number, number][]>();
    const bylineNames = new Set(state.layout.articles.flatMap((a) => [...a.reporters, ...a.correspondents]));
    // Windows of long passages, and short passages whole, in groups of about `max` units.
    let group: { i: number; a: number; b: number }[] = [];
    let size = 0;
    const flush = () => {
      let w: AnalysisState = {
        ...state,
        part,
        layout: { articles: state.layout.articles, passages: group.map(({ i, a, b }) => slicePassage(passages[i]!, a, b)) },
        words: [], slogans: [], figures: [], entities: [], tokens: [], keywords: [],
      };
      for (const stage of stages) w = { ...w, ...stage.run(w, this.env) };
      group.forEach(({ i, a, b }, k) => {
        const shift = <T extends { s: number; e: number }>(m: T): T => ({ ...m, s: m.s + a, e: m.e + a });
        for (const m of w.slogans[k] ?? []) slogans[i]!.push(shift(m));
        for (const m of w.figures[k] ?? []) figures[i]!.push(shift(m));
        for (const m of w.entities[k] ?? []) entities[i]!.push(shift(m));
        if (this.options.tokens) for (const t of w.tokens[k] ?? []) tokens[i]!.push(shift(t));
        if (bounds[i]) {
          const wb = wordBounds(w.words[k] ?? [], b - a);
          for (let u = 0; u <= b - a; u++) bounds[i]![a + u]! |= wb[u]!;
        }
        if (on('keywords')) {
          if (!credits.has(i)) credits.set(i, passages[i]!.kind === 'paragraph' ? creditSpans(passages[i]!.text) : []);
          counts.add(keywordTokens(w, k, bylineNames, credits.get(i)!.map(([s, e]): [number, number] => [s - a, e - a])));
        }
      });
      group = [];
      size = 0;
    };
    passages.forEach((p, i) => {
      const cuts = p.norm.length > max ? passageWindows(p.norm, taggerWindows(p.norm), max) : [[0, p.norm.length] as [number, number]];
      for (const [a, b] of cuts) {
        group.push({ i, a, b });
        size += b - a;
        if (size >= max) flush();
      }
    });
    if (group.length) flush();
    return {
      ...state,
      slogans,
      figures,
      entities: on('entities') ? knownPeopleAgain(state, entities, (i) => bounds[i]!) : entities,
      tokens: this.options.tokens ? tokens : [],
      keywords: on('keywords') ? counts.top(loadIdf(jiebaIdfPath()), this.options.keywords) : [],
    };
  }
}

/**
 * Longest passage analysed in one piece by default (UTF-16 units): news paragraphs are far shorter;
 * a window holds a few MB of words and tokens.
 */
export const WINDOW_CHARS = 1 << 15;

/** The window length in effect: 0 (never), else at least one tagger window and one unit more. */
function windowCharsOf(options: AnalyzeOptions): number {
  const max = options.windowChars ?? WINDOW_CHARS;
  return max > 0 ? Math.max(max, TAGGER_WINDOW + 1) : 0;
}

/** f's result, or what it threw as an Error. */
function attempt<T>(f: () => T): T | Error {
  try {
    return f();
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

/**
 * A person's titles as the passage writes them. The post-rules read them off the analysis text (norm:
 * width-folded, and Simplified for a Traditional page), which has the passage text's length; each title
 * ends where the next begins, less a separating mark, the last one at the person: 立法會主席梁君彥
 * keeps 立法會主席, not 立法会主席.
 */
function asWritten(p: Passage, person: number, titles: readonly string[]): string[] {
  if (p.text === p.norm) return [...titles];
  const out = [...titles];
  let end = person;
  for (let k = titles.length - 1; k >= 0; k--) {
    const at = p.norm.lastIndexOf(titles[k]!, end - titles[k]!.length);
    if (at < 0) break; // not where it was read: keep the analysis form
    out[k] = p.text.slice(at, at + titles[k]!.length);
    end = at;
  }
  return out;
}

/**
 * Maps every passage match to a raw code-point span and builds the output record, its keys in the
 * order src/types.ts declares them (the schema's order; test/output/record-schema.test.ts checks it).
 */
export function assemble(state: AnalysisState): DocumentRecord {
  const entities: Entity[] = [];
  const figures: Figure[] = [];
  const slogans: Slogan[] = [];
  const tokens: Token[] = [];
  state.layout.passages.forEach((p, i) => {
    for (const m of state.entities[i] ?? []) {
      // norm: the form the analysis read (width-folded), in Simplified characters (陳茂波 -> 陈茂波), also
      // where a Simplified page writes a name in Traditional ones.
      entities.push({
        type: m.type,
        ...toSpan(p, m.s, m.e),
        ...(m.titles?.length ? { titles: asWritten(p, m.s, m.titles) } : {}),
        norm: simplifiedName(p.norm.slice(m.s, m.e)),
        ...(state.options.explain ? { rules: m.rules ?? [] } : {}),
      });
    }
    // A numeral inside an organisation's name is part of the name (附属第一医院, 第二中学), not a figure.
    const inOrg = containedTest((state.entities[i] ?? []).filter((x) => x.type === 'ORG'));
    for (const m of state.figures[i] ?? []) {
      if (inOrg(m.s, m.e)) continue;
      const { s, e, type, value, unit, ...extra } = m;
      figures.push({ type, ...toSpan(p, s, e), value, unit, ...extra });
    }
    for (const m of state.slogans[i] ?? []) slogans.push({ kind: m.kind, ...toSpan(p, m.s, m.e), canonical: m.canonical, ...(m.norm ? { norm: m.norm } : {}) });
    if (state.options.tokens) for (const w of state.tokens[i] ?? []) if (w.word.trim()) tokens.push({ ...toSpan(p, w.s, w.e), pos: w.pos });
  });
  const year = state.referenceYear;
  const record: DocumentRecord = {
    id: state.id,
    schemaVersion: SCHEMA_VERSION,
    ...(state.encoding ? { encoding: state.encoding } : {}),
    ...(state.script === 'traditional' ? { script: state.script } : {}),
    ...(state.date ? { date: state.date } : {}),
    ...(state.fields ? { meta: state.fields } : {}),
    articles: state.layout.articles.map((a) => ({
      // Rebuilt field by field: a fixed key order, whatever the layout stage produced.
      title: a.title,
      subtitle: a.subtitle,
      reporters: a.reporters,
      correspondents: a.correspondents,
      dateline: a.dateline,
      date: datelineDate(a.dateline, year),
      continued_from: a.continued_from,
      start: a.start,
      end: a.end,
      paragraphs: a.paragraphs,
    })),
    entities: entities.sort(bySpan),
    figures: figures.sort(bySpan),
    slogans: slogans.sort(bySpan),
    keywords: state.keywords,
    // Characters the layout put nowhere (docs/output.md): zero unless something was lost.
    unassigned: coverage(state.raw, state.layout).unassigned,
  };
  if (state.options.tokens) record.tokens = tokens.sort(bySpan);
  return record;
}
