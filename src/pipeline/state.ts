// What the pipeline's stages share: the analysis state they build up for one document, the options
// that steer them, and the shape of a stage — a named object that declares the state fields it
// reads (`requires`, `optional`) and writes (`produces`), so that a stage list can be checked when a
// Pipeline is built (check.ts) instead of by a comment.
//
//   { name: 'figures', requires: ['layout', 'referenceYear'], optional: ['slogans'], produces: ['figures'] }

import type { Keyword } from '../types.js';
import type { LayoutResult } from '../layout/types.js';
import type { EntityMatch, FigureMatch, SloganMatch } from '../extract/types.js';
import type { Segmenter, WordToken } from '../segment/segmenter.js';
import type { Resources } from '../resources.js';

/** The default stages, in their order (stages.ts). */
export const STAGE_NAMES = ['layout', 'segment', 'slogans', 'figures', 'entities', 'tokens', 'keywords'] as const;
export type StageName = (typeof STAGE_NAMES)[number];
/** Stages the command line may disable; layout is chosen with `layout` instead. */
export const OPTIONAL_STAGES: readonly StageName[] = ['segment', 'slogans', 'figures', 'entities', 'tokens', 'keywords'];

export interface AnalyzeOptions {
  /** 'auto': page reconstruction when the text looks like a page; 'page': always; 'none': running text. */
  layout: 'auto' | 'page' | 'none';
  /**
   * Stages of the list to skip, by name. A skipped stage's fields keep their empty defaults, and a
   * stage that reads them runs on that empty input (entities without segment: no words).
   */
  disable: readonly string[];
  /** Include the token list in the record. */
  tokens: boolean;
  /** Year that 今年 and month-only dates resolve to; default: the year the document states most. */
  referenceYear: number | null;
  /** Number of keywords per document. */
  keywords: number;
  /** Write on each entity the post-rules that added or changed it (`rules`; docs/output.md). */
  explain?: boolean;
  /** The dicts folder its Resources read (default the package's dicts/): an option, so worker threads get it. */
  dicts?: string;
  /**
   * A passage longer than this (UTF-16 units) is analysed window by window (see analyzeWindowed);
   * default WINDOW_CHARS, 0 never. Below the entity tagger's own window it counts as that.
   */
  windowChars?: number;
  /**
   * The stages to run, in order; default STAGES. Checked when the Pipeline is built (check.ts). Stage
   * objects hold functions: options with a stage list are not for worker threads.
   */
  stages?: readonly Stage[];
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
  /**
   * Its script, when the caller has settled it for a larger whole (`zhnews segment` reads a file line
   * by line and decides once per file); else the layout stage detects it.
   */
  script?: 'simplified' | 'traditional' | undefined;
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
  /** The script the caller settled (DocumentMeta.script), when it did. */
  givenScript?: 'simplified' | 'traditional' | undefined;
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

/** A field of the analysis state, as stages name what they read and write. */
export type StateField = keyof AnalysisState;

/** The fields the document and the options give before any stage runs. */
export const INPUT_FIELDS: readonly StateField[] = ['id', 'raw', 'encoding', 'date', 'title', 'fields', 'givenScript', 'options', 'part'];

export interface Stage {
  /** Unique in a pipeline; what `disable` names. */
  readonly name: string;
  /** Fields the stage reads that an earlier stage of the list must produce (or that are inputs). */
  readonly requires: readonly StateField[];
  /**
   * Fields the stage reads when they are there and does without otherwise (slogans for figures: a
   * figure inside a slogan is dropped). A stage of the list that produces one must come earlier.
   */
  readonly optional?: readonly StateField[];
  /** Fields the stage writes; only these may appear in what run returns. */
  readonly produces: readonly StateField[];
  /**
   * Runs over windows of a long passage (analyzeWindowed) and over groups of short passages, each seen
   * apart: true for stages whose findings stay within a window. Otherwise the stage runs once on the
   * whole document: before the windows when it comes first (layout), else after them.
   */
  readonly windowed?: boolean;
  run(state: Readonly<AnalysisState>, env: PipelineEnv): Partial<AnalysisState>;
  /**
   * The stage over a batch of documents, for a stage that gains from seeing the batch at once (runMany
   * calls it instead of run): one result per state, an Error for a document it failed on.
   */
  runMany?(states: readonly Readonly<AnalysisState>[], env: PipelineEnv): (Partial<AnalysisState> | Error)[];
  /**
   * For a windowed stage, what it does once on the whole document after its windows (the entities
   * stage: names the document introduced, found again in other paragraphs); `bounds[i]`: passage i's
   * word starts and ends (segment/bounds.ts), gathered from the windows.
   */
  afterWindows?(state: Readonly<AnalysisState>, bounds: readonly Uint8Array[]): Partial<AnalysisState>;
}

/** What the stages use besides the state: the segmenter and the Pipeline's knowledge (resources.ts). */
export interface PipelineEnv {
  segmenter: Segmenter;
  resources: Resources;
}
