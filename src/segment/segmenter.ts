// The segmenter seam: what the pipeline needs from a word segmenter, so a fake can drive unit tests
// and jieba stays behind one module.

/** A word with its part-of-speech tag and UTF-16 offsets [s, e) in the text it came from. */
export interface WordToken {
  word: string;
  pos: string;
  s: number;
  e: number;
}

export interface SegmenterOptions {
  /** Use jieba's HMM to join unknown words. `tag` always does; plain `cut` only when asked. */
  hmm: boolean;
}

export interface Segmenter {
  /** Words with POS tags and offsets; the words reassemble `text` exactly. */
  tag(text: string): WordToken[];
  /** Adds words to the segmenter's dictionary (entities, slogans, news vocabulary). */
  addWords(words: Iterable<{ word: string; pos: string }>): void;
}
