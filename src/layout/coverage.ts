// Accounting for every character: what the layout put in no passage and in no furniture range.
//
// Layout may drop whitespace (indentation, letter-spacing, line breaks) and nothing else: every other
// character of the input is in exactly one passage (paragraph, headline, subtitle, byline, marker,
// caption) or in a furniture range. `unassigned` counts the characters that are in neither — zero when
// nothing was lost — and `overlaps` those claimed twice.
//   "标题\n正文。" with passages "标题" [0,2) and "正文。" [3,6) -> { unassigned: 0, overlaps: 0 }

import type { LayoutResult } from './types.js';
import { isSpaceCode } from '../text/chars.js';

export interface Coverage {
  /** Non-whitespace code points of the input in no passage and no furniture range. */
  unassigned: number;
  /** Code points claimed by more than one passage or range. */
  overlaps: number;
}

/** One pass over the input and one over each passage: linear in the text. */
export function coverage(raw: string, layout: LayoutResult): Coverage {
  const cps = Array.from(raw, (c) => c.codePointAt(0)!);
  const owners = new Uint8Array(cps.length);
  const claim = (cp: number) => {
    if (cp >= 0 && cp < owners.length && owners[cp]! < 255) owners[cp]!++;
  };
  for (const p of layout.passages) {
    // Both halves of a surrogate pair map to one code point: claim it once; an inserted space (between
    // Latin words) stands on a whitespace code point, which is not counted.
    let last = -1;
    for (const cp of p.map) {
      if (cp !== last) claim(cp);
      last = cp;
    }
  }
  for (const [s, e] of layout.furniture ?? []) for (let k = s; k < e; k++) claim(k);
  let unassigned = 0;
  let overlaps = 0;
  cps.forEach((c, k) => {
    if (isSpaceCode(c)) return;
    if (owners[k] === 0) unassigned++;
    else if (owners[k]! > 1) overlaps++;
  });
  return { unassigned, overlaps };
}
