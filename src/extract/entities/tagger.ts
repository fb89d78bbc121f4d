// The character-level entity tagger: features -> emission scores -> constrained Viterbi -> spans.
//
// Why an averaged structured perceptron rather than a CRF: with ~2 M training characters and a few
// million sparse features, a perceptron trains in seconds per epoch in plain TypeScript (one Viterbi
// pass and a sparse update per sentence, no forward-backward, no learning-rate schedule), averaging
// gives it CRF-like accuracy on sequence labelling, and the decoder is the same Viterbi a CRF would
// use. We need the best path, not calibrated marginals, so a CRF's extra cost buys nothing here.

import { readFileSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import { dictPath } from '../../paths.js';
import type { WordToken } from '../../segment/segmenter.js';
import type { EntityMatch } from '../types.js';
import {
  CharVocab,
  NUM_TEMPLATES,
  extractKeys,
  loadGazetteers,
  toCharText,
  toCpWords,
  type CharText,
  type CpWord,
  type Gazetteers,
  WordDict,
} from './features.js';
import { ENTITY_LABEL_TYPES, NUM_LABELS, labelsToSpans } from './labels.js';
import { decodeModel, type NerModel } from './model-io.js';
import { viterbi } from './viterbi.js';

export const DEFAULT_MODEL = 'ner/model.bin';

/** Emission scores (n x NUM_LABELS) of a character sequence under weights looked up by feature key. */
export function emissionScores(
  keys: Float64Array,
  n: number,
  lookup: (key: number) => number,
  weights: Float32Array | Float64Array,
): Float64Array {
  const L = NUM_LABELS;
  const NT = NUM_TEMPLATES;
  const emit = new Float64Array(n * L);
  for (let i = 0; i < n; i++) {
    const row = i * L;
    for (let t = 0; t < NT; t++) {
      const k = keys[i * NT + t]!;
      if (k < 0) continue;
      const f = lookup(k);
      if (f < 0) continue;
      const w = f * L;
      for (let l = 0; l < L; l++) emit[row + l]! += weights[w + l]!;
    }
  }
  return emit;
}

export interface TaggedChars {
  /** The text as code points. */
  chars: string[];
  /** UTF-16 offset of each code point (and of the end). */
  utf16: Int32Array;
  /** One BIOES label index per code point (see labels.ts). */
  labels: Uint8Array;
}

export class EntityTagger {
  private readonly vocab: CharVocab;
  private readonly lexicon: WordDict<number> | null;

  constructor(
    readonly model: NerModel,
    readonly gazetteers: Gazetteers = loadGazetteers(),
  ) {
    this.vocab = new CharVocab(model.header.chars);
    const lex = model.header.lexicon ?? [];
    this.lexicon = lex.length ? new WordDict(new Map(lex)) : null;
  }

  /** Loads a model file: a name under dicts/ (default ner/model.bin) or an absolute path. */
  static load(name = DEFAULT_MODEL): EntityTagger {
    return new EntityTagger(decodeModel(readFileSync(isAbsolute(name) ? name : dictPath(name))));
  }

  /** Labels for code points with jieba words in code-point offsets. */
  labelChars(chars: string[], words: readonly CpWord[]): Uint8Array {
    const n = chars.length;
    if (n === 0) return new Uint8Array(0);
    const keys = extractKeys(chars, words, this.vocab, this.gazetteers, this.lexicon);
    const table = this.model.table;
    const emit = emissionScores(keys, n, (k) => table.get(k), this.model.weights);
    return viterbi(emit, n, this.model.trans);
  }

  /** BIOES labels of `text` (width-folded), given jieba tokens of the same text in UTF-16 offsets. */
  tagChars(text: string, words: readonly WordToken[]): TaggedChars {
    const ct: CharText = toCharText(text);
    return { ...ct, labels: this.labelChars(ct.chars, toCpWords(ct, words)) };
  }

  /** The model's entities in UTF-16 offsets [s, e), sorted, non-overlapping (no post-rules). */
  tag(text: string, words: readonly WordToken[]): EntityMatch[] {
    const { utf16, labels } = this.tagChars(text, words);
    return labelsToSpans(labels).map(({ type, s, e }) => ({
      type: ENTITY_LABEL_TYPES[type]!,
      s: utf16[s]!,
      e: utf16[e]!,
    }));
  }
}
