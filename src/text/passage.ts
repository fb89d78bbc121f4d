// Passages: cleaned text with a map back to the raw document.
//
// Layout cuts a page into passages (paragraphs, headlines, bylines, ...). A passage's `text` is what
// the reader sees after line joining and letter-spacing removal; `map[i]` is the raw code-point offset
// of the character at UTF-16 index i of `text`. Every extractor works on passage text and reports
// UTF-16 indices into it; `toSpan` turns those into code-point spans of the raw document.
//
//   raw  "高质\n量发展"   text "高质量发展"   map [0, 1, 3, 4, 5]
//   toSpan(p, 1, 3) -> { start: 1, end: 4, text: "质量" }

import type { Span } from '../types.js';
import { foldWidth } from './chars.js';

export type PassageKind = 'paragraph' | 'headline' | 'subtitle' | 'byline' | 'marker' | 'caption';

export interface Passage {
  kind: PassageKind;
  /** Index of the article the passage belongs to; -1 for page furniture that belongs to none. */
  article: number;
  /** Cleaned text. */
  text: string;
  /** Analysis form of `text`, same length: full-width digits/letters/figure symbols folded. */
  norm: string;
  /** Raw code-point offset of each UTF-16 unit of `text` (both halves of a pair share one). */
  map: Int32Array;
}

/** Accumulates characters with their raw offsets; `build` makes the passage. */
export class PassageBuilder {
  // A string grown by concatenation (V8 keeps it as a rope) and a typed array doubled as needed:
  // a page builds tens of thousands of characters, and per-character arrays were most of its garbage.
  private text = '';
  private offsets = new Int32Array(64);

  get length(): number {
    return this.text.length;
  }

  /** Appends one character (one or two UTF-16 units) that stands at raw code point `rawCp`. */
  push(ch: string, rawCp: number): void {
    const at = this.text.length;
    if (at + ch.length > this.offsets.length) {
      const grown = new Int32Array(Math.max(this.offsets.length * 2, at + ch.length));
      grown.set(this.offsets);
      this.offsets = grown;
    }
    for (let k = 0; k < ch.length; k++) this.offsets[at + k] = rawCp;
    this.text += ch;
  }

  build(kind: PassageKind, article: number): Passage {
    const text = this.text;
    return { kind, article, text, norm: foldWidth(text), map: this.offsets.slice(0, text.length) };
  }
}

/** A passage whose text is a raw region taken verbatim (no cleaning): `text` starts at raw cp `rawStart`. */
export function verbatimPassage(text: string, rawStart: number, kind: PassageKind, article: number): Passage {
  const map = new Int32Array(text.length);
  let cp = rawStart;
  for (let i = 0; i < text.length; i++) {
    map[i] = cp;
    const c = text.charCodeAt(i);
    const d = text.charCodeAt(i + 1);
    // Only a well-formed pair is one code point; a lone surrogate counts as one on its own.
    if (c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) map[++i] = cp;
    cp++;
  }
  return { kind, article, text, norm: foldWidth(text), map };
}

/** Raw code-point span of passage text [s, e) (UTF-16 indices, e > s). */
export function rawRange(p: Passage, s: number, e: number): { start: number; end: number } {
  return { start: p.map[s]!, end: p.map[e - 1]! + 1 };
}

/** A document span for passage text [s, e): raw offsets, cleaned text. */
export function toSpan(p: Passage, s: number, e: number): Span {
  const { start, end } = rawRange(p, s, e);
  return { start, end, text: p.text.slice(s, e) };
}

/** Units [a, b) of a passage as a passage of their own (offsets from a; the map shared, not copied). */
export function slicePassage(p: Passage, a: number, b: number): Passage {
  if (a === 0 && b === p.norm.length) return p;
  return { ...p, text: p.text.slice(a, b), norm: p.norm.slice(a, b), map: p.map.subarray(a, b) };
}
