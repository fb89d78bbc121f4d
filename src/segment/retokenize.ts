// Retokenisation around spans: what another stage found (an entity, a figure, a slogan, a number)
// becomes exactly one token, whatever the segmenter made of it.
//
//   words  国家 | 发展 | 改革委主任 | 郑 | 栅洁        spans  [0,7) ORG, [9,12) PER
//   ->     国家发展改革委/ORG | 主任 | 郑栅洁/PER
// A token that straddles a span edge is cut there (改革委主任 -> 改革委 + 主任; the piece outside keeps
// the token's tag); tokens inside a span are joined and take the span's tag; every other token is
// returned as it was. The result tiles the same text as the input. Overlapping spans are settled by
// the shared rule (longest first, then earliest), so the caller may pass them in any order.

import type { WordToken } from './segmenter.js';
import { resolveOverlaps } from '../text/spans.js';

/** A span to keep whole: UTF-16 [s, e) of the text the words came from, and the tag it gets. */
export interface TokenSpan {
  s: number;
  e: number;
  pos: string;
}

export function retokenize(words: readonly WordToken[], spans: readonly TokenSpan[]): WordToken[] {
  if (words.length === 0) return [];
  const valid = spans.filter((x) => Number.isInteger(x.s) && Number.isInteger(x.e) && x.s < x.e);
  if (valid.length === 0) return [...words];
  const kept = resolveOverlaps(valid.map((x) => ({ start: x.s, end: x.e, pos: x.pos })));

  const out: WordToken[] = [];
  let k = 0; // first span that may still touch the current position
  let open = -1; // the span whose joined token is the last one in `out`
  for (const w of words) {
    let s = w.s;
    while (s < w.e) {
      while (k < kept.length && kept[k]!.end <= s) k++;
      const span = kept[k];
      if (!span || span.start >= w.e) {
        out.push(piece(w, s, w.e, w.pos));
        open = -1;
        break;
      }
      if (span.start > s) {
        // The part of the token before the span keeps the token's tag.
        out.push(piece(w, s, span.start, w.pos));
        open = -1;
        s = span.start;
        continue;
      }
      // Inside the span: extend its token, or start it (also after a gap in the input tiling).
      const end = Math.min(span.end, w.e);
      const text = w.word.slice(s - w.s, end - w.s);
      const last = out[out.length - 1];
      if (open === k && last && last.e === s) {
        last.word += text;
        last.e = end;
      } else {
        out.push({ word: text, pos: span.pos, s, e: end });
        open = k;
      }
      s = end;
    }
  }
  return out;
}

/** The token's part [s, e): the token itself when whole (tokens are never changed once made). */
function piece(w: WordToken, s: number, e: number, pos: string): WordToken {
  return s === w.s && e === w.e ? w : { word: w.word.slice(s - w.s, e - w.s), pos, s, e };
}
