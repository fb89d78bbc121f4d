// The character-level entity tagger: features -> emission scores -> constrained Viterbi -> spans.
//
// Why an averaged structured perceptron rather than a CRF: with ~2 M training characters and a few
// million sparse features, a perceptron trains in seconds per epoch in plain TypeScript (one Viterbi
// pass and a sparse update per sentence, no forward-backward, no learning-rate schedule), averaging
// gives it CRF-like accuracy on sequence labelling, and the decoder is the same Viterbi a CRF would
// use. We need the best path, not calibrated marginals, so a CRF's extra cost buys nothing here.
//
// Tagging a passage allocates next to nothing: the passage's code points and words, its feature
// keys, the emission matrix and Viterbi's tables live in buffers owned by the tagger and reused.

import { readFileSync } from 'node:fs';
import type { WordToken } from '../../segment/segmenter.js';
import type { EntityMatch } from '../types.js';
import {
  CharVocab,
  FeatureKeys,
  Passage,
  computeKeys,
  nameLexicon,
  toCharText,
  type CharText,
  type CpWord,
  type Gazetteers,
  type NameLexicon,
} from './features.js';
import { ENTITY_LABEL_TYPES, NUM_LABELS, labelsToSpans } from './labels.js';
import { checkHeader, decodeModel, type NerModel } from './model-io.js';
import { viterbi } from './viterbi.js';
import { EmissionScorer } from './scorer.js';
import { CharTrie } from './char-trie.js';
import { PREPARED_PATH, readPrepared, type PreparedTagger } from './tables.js';
import { windows } from '../../text/windows.js';

export const DEFAULT_MODEL = 'ner/model.bin';

export interface TaggedChars {
  /** The text as code points. */
  chars: string[];
  /** UTF-16 offset of each code point (and of the end). */
  utf16: Int32Array;
  /** One BIOES label index per code point (see labels.ts). */
  labels: Uint8Array;
}

/**
 * Longest text (UTF-16 units) tagged in one piece. The tagger's buffers take ~600 bytes per character
 * (36 feature keys, 13 emission scores ...): one paragraph of a few thousand characters is nothing, but
 * a PDF page or a scraped file that comes as one 3-million-character line took 2 GB. News paragraphs
 * stay far below this, so their tags are those of the whole paragraph.
 */
export const WINDOW = 8192;

/** Where a window may end (windows.ts): after a sentence end, else after a comma or enumeration mark. */
const CUTS = [/[。！？；!?;\n]/, /[，、,]/];

/**
 * The windows the tagger tags `text` in, [a, b) tiling it. A run of them starting at 0 or at one of their
 * cuts is tagged the same on its own: the pipeline cuts a huge passage only there (text/windows.ts).
 */
export function taggerWindows(text: string): [number, number][] {
  return text.length <= WINDOW ? [[0, text.length]] : windows(text, WINDOW, CUTS);
}

export class EntityTagger {
  private readonly vocab: CharVocab;
  private readonly lexicon: NameLexicon | null;
  // Reused per passage (see the note at the top).
  private readonly passage = new Passage();
  private readonly keys = new FeatureKeys();
  private readonly scorer: EmissionScorer;
  private emit: Float64Array = new Float64Array(256 * NUM_LABELS);
  private labels: Uint8Array = new Uint8Array(256);

  private readonly trans: Float64Array;
  /** The decoded model, when the tagger was made from its tables without it (decoded on demand). */
  private decoded: NerModel | null = null;
  private readonly modelBytes: Buffer | null = null;

  /**
   * A tagger of `model`, or of prepared tables (tables.ts) with the bytes of the model file they were
   * made from (decoded only if someone asks for `model`).
   */
  constructor(
    model: NerModel | { prepared: PreparedTagger; modelBytes: Buffer },
    readonly gazetteers: Gazetteers,
  ) {
    const header = 'prepared' in model ? model.prepared.header : model.header;
    checkHeader(header);
    this.vocab = new CharVocab(header.chars);
    this.trans = Float64Array.from(header.trans);
    if ('prepared' in model) {
      const { scorer, lexicon } = model.prepared;
      this.modelBytes = model.modelBytes;
      this.lexicon = lexicon && { forward: CharTrie.fromParts(lexicon.forward), backward: CharTrie.fromParts(lexicon.backward) };
      this.scorer = new EmissionScorer(scorer);
    } else {
      this.decoded = model;
      this.lexicon = nameLexicon(header.lexicon ?? []);
      this.scorer = new EmissionScorer(model);
    }
  }

  /** The model's weights, as model-io.ts decodes them. */
  get model(): NerModel {
    return (this.decoded ??= decodeModel(this.modelBytes!));
  }

  /**
   * A tagger of the model file's `bytes` with the gazetteers of the same dicts folder. The committed
   * model comes with tables prepared by `npm run build` (tables.ts); they are used when they fit (their
   * fingerprint is the model's bytes, so a copy of the model in another folder fits too).
   */
  static fromBytes(bytes: Buffer, gazetteers: Gazetteers): EntityTagger {
    const prepared = readPrepared(PREPARED_PATH, bytes);
    return new EntityTagger(prepared ? { prepared, modelBytes: bytes } : decodeModel(bytes), gazetteers);
  }

  /** A tagger of the model file at `path` (tools that tag with another model file). */
  static load(path: string, gazetteers: Gazetteers): EntityTagger {
    return EntityTagger.fromBytes(readFileSync(path), gazetteers);
  }

  /** Was this tagger made from prepared tables? (For the tests and the benchmark.) */
  get fromPreparedTables(): boolean {
    return this.modelBytes !== null;
  }

  /** Labels of the loaded passage, in the tagger's own buffer (valid until the next call). */
  private decode(): Uint8Array {
    const p = this.passage;
    const n = p.n;
    if (this.labels.length < n) this.labels = new Uint8Array(Math.max(n, this.labels.length * 2));
    if (n === 0) return this.labels;
    computeKeys(p, this.vocab, this.gazetteers, this.lexicon, this.keys, false);
    this.emit = this.scorer.score(this.keys, n, this.emit);
    return viterbi(this.emit, n, this.trans, this.labels);
  }

  /** Labels for code points with jieba words in code-point offsets. */
  labelChars(chars: string[], words: readonly CpWord[]): Uint8Array {
    this.passage.loadChars(chars, words);
    return this.decode().slice(0, chars.length);
  }

  /** BIOES labels of `text` (width-folded), given jieba tokens of the same text in UTF-16 offsets. */
  tagChars(text: string, words: readonly WordToken[]): TaggedChars {
    const ct: CharText = toCharText(text);
    this.passage.load(text, words);
    return { ...ct, labels: this.decode().slice(0, ct.chars.length) };
  }

  /**
   * The model's entities in UTF-16 offsets [s, e), sorted, non-overlapping (no post-rules). A passage
   * longer than WINDOW is tagged window by window (text/windows.ts), so the buffers stay small.
   */
  tag(text: string, words: readonly WordToken[]): EntityMatch[] {
    if (text.length <= WINDOW) return this.tagWindow(text, words);
    const out: EntityMatch[] = [];
    let w = 0;
    for (const [a, b] of taggerWindows(text)) {
      // Words are in text order: those inside [a, b), shifted; one crossing a hard cut is left out.
      while (w < words.length && words[w]!.s < a) w++;
      const inside: WordToken[] = [];
      for (; w < words.length && words[w]!.e <= b; w++) inside.push({ ...words[w]!, s: words[w]!.s - a, e: words[w]!.e - a });
      for (const m of this.tagWindow(text.slice(a, b), inside)) out.push({ ...m, s: m.s + a, e: m.e + a });
    }
    return out;
  }

  /** Code points the tagger's buffers hold at present (for the tests: it stays near WINDOW). */
  get bufferedChars(): number {
    return this.labels.length;
  }

  private tagWindow(text: string, words: readonly WordToken[]): EntityMatch[] {
    const p = this.passage.load(text, words);
    const labels = this.decode().subarray(0, p.n);
    const utf16 = p.utf16;
    return labelsToSpans(labels).map(({ type, s, e }) => ({
      type: ENTITY_LABEL_TYPES[type]!,
      s: utf16[s]!,
      e: utf16[e]!,
    }));
  }
}
