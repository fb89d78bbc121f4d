// Where words start and end in a passage, as bit flags per UTF-16 offset: the post-rules ask "does a
// word start here, end there?" many times a passage, and a Set of offsets per passage was a large part
// of all allocation.

import type { WordToken } from './segmenter.js';

export const WORD_START = 1;
export const WORD_END = 2;

let buffer = new Uint8Array(1024);

/**
 * Flags for offsets 0..length (WORD_START, WORD_END; 0 past the words). The array is shared and
 * overwritten by the next call: read it before calling again.
 */
export function wordBounds(words: readonly WordToken[], length: number): Uint8Array {
  if (buffer.length < length + 1) buffer = new Uint8Array(Math.max(length + 1, buffer.length * 2));
  buffer.fill(0, 0, length + 1);
  for (const w of words) {
    if (w.s >= 0 && w.s <= length) buffer[w.s]! |= WORD_START;
    if (w.e >= 0 && w.e <= length) buffer[w.e]! |= WORD_END;
  }
  return buffer;
}
