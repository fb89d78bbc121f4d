// The analysis pipeline: the runner. It runs a list of stages (pipeline/stages.ts; default STAGES)
// in order over a document, or over a small batch of documents stage by stage (analyzeMany):
//
//   layout -> segment -> slogans -> figures -> entities -> tokens -> keywords
//
// Each stage declares the state fields it reads and writes (pipeline/state.ts); the list is checked
// when the Pipeline is built (pipeline/check.ts), and a stage can be disabled by name. Each returns
// only what it owns; the runner merges it. Extractors work on passages (cleaned text + offset map) and
// report UTF-16 matches; `assemble` turns every match into a code-point span of the raw input, so all
// offsets in the output record are offsets into the text as given.

import type { DocumentRecord, Entity, Figure, Slogan, Token } from './types.js';
import { SCHEMA_VERSION } from './types.js';
import type { EntityMatch, FigureMatch, SloganMatch } from './extract/types.js';
import type { WordToken } from './segment/segmenter.js';
import type { AnalysisState, AnalyzeOptions, DocumentMeta, PipelineEnv, Stage } from './pipeline/state.js';
import { DEFAULT_OPTIONS } from './pipeline/state.js';
import { attempt, bylineNames, creditsOf, keywordTokens, STAGES } from './pipeline/stages.js';
import { checkStages } from './pipeline/check.js';
import { coverage } from './layout/coverage.js';
import { documentCurrency } from './extract/figures/index.js';
import { taggerWindows, WINDOW as TAGGER_WINDOW } from './extract/entities/tagger.js';
import { passageWindows } from './text/windows.js';
import { containedTest, occurrences } from './text/lookups.js';
import { KeywordCounts, loadIdf } from './keywords/tfidf.js';
import { JiebaSegmenter, jiebaIdfPath } from './segment/jieba.js';
import { datelineDate, statedYear } from './layout/dates.js';
import { slicePassage, toSpan, type Passage } from './text/passage.js';
import { simplifiedName } from './normalize/script.js';
import { bySpan } from './text/spans.js';
import { wordBounds } from './segment/bounds.js';
import { Resources } from './resources.js';

export { containedTest, occurrences };

export { statedYear };

export { STAGE_NAMES, OPTIONAL_STAGES, DEFAULT_OPTIONS, INPUT_FIELDS } from './pipeline/state.js';
export type { AnalysisState, AnalyzeOptions, DocumentMeta, PipelineEnv, Stage, StageName, StateField } from './pipeline/state.js';
export {
  STAGES, layoutStage, verbatimLayout, segmentStage, slogansStage, figuresStage, entitiesStage, tokensStage, keywordsStage, softFailing, segmentationStages, referenceYearOf,
} from './pipeline/stages.js';
export { checkStages, StageOrderError } from './pipeline/check.js';

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
  /** What its stages use: the segmenter and the knowledge (Resources). */
  readonly env: PipelineEnv;
  /** The stages that run, in order: the list less the disabled ones. */
  private readonly stages: readonly Stage[];
  /** The leading stages that are not windowed: they run on the whole document and make its passages. */
  private readonly head: readonly Stage[];

  /**
   * Its own Resources (from options.dicts), loaded as the stages need them, unless `setup` hands it some
   * to share. Throws StageOrderError when the stage list (options.stages, default STAGES) is not in order.
   */
  constructor(
    readonly options: AnalyzeOptions = DEFAULT_OPTIONS,
    setup: Partial<PipelineEnv> = {},
  ) {
    const list = options.stages ?? STAGES;
    checkStages(list, options.disable);
    this.stages = list.filter((s) => !options.disable.includes(s.name));
    const first = this.stages.findIndex((s) => s.windowed);
    this.head = first < 0 ? this.stages : this.stages.slice(0, first);
    this.env = { segmenter: setup.segmenter ?? new JiebaSegmenter({ hmm: true }), resources: setup.resources ?? new Resources(options.dicts) };
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
      ...(meta.script ? { givenScript: meta.script } : {}),
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
    states = this.runStages(states, this.head);
    // A document with a passage longer than the window is analysed on its own, window by window.
    const max = windowCharsOf(this.options);
    const long = states.map((s) => !(s instanceof Error) && max > 0 && s.layout.passages.some((p) => p.norm.length > max));
    const others = this.runStages(states.filter((_, k) => !long[k]), this.stages.slice(this.head.length));
    let k = 0;
    return states.map((s, j) => (long[j] ? attempt(() => this.analyzeWindowed(s as AnalysisState, max)) : others[k++]!));
  }

  /** `stages` in order over the documents, each stage over all of them before the next. */
  private runStages(states: (AnalysisState | Error)[], stages: readonly Stage[]): (AnalysisState | Error)[] {
    for (const stage of stages) {
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
   * The analysis of a document with a passage longer than `max`, window by window: the windowed stages
   * (segment to tokens) run over one window (or a group of short passages) at a time, and only what
   * the record keeps — slogans, figures, entities, and tokens when asked for — is kept, shifted back to
   * passage offsets; each window's words and tokens are let go before the next. What spans passages is
   * done on the whole: the currency the document names (figures), each stage's afterWindows (entities:
   * the names the document introduces, from word bounds kept as one byte per unit), the keyword counts
   * (gathered window by window: the tokens are not kept), then any other stage after the windowed
   * ones. Windows end where no stage's span can cross (passageWindows), so the record is the one the
   * whole passage would give.
   */
  private analyzeWindowed(state: AnalysisState, max: number): AnalysisState {
    const passages = state.layout.passages;
    const rest = this.stages.slice(this.head.length);
    const windowed = rest.filter((x) => x.windowed);
    const finishers = windowed.filter((x) => x.afterWindows);
    const keywords = rest.some((x) => !x.windowed && x.produces.includes('keywords'));
    const after = rest.filter((x) => !x.windowed && !x.produces.includes('keywords'));
    // The figure and stop-word tables are read only when a stage asks for them (a dicts folder may lack them).
    const figuring = windowed.some((x) => x.produces.includes('figures'));
    const part = { currency: figuring ? documentCurrency(passages.map((p) => p.norm), this.env.resources.figures()) : null };
    const slogans = passages.map((): SloganMatch[] => []);
    const figures = passages.map((): FigureMatch[] => []);
    const entities = passages.map((): EntityMatch[] => []);
    const tokens = passages.map((): WordToken[] => []);
    const bounds = finishers.length ? passages.map((p) => new Uint8Array(p.norm.length + 1)) : [];
    const counts = new KeywordCounts(keywords ? this.env.resources.stopWords() : new Set());
    const credits = new Map<number, [number, number][]>();
    const byline = bylineNames(state);
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
      for (const stage of windowed) w = { ...w, ...stage.run(w, this.env) };
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
        if (keywords) {
          if (!credits.has(i)) credits.set(i, creditsOf(passages[i]!, this.env.resources.layoutCues()));
          counts.add(keywordTokens(w, k, byline, credits.get(i)!.map(([s, e]): [number, number] => [s - a, e - a])));
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
    let whole: AnalysisState = {
      ...state,
      slogans,
      figures,
      entities,
      tokens: this.options.tokens ? tokens : [],
      keywords: keywords ? counts.top(loadIdf(jiebaIdfPath()), this.options.keywords) : [],
    };
    for (const stage of finishers) whole = { ...whole, ...stage.afterWindows!(whole, bounds) };
    for (const stage of after) whole = { ...whole, ...stage.run(whole, this.env) };
    return whole;
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
