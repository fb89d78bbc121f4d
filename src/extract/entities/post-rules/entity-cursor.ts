// A passage's entities as a gap buffer, for the post-rules that scan a passage left to right and add or
// replace entities near where they stand.
//
// The post-rules' entities are sorted by start and pairwise disjoint (the tagger's spans are, and every
// rule keeps them so), hence sorted by end as well. Filtering the whole list for each candidate and
// re-sorting it after each change cost time quadratic in the passage: 33 s for a line of a million
// characters. Here the list is cut at a gap: `left` holds the entities before it in order, `right` those
// after it in reverse order (its last element is the first after the gap). A query moves the gap to its
// position and looks at the entities next to it; a change replaces entities at the gap. Moving the gap
// costs one step per entity passed, so a scan whose queries stay near its cursor costs time linear in
// the passage.
//   entities 青岛[0,2) 开发区[2,5) 管委会[5,8): touching(1, 6) -> 青岛, 开发区, 管委会;
//   replace(0, 8, ORG) -> one entity [0, 8)

import type { EntityType } from '../../../types.js';
import type { EntityMatch } from '../../types.js';

export class EntityCursor {
  private readonly left: EntityMatch[] = [];
  private readonly right: EntityMatch[];
  /** Entities passed in moving the gap, for the tests (the measure of the work done). */
  moves = 0;

  /** `ents`: sorted by start, disjoint, none empty (not checked: the post-rules keep it so). */
  constructor(ents: readonly EntityMatch[]) {
    this.right = ents.slice().reverse();
  }

  get size(): number {
    return this.left.length + this.right.length;
  }

  /** Moves the gap so that exactly the entities ending at or before pos are left of it. */
  private seek(pos: number): void {
    const { left, right } = this;
    while (left.length && left[left.length - 1]!.e > pos) {
      right.push(left.pop()!);
      this.moves++;
    }
    while (right.length && right[right.length - 1]!.e <= pos) {
      left.push(right.pop()!);
      this.moves++;
    }
  }

  /** The entity ending at pos, if any (at most one: they are disjoint). */
  endingAt(pos: number): EntityMatch | undefined {
    this.seek(pos);
    const x = this.left[this.left.length - 1];
    return x && x.e === pos ? x : undefined;
  }

  /** The entity starting at pos, if any. */
  startingAt(pos: number): EntityMatch | undefined {
    this.seek(pos);
    const x = this.right[this.right.length - 1];
    return x && x.s === pos ? x : undefined;
  }

  /** The entities overlapping [s, e), in order. */
  touching(s: number, e: number): EntityMatch[] {
    this.seek(s);
    const out: EntityMatch[] = [];
    for (let k = this.right.length - 1; k >= 0 && this.right[k]!.s < e; k--) out.push(this.right[k]!);
    return out;
  }

  /** Does any entity overlap [s, e)? */
  overlaps(s: number, e: number): boolean {
    this.seek(s);
    const x = this.right[this.right.length - 1];
    return !!x && x.s < e;
  }

  /**
   * Puts `x` in place of every entity overlapping [x.s, x.e) (the caller has made sure none of them
   * reaches outside it, or wants those removed too).
   */
  replace(x: EntityMatch): void {
    this.seek(x.s);
    const right = this.right;
    while (right.length && right[right.length - 1]!.s < x.e) right.pop();
    this.left.push(x);
  }

  /** Puts `x` in place of `old` (same list position: x must overlap nothing else). */
  swap(old: EntityMatch, x: EntityMatch): void {
    this.seek(old.s);
    const right = this.right;
    if (right[right.length - 1] === old) right[right.length - 1] = x;
    else throw new Error('EntityCursor.swap: entity not in the list');
  }

  /** The entities in order. */
  toArray(): EntityMatch[] {
    return this.left.concat(this.right.slice().reverse());
  }
}

/** An entity of the given type and span (a fresh object, as the rules' spread copies were). */
export function entity(type: EntityType, s: number, e: number): EntityMatch {
  return { type, s, e };
}

/**
 * Index of the first entity of a sorted, disjoint list that ends after pos (the first that may overlap
 * [pos, …)), or the list's length: a binary search, for the rules that read a list they do not change.
 */
export function firstEndingAfter(ents: readonly EntityMatch[], pos: number): number {
  let lo = 0;
  let hi = ents.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ents[mid]!.e <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The entity of a sorted, disjoint list ending at pos, if any. */
export function endingAtIn(ents: readonly EntityMatch[], pos: number): EntityMatch | undefined {
  const k = firstEndingAfter(ents, pos - 1);
  const x = ents[k];
  return x && x.e === pos ? x : undefined;
}

/** Does an entity of a sorted, disjoint list overlap [s, e)? Optionally only one passing `keep`. */
export function overlapsIn(ents: readonly EntityMatch[], s: number, e: number, keep?: (x: EntityMatch) => boolean): boolean {
  for (let k = firstEndingAfter(ents, s); k < ents.length && ents[k]!.s < e; k++) if (!keep || keep(ents[k]!)) return true;
  return false;
}
