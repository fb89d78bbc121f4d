// The post-rules' entity cursor answers as a plain scan of the list would, on random lists and random
// queries, and a left-to-right scan costs moves in proportion to the entities passed, not to the
// queries times the list (the post-rules' time on a long passage rests on it).

import { describe, expect, it } from 'vitest';
import { EntityCursor, endingAtIn, firstEndingAfter, overlapsIn } from '../../../../src/extract/entities/post-rules/entity-cursor.js';
import type { EntityMatch } from '../../../../src/extract/types.js';
import { extractEntities, tagEntities } from '../../../../src/extract/entities/index.js';
import { JiebaSegmenter } from '../../../../src/segment/jieba.js';
import { Resources } from '../../../../src/resources.js';
import { longNewsLine, seededRandom } from '../../../../src/tools/bench-scaling.js';

const TYPES = ['PER', 'LOC', 'ORG'] as const;

/** Sorted, disjoint, non-empty entities over [0, length). */
function randomEntities(rand: () => number, length: number): EntityMatch[] {
  const out: EntityMatch[] = [];
  for (let s = Math.floor(rand() * 4); s < length; ) {
    const e = Math.min(length, s + 1 + Math.floor(rand() * 5));
    out.push({ type: TYPES[Math.floor(rand() * 3)]!, s, e });
    s = e + Math.floor(rand() * 6);
  }
  return out;
}

// The plain scans the cursor stands for (what the post-rules did before).
const naive = {
  touching: (l: EntityMatch[], s: number, e: number) => l.filter((x) => x.s < e && s < x.e),
  endingAt: (l: EntityMatch[], p: number) => l.find((x) => x.e === p),
  startingAt: (l: EntityMatch[], p: number) => l.find((x) => x.s === p),
  replace: (l: EntityMatch[], x: EntityMatch) =>
    [...l.filter((y) => !(y.s < x.e && x.s < y.e)), x].sort((a, b) => a.s - b.s || b.e - a.e),
};

describe('EntityCursor', () => {
  it('answers and changes as the plain scans do, on random lists and random queries', () => {
    const rand = seededRandom(7);
    for (let round = 0; round < 100; round++) {
      const length = 20 + Math.floor(rand() * 200);
      let ref = randomEntities(rand, length);
      const cur = new EntityCursor(ref);
      for (let q = 0; q < 60; q++) {
        const a = Math.floor(rand() * (length + 2)) - 1;
        const b = a + 1 + Math.floor(rand() * 8);
        const op = Math.floor(rand() * 6);
        if (op === 0) expect(cur.touching(a, b)).toEqual(naive.touching(ref, a, b));
        else if (op === 1) expect(cur.endingAt(a)).toBe(naive.endingAt(ref, a));
        else if (op === 2) expect(cur.startingAt(a)).toBe(naive.startingAt(ref, a));
        else if (op === 3) expect(cur.overlaps(a, b)).toBe(naive.touching(ref, a, b).length > 0);
        else if (op === 4) {
          const x: EntityMatch = { type: 'ORG', s: Math.max(0, a), e: Math.max(1, b) };
          ref = naive.replace(ref, x);
          cur.replace(x);
        } else {
          // A swap as extendOverHead makes it: the entity grows leftwards over free text.
          const k = ref.findIndex((x) => x.s > a && a >= (ref[ref.indexOf(x) - 1]?.e ?? 0));
          if (k >= 0) {
            const x = { ...ref[k]!, s: a };
            cur.swap(ref[k]!, x);
            ref = ref.map((y, i) => (i === k ? x : y));
          }
        }
        expect(cur.size).toBe(ref.length);
      }
      expect(cur.toArray()).toEqual(ref);
    }
  });

  it('moves in proportion to the passage on a scan from left to right, however long the list', () => {
    // Each position looks a little way back, as extendOrganisationAt walks left from a head; a plain
    // scan of the list per query would cost queries times list (10^10 at the larger size).
    const movesFor = (length: number) => {
      const ents = randomEntities(seededRandom(3), length);
      const cur = new EntityCursor(ents);
      for (let p = 0; p < length; p++) {
        cur.endingAt(p);
        cur.touching(Math.max(0, p - 30), p);
      }
      expect(cur.toArray()).toEqual(ents);
      return cur.moves;
    };
    const small = movesFor(20_000);
    const large = movesFor(200_000);
    // Ten times the passage, about ten times the moves (quadratic work would be a hundred times).
    expect(large / small).toBeGreaterThan(9);
    expect(large / small).toBeLessThan(11);
    // About the entities within the look-back window per position (30 characters hold ~6).
    expect(large / 200_000).toBeLessThan(15);
  });

  it('throws on a swap of an entity that is not in the list', () => {
    const cur = new EntityCursor([{ type: 'LOC', s: 0, e: 2 }]);
    expect(() => cur.swap({ type: 'LOC', s: 0, e: 2 }, { type: 'ORG', s: 0, e: 2 })).toThrow(/not in the list/);
  });
});

describe('binary searches over a sorted, disjoint list', () => {
  it('agree with plain scans on random lists', () => {
    const rand = seededRandom(11);
    for (let round = 0; round < 40; round++) {
      const ents = randomEntities(rand, 300);
      for (let p = -1; p < 305; p += 1 + Math.floor(rand() * 3)) {
        expect(firstEndingAfter(ents, p)).toBe(((k) => (k < 0 ? ents.length : k))(ents.findIndex((x) => x.e > p)));
        expect(endingAtIn(ents, p)).toBe(ents.find((x) => x.e === p));
        const e = p + 1 + Math.floor(rand() * 6);
        expect(overlapsIn(ents, p, e)).toBe(ents.some((x) => x.s < e && p < x.e));
        expect(overlapsIn(ents, p, e, (x) => x.type === 'PER')).toBe(ents.some((x) => x.type === 'PER' && x.s < e && p < x.e));
      }
    }
  });
});

describe('the precondition: the post-rules keep their entities sorted and disjoint', () => {
  const sortedDisjoint = (ents: readonly EntityMatch[]) => ents.every((x, k) => x.s < x.e && (k === 0 || ents[k - 1]!.e <= x.s));

  it('holds for what the tagger gives the rules and what they give back, on a long line of news text', () => {
    const text = longNewsLine(20_000, 4);
    const words = new JiebaSegmenter({ hmm: true }).tag(text);
    const resources = new Resources();
    const tagged = tagEntities(text, words, resources)!;
    expect(tagged.length).toBeGreaterThan(500);
    expect(sortedDisjoint(tagged)).toBe(true);
    const found = extractEntities(text, words, resources);
    expect(found.length).toBeGreaterThan(500);
    expect(sortedDisjoint(found)).toBe(true);
  });
});
