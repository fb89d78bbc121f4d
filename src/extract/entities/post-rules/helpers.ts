// What several post-rules share: word lookups by offset, the word classes more than one rule reads,
// and adding an entity through the cursor. Lookups are binary searches or one typed array per passage,
// never a scan of the whole list per candidate: a passage of millions of characters costs time in
// proportion to its length (docs/performance.md).
//
//   wordIndexAt(山东|大学, 3) -> 1 (大学 covers offset 3);
//   addUnlessCrossing(list, 'ORG', 0, 7) over 工业和[0,3) 信息化部[3,7) -> one ORG [0,7)

import type { EntityType } from '../../../types.js';
import type { WordToken } from '../../../segment/segmenter.js';
import type { EntityCursor } from './entity-cursor.js';

/**
 * Index of the last word starting at or before `pos` (jieba tokens come in text order), or -1: the
 * word covering pos, if any word does.
 */
export function wordIndexAt(words: readonly WordToken[], pos: number): number {
  let lo = 0;
  let hi = words.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (words[mid]!.s <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The word ending at each UTF-16 offset (the last such word): a typed array in place of a Map from
 * end offsets, built only when a rule first asks (most passages need none) and in a buffer reused
 * from call to call.
 */
export class WordEnds {
  private static buf = new Int32Array(1024);
  private idx: Int32Array | null = null;
  constructor(
    private readonly words: readonly WordToken[],
    private readonly len: number,
  ) {}
  at(pos: number): WordToken | undefined {
    if (!this.idx) {
      if (WordEnds.buf.length < this.len + 1) WordEnds.buf = new Int32Array(Math.max(this.len + 1, WordEnds.buf.length * 2));
      const idx = (this.idx = WordEnds.buf);
      idx.fill(-1, 0, this.len + 1);
      for (let k = 0; k < this.words.length; k++) {
        const e = this.words[k]!.e;
        if (e >= 0 && e <= this.len) idx[e] = k;
      }
    }
    const k = pos >= 0 && pos <= this.len ? this.idx[pos]! : -1;
    return k >= 0 ? this.words[k] : undefined;
  }
}

/** Administrative unit endings: a LOC ending so is the head of a chain that may continue. */
export const ADMIN_END = /(?:省|市|县|区|州|盟|旗|镇|乡|村|街道|自治区|自治州|自治县|特别行政区)$/;

/** Dashes: between two parties of one name (中国—中亚合作中心) or two parts of one person's (让—皮埃尔). */
export const DASHES = new Set(['—', '－', '-', '–']);
/** Conjunctions an organisation name may hold (区委非公有制经济组织和社会组织工委). */
export const CONJUNCTIONS = new Set(['和', '与', '及', '暨']);
/** Words that may stand inside an organisation name between a named head and its suffix. */
export const NAME_POS = new Set(['n', 'nz', 'nt', 'ns', 'nrt', 'j', 'b', 'vn', 'eng', 'l', 'an', 'ng']);

/** What addUnlessCrossing and extendOverHead did: added (or changed) an entity, or found it there. */
export const ADDED = 1;
export const THERE = 2;

/**
 * Puts {type, s, e} in place of the entities inside it (ADDED); THERE when exactly that span is there;
 * null when it crosses an entity or lies inside one. (A function of its own: closures in
 * addKnownNames' loop would capture its loop variable, a context allocated per character.)
 */
export function addUnlessCrossing(list: EntityCursor, type: EntityType, s: number, e: number, retype = false): typeof ADDED | typeof THERE | null {
  const touching = list.touching(s, e);
  if (touching.some((x) => x.s < s || x.e > e)) return null;
  if (touching.length === 1 && touching[0]!.s === s && touching[0]!.e === e && (!retype || touching[0]!.type === type)) return THERE;
  list.replace({ type, s, e });
  return ADDED;
}
