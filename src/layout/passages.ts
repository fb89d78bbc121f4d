// Passages built from pieces of raw lines: the cleaned text a reader sees, each character mapped back to
// its raw code point. Page and story layout both cut lines into pieces and build passages here.
//   pieces "意 义\n重大" (letter-spaced, wrapped) -> text "意义重大", map [0, 2, 4, 5]

import { PassageBuilder, type Passage, type PassageKind } from '../text/passage.js';
import { isLatinOrDigit, isSpace } from '../text/chars.js';

/** A piece of a line that belongs to a paragraph: raw UTF-16 [s, e). */
export interface Piece {
  line: number;
  s: number;
  e: number;
}

/** Builds the cleaned text of raw UTF-16 pieces: layout whitespace dropped, spaces between Latin words kept. */
export function buildPassage(raw: string, cps: Int32Array, pieces: Piece[], kind: PassageKind, article: number): Passage {
  const b = new PassageBuilder();
  for (const p of pieces) {
    let pendingSpace = -1;
    let prev = '';
    for (let i = p.s; i < p.e; ) {
      const code = raw.codePointAt(i)!;
      const ch = String.fromCodePoint(code);
      if (isSpace(ch)) {
        if (pendingSpace < 0) pendingSpace = i;
      } else {
        // "Hello World" keeps its space; "NHK 电视台" and "意 义" are letter-spacing.
        if (pendingSpace >= 0 && isLatinOrDigit(prev) && isLatinOrDigit(ch) && b.length > 0) b.push(' ', cps[pendingSpace]!);
        pendingSpace = -1;
        b.push(ch, cps[i]!);
        prev = ch;
      }
      i += ch.length;
    }
  }
  return b.build(kind, article);
}
