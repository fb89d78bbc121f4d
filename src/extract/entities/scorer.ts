// Emission scores of the tagger: the summed weight rows of every character's features, fast.
//
// The model (model-io.ts) maps each feature key to a sparse weight row. Looking 27-odd keys up per
// character in one table of ~216k features (~440k before pruning) is what made tagging slow: most lookups miss the caches,
// and decoding sparse rows mispredicts branches. The scorer regroups the model once, at load, so
// that few lookups per character touch big tables and hot rows are dense:
//   - unigrams (templates 0-6, the id at offsets -3..+3): dense int16 rows per character id (every
//     label, zeros included: adding them costs less than the branches of a sparse row); the id at
//     padded position c feeds template t of character c - t;
//   - bigrams (7-10: m2m1, m1c0, c0p1, p1p2): one entry per id pair holding four rows; the pair
//     starting at padded position c feeds templates 7, 8, 9, 10 of characters c-1 .. c-4;
//   - trigrams (11-13): one entry per id triple, three rows, behind a Bloom filter (most triples of
//     a text are not in the model);
//   - the skip bigram (14): keyed as computed, behind a Bloom filter;
//   - word identities (18: the word with the character's position, 22: the word before, 23: the
//     word after): one entry per word hash holding its six rows, looked up once per run of equal
//     hashes, i.e. about once per word;
//   - the character with its word's POS (24): a short sorted list per character id;
//   - templates with few values: plain arrays indexed by the payload (POS hashes mapped to small
//     numbers first), and the sums of the two groups that fire together (type pattern + bias +
//     place and lexicon patterns; the POS templates of the word) memoised per combination.
// Big-table lookups go through RowTable.findMany in chunks, so cache misses overlap.
//
// Why regrouping changes no score: every weight is Math.fround(q * scale) for an int16 q, hence an
// integer multiple of one power of two u (the unit in the last place of fround(scale) / 2^23) and
// below 2^40 u; a sum of 36 of them stays below 2^46 u, exactly representable in a float64. So every
// partial sum is exact, and the order in which rows are added (template order in the trainer,
// group order here) cannot change a single bit. The constructor checks that bound.

import { FeatureTable, keyHi, keyLo } from './feature-table.js';
import { FeatureKeys, NUM_TEMPLATES } from './features.js';
import { NUM_LABELS } from './labels.js';
import type { NerModel } from './model-io.js';
import { RowTable, type RowTableParts } from './row-table.js';

const L = NUM_LABELS;
const NT = NUM_TEMPLATES;
const P48 = 281474976710656;
/** Characters per lookup batch: their keys' entries fit the first-level caches. */
const CHUNK = 64;

/** Direct templates whose payload is a small number, used as the index. */
const SMALL_PAYLOAD = new Set([15, 16, 25, 26, 27, 28, 29, 30, 32, 33, 34, 35]);
/** Direct templates keyed by POS hashes (see directSlot). */
const POS_TEMPLATES = [17, 19, 20, 21, 31] as const;
/**
 * Direct templates whose summed rows are memoised per distinct combination of payloads: the ones
 * every character has (type pattern, bias, place-tag and lexicon patterns) and the POS templates of
 * the word it sits in. A few hundred combinations cover a page, so two lookups in a small hot table
 * replace nine sparse rows.
 */
const GROUP_ALWAYS = Int32Array.of(15, 16, 26, 35);
const GROUP_WORD = Int32Array.of(17, 19, 20, 21, 31);
/** Direct templates that rarely fire, added one by one. */
const RARE = Int32Array.of(25, 27, 28, 29, 30, 32, 33, 34);
/** Largest payload accepted as an index (guards the arrays' size against a strange model). */
const MAX_SMALL = 1 << 16;
/** Most combinations memoised (past it, rows are added one by one). */
const MEMO_MAX = 1 << 15;

/** Number of set bits of a label mask (13 bits). */
function bits(mask: number): number {
  let k = 0;
  for (let m = mask; m; m &= m - 1) k++;
  return k;
}
/** bits() of every 13-bit mask. */
const POP = Uint8Array.from({ length: 1 << NUM_LABELS }, (_, m) => bits(m));

/** Adds the row at `at` (label mask, then one int16 per set bit) to emit[row .. row + L). */
function addRow(emit: Float64Array, row: number, pool: Int16Array, at: number, scale: number): void {
  let mask = pool[at++]!;
  while (mask) {
    const bit = mask & -mask;
    emit[row + 31 - Math.clz32(bit)]! += Math.fround(pool[at++]! * scale);
    mask ^= bit;
  }
}

/**
 * Adds sub-row `r` of the group entry at `at` (k masks, then the weights of the k rows in order) to
 * emit[row .. row + L).
 */
function addSubRow(emit: Float64Array, row: number, data: Int16Array, at: number, k: number, r: number, scale: number): void {
  let mask = data[at + r]!;
  if (!mask) return;
  let q = at + k;
  for (let s = 0; s < r; s++) q += POP[data[at + s]!]!;
  do {
    const bit = mask & -mask;
    emit[row + 31 - Math.clz32(bit)]! += Math.fround(data[q++]! * scale);
    mask ^= bit;
  } while (mask);
}

/** Appends sparse rows to an Int16Array pool, growing it. */
class PoolWriter {
  pool = new Int16Array(1 << 16);
  length = 0;
  push(x: number): void {
    if (this.length === this.pool.length) {
      const grown = new Int16Array(this.pool.length * 2);
      grown.set(this.pool);
      this.pool = grown;
    }
    this.pool[this.length++] = x;
  }
  /** Copies the model row at `at` (mask, then one weight per set bit); -1: an empty row (mask 0). */
  copyRow(rows: Int16Array, at: number): void {
    if (at < 0) {
      this.push(0);
      return;
    }
    const mask = rows[at]!;
    this.push(mask);
    for (let j = 1, k = bits(mask); j <= k; j++) this.push(rows[at + j]!);
  }
}

interface Run {
  t: number;
  start: number;
  end: number;
}

/**
 * Walks runs of the model's ascending keys in step. `group(t, payload)` gives a feature's group value
 * and `slot(t, payload)` its place in the group; each run must ascend by group value. Calls `each`
 * once per group value with the row offsets of its members by slot (-1 for none).
 */
function mergeRuns(
  m: NerModel,
  runs: readonly Run[],
  k: number,
  group: (t: number, payload: number) => number,
  slot: (t: number, payload: number) => number,
  each: (value: number, ats: Int32Array) => void,
): void {
  // Group values and slots first, one tight loop per run (this runs once per process, mostly before
  // the JIT has warmed up: calls in the merge loop below were a tenth of the tagger's load time).
  const values = runs.map((r) => {
    const v = new Float64Array(r.end - r.start + 1);
    for (let f = r.start; f < r.end; f++) v[f - r.start] = group(r.t, m.keys[f]! - r.t * P48);
    v[r.end - r.start] = Infinity;
    return v;
  });
  const slots = runs.map((r) => {
    const v = new Int8Array(r.end - r.start);
    for (let f = r.start; f < r.end; f++) v[f - r.start] = slot(r.t, m.keys[f]! - r.t * P48);
    return v;
  });
  const pos = new Int32Array(runs.length);
  const ats = new Int32Array(k);
  for (;;) {
    let min = Infinity;
    for (let r = 0; r < runs.length; r++) min = Math.min(min, values[r]![pos[r]!]!);
    if (min === Infinity) return;
    ats.fill(-1);
    for (let r = 0; r < runs.length; r++) {
      const v = values[r]!;
      const start = runs[r]!.start;
      let p = pos[r]!;
      while (v[p] === min) {
        ats[slots[r]![p]!] = m.at[start + p]!;
        p++;
      }
      pos[r] = p;
    }
    each(min, ats);
  }
}

/** A RowTable of `k`-row groups built by mergeRuns, keyed by the group value (below 2^53). */
function groupTable(
  m: NerModel,
  runs: readonly Run[],
  k: number,
  group: (t: number, payload: number) => number,
  slot: (t: number, payload: number) => number,
  bloom = false,
): RowTable {
  const cap = runs.reduce((a, r) => a + r.end - r.start, 0);
  const hi = new Int32Array(cap);
  const lo = new Int32Array(cap);
  const ats = new Int32Array(cap * k);
  let e = 0;
  mergeRuns(m, runs, k, group, slot, (value, members) => {
    hi[e] = keyHi(value);
    lo[e] = keyLo(value);
    ats.set(members, e * k);
    e++;
  });
  return new RowTable(k, e, hi, lo, ats, m.rows, bloom);
}

/** mergeRuns helpers: group by the whole payload; slot = the template's place in `ts`. */
const byPayload = (_t: number, payload: number) => payload;
const slotAmong = (ts: readonly number[]) => (t: number) => ts.indexOf(t);

/** A built scorer as plain arrays and numbers: what tables.ts stores and restores. */
export interface ScorerParts {
  scale: number;
  np: number;
  uniDense: Int16Array;
  uniHas: Uint8Array;
  posIndex: Int32Array;
  charPosAt: Int32Array;
  charPosSlot: Int32Array;
  charPosRow: Int32Array;
  pool: Int16Array;
  /** The direct templates' slot arrays, one per template (empty where none). */
  direct: Int32Array[];
  bi: RowTableParts;
  tri: RowTableParts;
  skip: RowTableParts;
  words: RowTableParts;
}

export class EmissionScorer {
  /** Dense unigram rows of int16 q: (id * 7 + template) * L; uniHas[id] bit t: template t has a row. */
  private readonly uniDense: Int16Array;
  private readonly uniHas: Uint8Array;
  /** (0, id a << 16 | id b) -> the rows of templates 7-10. */
  private readonly bi: RowTable;
  /** (id a, id b << 16 | id c) -> the rows of templates 11-13. */
  private readonly tri: RowTable;
  /** Key of template 14 -> its row. */
  private readonly skip: RowTable;
  /** (0, word hash) -> rows of template 18 for B, M, E, S, then 22, then 23. */
  private readonly words: RowTable;
  /** Template 24 per character id: slots charPosSlot[charPosAt[id] .. charPosAt[id + 1]) (ascending). */
  private readonly charPosAt: Int32Array;
  private readonly charPosSlot: Int32Array;
  private readonly charPosRow: Int32Array;
  /** Per direct template: row offset (in pool) by directSlot (-1: none). */
  private readonly direct: Int32Array[];
  /** POS hash -> small number (-1: no feature of the model has it); np numbers in all. */
  private readonly posIndex: Int32Array;
  private np = 0;
  private readonly pool: Int16Array;
  private readonly scale: number;
  // Lookup scratch, reused.
  private readonly qHi = new Int32Array(CHUNK * NT);
  private readonly qLo = new Int32Array(CHUNK * NT);
  private readonly qChar = new Int32Array(CHUNK * NT);
  private readonly found = new Int32Array(CHUNK * NT);
  // Memo of group sums (groupSum): packed payloads -> offset of L float64 sums in memoRows (the
  // first L are scratch).
  private readonly memo = new FeatureTable(1 << 12);
  private memoRows = new Float64Array(1024 * L);
  private memoCount = 0;
  private readonly memoKey = new Int32Array(2);
  /** Per group (ALWAYS at 0, WORD at 3): the last key (hi, lo) and its memo offset (-1: none yet). */
  private readonly memoLast = Int32Array.of(0, 0, -1, 0, 0, -1);
  /** Keeps the cache-warming reads from being optimised away. */
  sink = 0;

  /** Regroups `model`'s weights (see the top of this file), or takes the parts of a scorer built before. */
  constructor(model: NerModel | ScorerParts) {
    if (!('keys' in model)) {
      const p = model;
      if (p.direct.length !== NT || p.posIndex.length !== 65536) throw new RangeError('entity scorer: parts of another layout');
      this.scale = p.scale;
      this.np = p.np;
      this.uniDense = p.uniDense;
      this.uniHas = p.uniHas;
      this.posIndex = p.posIndex;
      this.charPosAt = p.charPosAt;
      this.charPosSlot = p.charPosSlot;
      this.charPosRow = p.charPosRow;
      this.pool = p.pool;
      this.direct = p.direct;
      this.bi = new RowTable(p.bi);
      this.tri = new RowTable(p.tri);
      this.skip = new RowTable(p.skip);
      this.words = new RowTable(p.words);
      return;
    }
    this.posIndex = new Int32Array(65536).fill(-1);
    this.scale = model.scale;
    const fs = Math.fround(model.scale);
    const unit = 2 ** (Math.floor(Math.log2(Math.abs(fs))) - 23);
    if (!(fs !== 0 && Number.isFinite(fs) && (Math.abs(Math.fround(32767 * model.scale)) / unit) * NT < 2 ** 53)) {
      throw new RangeError('entity model: weights are not exactly summable in float64');
    }
    const { keys, at: rowAt, rows } = model;

    // Keys ascend, so each template's features form one run.
    const runs: Run[] = Array.from({ length: NT }, (_, t) => ({ t, start: 0, end: 0 }));
    for (let f = 0; f < keys.length; ) {
      const t = Math.floor(keys[f]! / P48);
      if (t >= NT) throw new RangeError(`entity model: template ${t}`);
      const start = f;
      while (f < keys.length && Math.floor(keys[f]! / P48) === t) f++;
      runs[t] = { t, start, end: f };
    }
    const payloadOf = (f: number, t: number) => keys[f]! - t * P48;

    // Small numbers for the POS hashes the model's POS templates use.
    const seen: number[] = [];
    for (const t of [...POS_TEMPLATES, 24]) {
      for (let f = runs[t]!.start; f < runs[t]!.end; f++) {
        const hi = keyHi(keys[f]!);
        const lo = keyLo(keys[f]!);
        if (t === 17) seen.push(lo >>> 2);
        else if (t === 21) seen.push(lo >>> 5);
        else if (t === 31) seen.push(lo & 0xffff);
        else {
          // 19, 20: (pos << 16 | pos) * 4 + b; 24: (char id << 16 | pos) * 4 + b
          const pair = (((hi & 3) << 30) | (lo >>> 2)) >>> 0;
          if (t !== 24) seen.push(pair >>> 16);
          seen.push(pair & 0xffff);
        }
      }
    }
    for (const p of seen) if (this.posIndex[p]! < 0) this.posIndex[p] = this.np++;

    // Unigrams, dense (zeros where the model row has no weight).
    let maxId = 0;
    for (let t = 0; t <= 6; t++) if (runs[t]!.end > runs[t]!.start) maxId = Math.max(maxId, payloadOf(runs[t]!.end - 1, t));
    if (maxId >= 65536) throw new RangeError('entity model: character id out of range');
    this.uniDense = new Int16Array((maxId + 1) * 7 * L);
    this.uniHas = new Uint8Array(maxId + 1);
    for (let t = 0; t <= 6; t++) {
      for (let f = runs[t]!.start; f < runs[t]!.end; f++) {
        const id = payloadOf(f, t);
        let at = rowAt[f]!;
        let mask = rows[at++]!;
        if (mask) this.uniHas[id]! |= 1 << t;
        while (mask) {
          const bit = mask & -mask;
          this.uniDense[(id * 7 + t) * L + 31 - Math.clz32(bit)] = rows[at++]!;
          mask ^= bit;
        }
      }
    }

    // Bigrams and trigrams, grouped by their id pair / triple (a trigram's payload a * 2^32 +
    // (b << 16 | c) is, as a key, hi a and lo b << 16 | c).
    this.bi = groupTable(model, runs.slice(7, 11), 4, byPayload, slotAmong([7, 8, 9, 10]));
    this.tri = groupTable(model, runs.slice(11, 14), 3, byPayload, slotAmong([11, 12, 13]), true);
    // The skip bigram keyed by its whole key (hi 14 * 2^16, lo its payload).
    this.skip = groupTable(model, [runs[14]!], 1, (t, payload) => t * P48 + payload, () => 0, true);
    // Words: 18's payload is hash * 4 + b; 22's and 23's the hash.
    this.words = groupTable(
      model,
      [runs[18]!, runs[22]!, runs[23]!],
      6,
      (t, payload) => (t === 18 ? Math.floor(payload / 4) : payload),
      (t, payload) => (t === 18 ? payload % 4 : t === 22 ? 4 : 5),
    );

    const w = new PoolWriter();

    // Template 24 by character id: slot pos * 4 + b.
    {
      const { start, end } = runs[24]!;
      const ids: number[] = [];
      const slots: number[] = [];
      const rowsOf: number[] = [];
      for (let f = start; f < end; f++) {
        const payload = payloadOf(f, 24);
        const pair = Math.floor(payload / 4);
        ids.push(Math.floor(pair / 65536));
        slots.push(this.posIndex[pair % 65536]! * 4 + (payload % 4));
        rowsOf.push(rowAt[f]!);
      }
      const order = ids.map((_, j) => j).sort((a, b) => ids[a]! - ids[b]! || slots[a]! - slots[b]!);
      const maxCharId = ids.reduce((a, x) => Math.max(a, x), 0);
      this.charPosAt = new Int32Array(maxCharId + 2);
      this.charPosSlot = new Int32Array(order.length);
      this.charPosRow = new Int32Array(order.length);
      order.forEach((j, k) => {
        this.charPosAt[ids[j]! + 1]!++;
        this.charPosSlot[k] = slots[j]!;
        this.charPosRow[k] = w.length;
        w.copyRow(rows, rowsOf[j]!);
      });
      for (let x = 0; x <= maxCharId; x++) this.charPosAt[x + 1]! += this.charPosAt[x]!;
    }

    this.direct = Array.from({ length: NT }, () => new Int32Array(0));
    for (const t of [...SMALL_PAYLOAD, ...POS_TEMPLATES]) {
      const { start, end } = runs[t]!;
      const slots: number[] = [];
      let size = 0;
      for (let f = start; f < end; f++) {
        const s = this.directSlot(t, keyHi(keys[f]!), keyLo(keys[f]!), Infinity);
        if (s < 0) throw new RangeError(`entity model: template ${t} key ${keys[f]} has no slot`);
        slots.push(s);
        size = Math.max(size, s + 1);
      }
      const table = new Int32Array(size).fill(-1);
      for (let f = start; f < end; f++) {
        table[slots[f - start]!] = w.length;
        w.copyRow(rows, rowAt[f]!);
      }
      this.direct[t] = table;
    }
    this.pool = w.pool.slice(0, w.length);
  }

  /** The scorer's arrays (shared, not copied), to store it built. */
  parts(): ScorerParts {
    return {
      scale: this.scale,
      np: this.np,
      uniDense: this.uniDense,
      uniHas: this.uniHas,
      posIndex: this.posIndex,
      charPosAt: this.charPosAt,
      charPosSlot: this.charPosSlot,
      charPosRow: this.charPosRow,
      pool: this.pool,
      direct: this.direct,
      bi: this.bi.parts(),
      tri: this.tri.parts(),
      skip: this.skip.parts(),
      words: this.words.parts(),
    };
  }

  /**
   * Index of the key (hi, lo) of direct template t in its array, -1 when no feature of the model can
   * have it (a POS the model never saw, a payload beyond the array). One-to-one on the keys of t.
   */
  private directSlot(t: number, hi: number, lo: number, size: number): number {
    let s: number;
    if (SMALL_PAYLOAD.has(t)) {
      s = hi === t * 65536 && lo >= 0 && lo < MAX_SMALL ? lo : -1;
    } else {
      const np = this.np;
      const px = this.posIndex;
      switch (t) {
        case 17: {
          // pos * 4 + b
          const p = px[lo >>> 2]!;
          s = p < 0 ? -1 : p * 4 + (lo & 3);
          break;
        }
        case 19:
        case 20: {
          // (other pos << 16 | pos) * 4 + b, the pair's top two bits in hi
          const pair = (((hi & 3) << 30) | (lo >>> 2)) >>> 0;
          const a = px[pair >>> 16]!;
          const b = px[pair & 0xffff]!;
          s = a < 0 || b < 0 ? -1 : (a * np + b) * 4 + (lo & 3);
          break;
        }
        case 21: {
          // (pos * 8 + length) * 4 + b
          const p = px[lo >>> 5]!;
          s = p < 0 ? -1 : p * 32 + (lo & 31);
          break;
        }
        case 31: {
          // character type * 2^16 + pos
          const p = px[lo & 0xffff]!;
          s = p < 0 ? -1 : (lo >>> 16) * np + p;
          break;
        }
        default:
          s = -1;
      }
    }
    return s < size ? s : -1;
  }

  /** Adds the rows of the direct templates `ts` at o (keys hi/lo) to out[row .. row + L). */
  private addDirect(out: Float64Array, row: number, hi: Int32Array, lo: Int32Array, o: number, ts: Int32Array): void {
    for (let k = 0; k < ts.length; k++) {
      const t = ts[k]!;
      const h = hi[o + t]!;
      if (h < 0) continue;
      const table = this.direct[t]!;
      const s = this.directSlot(t, h, lo[o + t]!, table.length);
      if (s >= 0 && table[s]! >= 0) addRow(out, row, this.pool, table[s]!, this.scale);
    }
  }

  /**
   * Memo key of a group's payloads at o, as [hi, lo] in this.memoKey; false when they do not pack
   * (then the rows are added one by one).
   */
  private packGroup(hi: Int32Array, lo: Int32Array, o: number, group: Int32Array): boolean {
    if (group === GROUP_ALWAYS) {
      // type pattern (15 bits), place-tag pattern (9 bits), lexicon pattern or -1.
      const x15 = lo[o + 15]!;
      const x26 = lo[o + 26]!;
      const x35 = hi[o + 35]! < 0 ? -1 : lo[o + 35]!;
      if (x15 >>> 15 || x26 >>> 9 || x35 >= 1 << 20) return false;
      this.memoKey[0] = 1 + (x35 + 1);
      this.memoKey[1] = (x15 << 9) | x26;
      return true;
    }
    // POS of the word and of its neighbours, position in the word, its length, character type:
    // every payload of 17, 19, 20, 21 and 31 (all fire when the character is in a word).
    const px = this.posIndex;
    const np = this.np;
    const x17 = lo[o + 17]!;
    const x21 = lo[o + 21]!;
    const x31 = lo[o + 31]!;
    const prev = ((((hi[o + 19]! & 3) << 30) | (lo[o + 19]! >>> 2)) >>> 0) >>> 16;
    const next = ((((hi[o + 20]! & 3) << 30) | (lo[o + 20]! >>> 2)) >>> 0) >>> 16;
    const p = px[x17 >>> 2]!;
    const a = px[prev]!;
    const b = px[next]!;
    if (p < 0 || a < 0 || b < 0 || np > 80) return false;
    this.memoKey[0] = 0;
    this.memoKey[1] = ((((a * np + p) * np + b) * 4 + (x17 & 3)) * 8 + ((x21 >>> 2) & 7)) * 8 + (x31 >>> 16);
    return true;
  }

  /**
   * Offset in memoRows of the summed rows of a group of direct templates at o: memoised per
   * combination of payloads; offset 0 is scratch for a combination that cannot be memoised (valid
   * until the next call).
   */
  private groupSum(hi: Int32Array, lo: Int32Array, o: number, group: Int32Array): number {
    if (!this.packGroup(hi, lo, o, group)) return this.scratchSum(hi, lo, o, group);
    // Neighbouring characters often share a combination: the last one is kept per group.
    const g = group === GROUP_ALWAYS ? 0 : 3;
    const last = this.memoLast;
    const kh = this.memoKey[0]!;
    const kl = this.memoKey[1]!;
    if (last[g + 2]! >= 0 && last[g] === kh && last[g + 1] === kl) return last[g + 2]!;
    let m = this.memo.find(kh, kl);
    if (m < 0) {
      if (this.memoCount >= MEMO_MAX) return this.scratchSum(hi, lo, o, group);
      m = ++this.memoCount * L;
      if (this.memoRows.length < m + L) {
        const grown = new Float64Array(this.memoRows.length * 2);
        grown.set(this.memoRows);
        this.memoRows = grown;
      }
      this.addDirect(this.memoRows, m, hi, lo, o, group);
      this.memo.set(kh * 4294967296 + (kl >>> 0), m);
    }
    last[g] = kh;
    last[g + 1] = kl;
    last[g + 2] = m;
    return m;
  }

  /** The group's rows summed into memoRows[0 .. L) (scratch). */
  private scratchSum(hi: Int32Array, lo: Int32Array, o: number, group: Int32Array): number {
    this.memoRows.fill(0, 0, L);
    this.addDirect(this.memoRows, 0, hi, lo, o, group);
    return 0;
  }

  /**
   * Adds the rows of the `k`-row group entries found for padded positions c0 + j (j < m) to the
   * characters c0 + j - 1, c0 + j - 2, ... (one per row; characters outside [0, n) are skipped).
   */
  private scatterGroups(emit: Float64Array, n: number, table: RowTable, k: number, c0: number, m: number): void {
    const data = table.data;
    const scale = this.scale;
    const found = this.found;
    for (let j = 0; j < m; j++) {
      const at = found[j]!;
      if (at < 0) continue;
      let q = at + k;
      for (let r = 0, i = c0 + j - 1; r < k; r++, i--) {
        let mask = data[at + r]!;
        if (!mask) continue;
        if (i < 0 || i >= n) {
          q += POP[mask]!;
          continue;
        }
        const row = i * L;
        do {
          const bit = mask & -mask;
          emit[row + 31 - Math.clz32(bit)]! += Math.fround(data[q++]! * scale);
          mask ^= bit;
        } while (mask);
      }
    }
  }

  /**
   * Emission scores (n x NUM_LABELS, into `emit`, grown if short; the array used is returned) of a
   * passage whose features `keys` holds (computeKeys; templates 0-13 are read from keys.id, so
   * computeKeys may skip them: ngrams = false).
   */
  score(keys: FeatureKeys, n: number, emit: Float64Array): Float64Array {
    if (emit.length < n * L) emit = new Float64Array(Math.max(n * L, emit.length * 2));
    emit.fill(0, 0, n * L);
    if (n === 0) return emit;
    const id = keys.id; // padded: character i at i + 3, id 0 beyond the ends
    const scale = this.scale;
    const { qHi, qLo, qChar, found } = this;
    const ud = this.uniDense;
    const uh = this.uniHas;

    // Bigrams: pairs starting at padded c = 1 .. n + 3 feed templates 7-10 of characters c-1 .. c-4.
    for (let c0 = 1; c0 <= n + 3; c0 += CHUNK) {
      const m = Math.min(CHUNK, n + 4 - c0);
      for (let j = 0; j < m; j++) {
        qHi[j] = 0;
        qLo[j] = (id[c0 + j]! << 16) | id[c0 + j + 1]!;
      }
      this.bi.findMany(qHi, qLo, 0, m, found);
      this.scatterGroups(emit, n, this.bi, 4, c0, m);
    }

    // Trigrams: triples starting at padded c = 1 .. n + 2 feed templates 11-13 of characters c-1 .. c-3.
    for (let c0 = 1; c0 <= n + 2; c0 += CHUNK) {
      const m = Math.min(CHUNK, n + 3 - c0);
      for (let j = 0; j < m; j++) {
        qHi[j] = id[c0 + j]!;
        qLo[j] = (id[c0 + j + 1]! << 16) | id[c0 + j + 2]!;
      }
      this.tri.findMany(qHi, qLo, 0, m, found);
      this.scatterGroups(emit, n, this.tri, 3, c0, m);
    }

    const hi = keys.hi;
    const lo = keys.lo;
    const pool = this.pool;
    const px = this.posIndex;
    const cpAt = this.charPosAt;
    const cpSlot = this.charPosSlot;
    const cpRow = this.charPosRow;
    for (let i0 = 0; i0 < n; i0 += CHUNK) {
      const i1 = Math.min(n, i0 + CHUNK);

      // The skip bigram (14).
      let m = 0;
      for (let i = i0; i < i1; i++) {
        const j = i * NT + 14;
        if (hi[j]! < 0) continue;
        qHi[m] = hi[j]!;
        qLo[m] = lo[j]!;
        qChar[m++] = i;
      }
      this.skip.findMany(qHi, qLo, 0, m, found);
      const skipData = this.skip.data;
      for (let k = 0; k < m; k++) if (found[k]! >= 0) addRow(emit, qChar[k]! * L, skipData, found[k]!, scale);

      // Word identities (18, 22, 23): the hashes in character and template order, one query per run
      // of equal hashes; then the same walk again picks each character's rows.
      m = 0;
      for (let i = i0; i < i1; i++) {
        for (let t = 18; t <= 23; t += t === 18 ? 4 : 1) {
          const j = i * NT + t;
          if (hi[j]! < 0) continue;
          const h = t === 18 ? (((hi[j]! & 3) << 30) | (lo[j]! >>> 2)) : lo[j]!;
          if (m === 0 || qLo[m - 1] !== h) {
            qHi[m] = 0;
            qLo[m++] = h;
          }
        }
      }
      this.words.findMany(qHi, qLo, 0, m, found);
      const wordData = this.words.data;
      for (let i = i0, q = -1; i < i1; i++) {
        for (let t = 18; t <= 23; t += t === 18 ? 4 : 1) {
          const j = i * NT + t;
          if (hi[j]! < 0) continue;
          const h = t === 18 ? (((hi[j]! & 3) << 30) | (lo[j]! >>> 2)) : lo[j]!;
          if (q < 0 || qLo[q] !== h) q++;
          const at = found[q]!;
          if (at >= 0) addSubRow(emit, i * L, wordData, at, 6, t === 18 ? lo[j]! & 3 : t === 22 ? 4 : 5, scale);
        }
      }

      // The character with its word's POS (24): (char id << 16 | pos) * 4 + b, found in the id's
      // sorted list; the rows are read in a second loop, after a pass of independent loads.
      let touch24 = 0;
      for (let i = i0; i < i1; i++) {
        const o = i * NT;
        let found24 = -1;
        if (hi[o + 24]! >= 0) {
          const pair = (((hi[o + 24]! & 3) << 30) | (lo[o + 24]! >>> 2)) >>> 0;
          const c = pair >>> 16;
          const p = px[pair & 0xffff]!;
          if (p >= 0 && c + 1 < cpAt.length) {
            const want = p * 4 + (lo[o + 24]! & 3);
            for (let k = cpAt[c]!, end = cpAt[c + 1]!; k < end; k++) {
              const s = cpSlot[k]!;
              if (s < want) continue;
              if (s === want) {
                found24 = cpRow[k]!;
                touch24 |= pool[found24]!;
              }
              break;
            }
          }
        }
        qChar[i - i0] = found24;
      }
      this.sink = touch24;
      const d = this.direct;
      for (let i = i0; i < i1; i++) {
        const row = i * L;
        const o = i * NT;
        if (qChar[i - i0]! >= 0) addRow(emit, row, pool, qChar[i - i0]!, scale);
        // Rare direct templates. (All absent: every hi is -1, and so is their AND.)
        if ((hi[o + 25]! & hi[o + 27]! & hi[o + 28]! & hi[o + 29]! & hi[o + 30]! & hi[o + 32]! & hi[o + 33]! & hi[o + 34]!) < 0) continue;
        for (let k = 0; k < RARE.length; k++) {
          const t = RARE[k]!;
          if (hi[o + t]! < 0) continue;
          const table = d[t]!;
          const x = lo[o + t]!;
          let at: number;
          if (x < table.length && (at = table[x]!) >= 0) addRow(emit, row, pool, at, scale);
        }
      }

      // Dense part, per character in locals: what the sparse rows left in emit, the seven unigram
      // rows (the id at padded position i + t feeds template t), the memoised group sums. The rows
      // are first read once in a tight loop of independent loads, so their cache misses overlap.
      let touch = 0;
      for (let c = i0; c < i1 + 6; c++) {
        const x = id[c]!;
        if (x < uh.length) {
          const u = x * 7 * L;
          touch += ud[u]! + ud[u + L]! + ud[u + 2 * L]! + ud[u + 3 * L]! + ud[u + 4 * L]! + ud[u + 5 * L]! + ud[u + 6 * L]!;
        }
      }
      this.sink = touch;
      for (let i = i0; i < i1; i++) {
        const row = i * L;
        const o = i * NT;
        let e0 = emit[row]!;
        let e1 = emit[row + 1]!;
        let e2 = emit[row + 2]!;
        let e3 = emit[row + 3]!;
        let e4 = emit[row + 4]!;
        let e5 = emit[row + 5]!;
        let e6 = emit[row + 6]!;
        let e7 = emit[row + 7]!;
        let e8 = emit[row + 8]!;
        let e9 = emit[row + 9]!;
        let e10 = emit[row + 10]!;
        let e11 = emit[row + 11]!;
        let e12 = emit[row + 12]!;
        for (let t = 0; t < 7; t++) {
          const x = id[i + t]!;
          if (x >= uh.length || !(uh[x]! & (1 << t))) continue;
          const u = (x * 7 + t) * L;
          e0 += Math.fround(ud[u]! * scale);
          e1 += Math.fround(ud[u + 1]! * scale);
          e2 += Math.fround(ud[u + 2]! * scale);
          e3 += Math.fround(ud[u + 3]! * scale);
          e4 += Math.fround(ud[u + 4]! * scale);
          e5 += Math.fround(ud[u + 5]! * scale);
          e6 += Math.fround(ud[u + 6]! * scale);
          e7 += Math.fround(ud[u + 7]! * scale);
          e8 += Math.fround(ud[u + 8]! * scale);
          e9 += Math.fround(ud[u + 9]! * scale);
          e10 += Math.fround(ud[u + 10]! * scale);
          e11 += Math.fround(ud[u + 11]! * scale);
          e12 += Math.fround(ud[u + 12]! * scale);
        }
        let m = this.groupSum(hi, lo, o, GROUP_ALWAYS);
        let r = this.memoRows;
        e0 += r[m]!;
        e1 += r[m + 1]!;
        e2 += r[m + 2]!;
        e3 += r[m + 3]!;
        e4 += r[m + 4]!;
        e5 += r[m + 5]!;
        e6 += r[m + 6]!;
        e7 += r[m + 7]!;
        e8 += r[m + 8]!;
        e9 += r[m + 9]!;
        e10 += r[m + 10]!;
        e11 += r[m + 11]!;
        e12 += r[m + 12]!;
        if (hi[o + 17]! >= 0) {
          m = this.groupSum(hi, lo, o, GROUP_WORD);
          r = this.memoRows;
        e0 += r[m]!;
        e1 += r[m + 1]!;
        e2 += r[m + 2]!;
        e3 += r[m + 3]!;
        e4 += r[m + 4]!;
        e5 += r[m + 5]!;
        e6 += r[m + 6]!;
        e7 += r[m + 7]!;
        e8 += r[m + 8]!;
        e9 += r[m + 9]!;
        e10 += r[m + 10]!;
        e11 += r[m + 11]!;
        e12 += r[m + 12]!;
        }
        emit[row] = e0;
        emit[row + 1] = e1;
        emit[row + 2] = e2;
        emit[row + 3] = e3;
        emit[row + 4] = e4;
        emit[row + 5] = e5;
        emit[row + 6] = e6;
        emit[row + 7] = e7;
        emit[row + 8] = e8;
        emit[row + 9] = e9;
        emit[row + 10] = e10;
        emit[row + 11] = e11;
        emit[row + 12] = e12;
      }
    }
    return emit;
  }
}
