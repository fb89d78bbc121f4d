// Shards (src/input/shard.ts): every id in exactly one shard, the same one whatever the order or the
// machine, and the shards about the same size.

import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { parseShard, shardItems, shardOf, inShard } from '../src/input/shard.js';
import type { InputItem } from '../src/input/index.js';

const ids = [
  ...Array.from({ length: 2000 }, (_, i) => `news-${String(i).padStart(4, '0')}`),
  ...Array.from({ length: 500 }, (_, i) => `archive/2022/${String(i % 12 + 1).padStart(2, '0')}/page-${i}.txt`),
  '青岛西海岸新区', 'fixtures/bad/broken.jsonl:2', 'export.csv:17', '-', '', '𠀀 supplementary', 'emoji 🙂',
];

describe('parseShard', () => {
  it.each([
    ['0/1', { index: 0, count: 1 }],
    ['0/4', { index: 0, count: 4 }],
    ['3/4', { index: 3, count: 4 }],
    [' 2 / 16 ', { index: 2, count: 16 }],
    ['007/010', { index: 7, count: 10 }],
  ])('%j -> %j', (spec, want) => {
    expect(parseShard(spec)).toEqual(want);
  });

  it.each([
    ['0/0', /N must be from 1/],
    ['4/4', /I must be from 0 to N - 1 = 3/],
    ['5/4', /I must be from 0 to N - 1 = 3/],
    ['1/0', /N must be from 1/],
    ['-1/4', /expected I\/N/],
    ['1.5/4', /expected I\/N/],
    ['2', /expected I\/N/],
    ['a/b', /expected I\/N/],
    ['', /expected I\/N/],
    ['1/4/8', /expected I\/N/],
    ['0/99999999', /N must be from 1 to 1000000/],
  ])('%j is refused', (spec, message) => {
    const r = parseShard(spec);
    expect(r).toHaveProperty('error');
    expect((r as { error: string }).error).toMatch(message);
  });
});

describe('shardOf', () => {
  it.each([1, 2, 3, 4, 7, 16])('puts every id in exactly one of %i shards', (n) => {
    const owners = ids.map((id) => Array.from({ length: n }, (_, i) => i).filter((i) => inShard(id, { index: i, count: n })));
    expect(owners).toEqual(ids.map((id) => [shardOf(id, n)]));
  });

  it('depends on the id alone: the same shard in any order, call after call', () => {
    const once = ids.map((id) => shardOf(id, 4));
    const reversed = [...ids].reverse().map((id) => shardOf(id, 4)).reverse();
    expect(reversed).toEqual(once);
  });

  it('is the documented formula (so other tools can compute it): first 4 bytes of SHA-256, big-endian, mod N', () => {
    for (const id of ids.slice(0, 50)) {
      const h = createHash('sha256').update(Buffer.from(id, 'utf8')).digest();
      expect(shardOf(id, 7)).toBe(h.readUInt32BE(0) % 7);
    }
    // Pinned: a change here re-shards every archive ever split (resumed shards would then overlap).
    expect(['news-0000', 'news-0001', 'fixtures/pages/qingdao-west-coast-2022-08.txt', '青岛西海岸新区'].map((id) => shardOf(id, 4))).toEqual([3, 1, 1, 1]);
    expect(shardOf('news-0000', 1_000_000)).toBe(740004991 % 1_000_000);
  });

  it.each([2, 4, 10])('spreads ids about evenly over %i shards (each within 15 %% of an even share)', (n) => {
    const sizes = new Array<number>(n).fill(0);
    for (const id of ids) sizes[shardOf(id, n)]!++;
    const even = ids.length / n;
    for (const s of sizes) expect(Math.abs(s - even) / even).toBeLessThan(0.15);
  });
});

describe('shardItems', () => {
  it('keeps documents and error records of the shard, in input order', async () => {
    const items: InputItem[] = ids.slice(0, 200).map((id, i) => (i % 10 === 3 ? { id, schemaVersion: '1.0', error: 'line 3 is not JSON' } : { id, text: '新区' }));
    const kept: InputItem[][] = [];
    for (let i = 0; i < 3; i++) {
      const out: InputItem[] = [];
      for await (const item of shardItems((async function* () { yield* items; })(), { index: i, count: 3 })) out.push(item);
      kept.push(out);
    }
    expect(kept.flat().length).toBe(items.length);
    for (const [i, out] of kept.entries()) {
      expect(out.every((x) => shardOf(x.id, 3) === i)).toBe(true);
      expect(out).toEqual(items.filter((x) => shardOf(x.id, 3) === i));
    }
    expect(kept.flat().filter((x) => 'error' in x)).toHaveLength(20);
  });
});
