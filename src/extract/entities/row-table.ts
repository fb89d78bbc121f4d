// A read-only hash table from feature keys to groups of weight rows, with the rows stored inline.
//
// The scorer's big lookups (character bigrams, trigrams, word identities) mostly miss the caches, so
// what counts is how many separate places one lookup touches. Here a key hashes to a bucket; the
// bucket directory (a few hundred kB, mostly cached) gives where the bucket's entries start, and
// each entry holds its key and its rows together:
//   int16 units: key lo (2) | key hi (2) | entry length | k label masks | the weights of the k rows
//   (padded to an even length, so every entry's key starts on an int32)
// so a hit costs one random access instead of two (table slot, then row pool), and the whole
// thing is about a third smaller than a slot table plus a pool. Lookups come in batches
// (findMany) whose first pass only reads the directory and the buckets' first lines, loads that do
// not depend on one another, so the CPU overlaps their cache misses.

import { home } from './feature-table.js';

/** Number of set bits of a label mask. */
function bits(mask: number): number {
  let k = 0;
  for (let m = mask; m; m &= m - 1) k++;
  return k;
}

/** Entries of each table's cache of recent answers, minus one. */
const RECENT_MASK = 2047;

/** Second hash of a key, for the Bloom filter's two bits. */
function bloomHash(hi: number, lo: number): number {
  let h = Math.imul(lo, 0x7feb352d) ^ Math.imul(hi + 0x632be5ab, 0x846ca68b);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}

const bucketOf = home;

/** A built table as plain arrays and numbers: what tables.ts stores and restores. */
export interface RowTableParts {
  data: Int16Array;
  dir: Int32Array;
  mask: number;
  size: number;
  /** Empty when the table has no Bloom filter. */
  bloom: Uint32Array;
  bloomMask: number;
}

export class RowTable {
  /** Entries, as int16; `d32` views the same memory as int32 (keys). */
  readonly data: Int16Array;
  private readonly d32: Int32Array;
  /** Bucket b's entries: int32 offsets dir[b] .. dir[b + 1]. */
  private readonly dir: Int32Array;
  private readonly mask: number;
  readonly size: number;
  /**
   * Optional Bloom filter (two bits per key, in the same 512-bit block so a test reads one cache
   * line; about ten bits per key in all): for tables most queries miss, it answers "absent" for
   * most of them from a small array instead of a bucket in memory.
   */
  private readonly bloom: Uint32Array | null;
  private readonly bloomMask: number;
  /**
   * The answers of recent lookups, direct-mapped by bucket: [hi, lo, answer] (hi -1: empty). Text is
   * Zipfian (的, 在, 中国 ...), so most queries repeat one made shortly before, and this small
   * array answers them from the cache.
   */
  private readonly recent = new Int32Array(3 * (RECENT_MASK + 1)).fill(-1);
  /** findMany's bucket per query still to look up (-1: answered). */
  private pending = new Int32Array(256);
  /** Keeps findMany's first pass from being optimised away. */
  sink = 0;

  /**
   * `count` entries: keys (hi[e], lo[e]) and, for each, k rows given as offsets into `rows` (a model's
   * rows: label mask, then one int16 weight per set bit) in ats[e * k ..], -1 for none. Or the parts of
   * a table built before (RowTable.parts).
   */
  constructor(k: number | RowTableParts, count = 0, hi?: Int32Array, lo?: Int32Array, ats?: Int32Array, rows?: Int16Array, bloom = false) {
    if (typeof k !== 'number') {
      this.data = k.data;
      this.d32 = new Int32Array(k.data.buffer, k.data.byteOffset, k.data.length >> 1);
      this.dir = k.dir;
      this.mask = k.mask;
      this.size = k.size;
      this.bloom = k.bloom.length ? k.bloom : null;
      this.bloomMask = k.bloomMask;
      return;
    }
    if (!hi || !lo || !ats || !rows) throw new TypeError('row table: keys and rows needed');
    this.size = count;
    if (bloom) {
      let nbits = 1024;
      while (nbits < count * 10) nbits *= 2;
      this.bloom = new Uint32Array(nbits / 32);
      this.bloomMask = nbits - 1;
      for (let e = 0; e < count; e++) {
        const h = bloomHash(hi[e]!, lo[e]!);
        const b1 = h & this.bloomMask;
        const b2 = (b1 & ~511) | ((h >>> 23) & 511);
        this.bloom[b1 >>> 5]! |= 1 << (b1 & 31);
        this.bloom[b2 >>> 5]! |= 1 << (b2 & 31);
      }
    } else {
      this.bloom = null;
      this.bloomMask = 0;
    }
    let buckets = 16;
    while (buckets * 2 < count) buckets *= 2;
    this.mask = buckets - 1;
    // Entry lengths (int16 units, even) and bucket sizes.
    const len = new Int32Array(count);
    const bucket = new Int32Array(count);
    const dir = new Int32Array(buckets + 1);
    let total = 0;
    for (let e = 0; e < count; e++) {
      let n = 5 + k;
      for (let r = 0; r < k; r++) {
        const at = ats[e * k + r]!;
        if (at >= 0) n += bits(rows[at]!);
      }
      n += n & 1;
      if (n >= 32768) throw new RangeError('row table: entry too long');
      len[e] = n;
      total += n;
      bucket[e] = bucketOf(hi[e]!, lo[e]!, this.mask);
      dir[bucket[e]! + 1]! += n / 2;
    }
    for (let b = 0; b < buckets; b++) dir[b + 1]! += dir[b]!;
    const buf = new ArrayBuffer(total * 2);
    const d16 = new Int16Array(buf);
    const d32 = new Int32Array(buf);
    const fill = dir.slice(0, buckets);
    for (let e = 0; e < count; e++) {
      const at32 = fill[bucket[e]!]!;
      fill[bucket[e]!]! += len[e]! / 2;
      d32[at32] = lo[e]!;
      d32[at32 + 1] = hi[e]!;
      let p = at32 * 2 + 4;
      d16[p++] = len[e]!;
      for (let r = 0; r < k; r++) {
        const at = ats[e * k + r]!;
        d16[p++] = at < 0 ? 0 : rows[at]!;
      }
      for (let r = 0; r < k; r++) {
        const at = ats[e * k + r]!;
        if (at < 0) continue;
        for (let j = 1, m = bits(rows[at]!); j <= m; j++) d16[p++] = rows[at + j]!;
      }
    }
    this.data = d16;
    this.d32 = d32;
    this.dir = dir;
  }

  /** The table's arrays (shared, not copied), to store it built. */
  parts(): RowTableParts {
    return { data: this.data, dir: this.dir, mask: this.mask, size: this.size, bloom: this.bloom ?? new Uint32Array(0), bloomMask: this.bloomMask };
  }

  /**
   * For every query j in [from, to): out[j] = int16 index in `data` of the first label mask of the
   * entry with key (qHi[j], qLo[j]), or -1 (also for qHi[j] < 0).
   */
  findMany(qHi: Int32Array, qLo: Int32Array, from: number, to: number, out: Int32Array): void {
    const dir = this.dir;
    const d32 = this.d32;
    const d16 = this.data;
    const mask = this.mask;
    const bloom = this.bloom;
    const bm = this.bloomMask;
    const recent = this.recent;
    const pending = this.pending.length >= to ? this.pending : (this.pending = new Int32Array(Math.max(to, 2 * this.pending.length)));
    let touch = 0;
    for (let j = from; j < to; j++) {
      pending[j] = -1;
      const h = qHi[j]!;
      const l = qLo[j]!;
      if (h < 0) {
        out[j] = -1;
        continue;
      }
      if (bloom) {
        const g = bloomHash(h, l);
        const b1 = g & bm;
        const b2 = (b1 & ~511) | ((g >>> 23) & 511);
        if (!(bloom[b1 >>> 5]! & (1 << (b1 & 31))) || !(bloom[b2 >>> 5]! & (1 << (b2 & 31)))) {
          out[j] = -1;
          continue;
        }
      }
      const b = bucketOf(h, l, mask);
      const r = (b & RECENT_MASK) * 3;
      if (recent[r] === h && recent[r + 1] === l) {
        out[j] = recent[r + 2]!;
        continue;
      }
      pending[j] = b;
      const e = dir[b]!;
      if (e < dir[b + 1]!) touch |= d32[e]!;
    }
    this.sink = touch;
    for (let j = from; j < to; j++) {
      const b = pending[j]!;
      if (b < 0) continue;
      const h = qHi[j]!;
      const l = qLo[j]!;
      let e = dir[b]!;
      const end = dir[b + 1]!;
      let found = -1;
      while (e < end) {
        if (d32[e] === l && d32[e + 1] === h) {
          found = e * 2 + 5;
          break;
        }
        e += d16[e * 2 + 4]! >> 1;
      }
      out[j] = found;
      const r = (b & RECENT_MASK) * 3;
      recent[r] = h;
      recent[r + 1] = l;
      recent[r + 2] = found;
    }
  }
}
