// Emission scores of the tagger: the summed weight rows of every character's features, fast.
//
// The model (model-io.ts) maps each feature key to a sparse weight row. Looking 27-odd keys up per
// character in one table of ~216k features (~440k before pruning) is what made tagging slow: most lookups miss the caches,
// and decoding sparse rows mispredicts branches. The scorer regroups the model once, at load
// (scorer-layout.ts, by the layout column of feature-templates.ts), so that few lookups per character
// touch big tables and hot rows are dense:
//   - unigrams (char-3 … char+3): dense int16 rows per character id (every label, zeros included:
//     adding them costs less than the branches of a sparse row); the id at padded position c feeds
//     the k-th unigram of character c - k;
//   - bigrams (-2-1, -1+0, +0+1, +1+2): one entry per id pair holding four rows; the pair starting at
//     padded position c feeds the bigrams of characters c-1 .. c-4, in window order;
//   - trigrams: one entry per id triple, three rows, behind a Bloom filter (most triples of a text
//     are not in the model);
//   - the skip bigram: keyed as computed, behind a Bloom filter;
//   - word identities (the word with the character's position, the word before, the word after):
//     one entry per word hash holding its six rows, looked up once per run of equal hashes, i.e.
//     about once per word;
//   - the character with its word's POS: a short sorted list per character id;
//   - templates with few values: plain arrays indexed by the payload (POS hashes mapped to small
//     numbers first), and the sums of the two groups that fire together (`always`: type pattern,
//     bias, place and lexicon patterns; `word-pos`: the POS templates of the word) memoised per
//     combination.
// Big-table lookups go through RowTable.findMany in chunks, so cache misses overlap.
//
// Why regrouping changes no score: every weight is Math.fround(q * scale) for an int16 q, hence an
// integer multiple of one power of two u (the unit in the last place of fround(scale) / 2^23) and
// below 2^40 u; a sum of 36 of them stays below 2^46 u, exactly representable in a float64. So every
// partial sum is exact, and the order in which rows are added (template order in the trainer,
// group order here) cannot change a single bit. layOutScorer checks that bound.

import { FeatureTable } from './feature-table.js';
import { NUM_TEMPLATES } from './feature-templates.js';
import type { FeatureKeys } from './features.js';
import { NUM_LABELS } from './labels.js';
import type { NerModel } from './model-io.js';
import { RowTable } from './row-table.js';
import {
  BIGRAMS,
  CHAR_POS,
  CHAR_TYPES,
  GROUP_ALWAYS,
  GROUP_WORD,
  LEXICON_WINDOW,
  PLACE_WINDOW,
  RARE,
  SKIP,
  TRIGRAMS,
  TYPE_WORD_POS,
  UNIGRAMS,
  WORD,
  WORD_AFTER,
  WORD_BEFORE,
  WORD_POS,
  WORD_POS_LENGTH,
  WORD_POS_NEXT,
  WORD_POS_PREV,
  WORD_ROWS,
  WORDS,
  bits,
  directSlot,
  layOutScorer,
  type ScorerParts,
} from './scorer-layout.js';

export type { ScorerParts } from './scorer-layout.js';

const L = NUM_LABELS;
const NT = NUM_TEMPLATES;
const NU = UNIGRAMS.length;
const NB = BIGRAMS.length;
const NTRI = TRIGRAMS.length;
/** Characters per lookup batch: their keys' entries fit the first-level caches. */
const CHUNK = 64;
/** Most combinations memoised (past it, rows are added one by one). */
const MEMO_MAX = 1 << 15;
/** memoRows: two scratch rows and a zero row come first (see EmissionScorer.memo). */
const MEMO_FIRST = 3;
const ZERO_ROW = 2 * L;

// score()'s inner loops are written out for the layout's sizes: the 13 label scores of a character in
// locals, the seven unigram rows touched and the eight rare templates tested in one expression, the three
// word templates named. Loops over the labels made the whole tagger about a tenth slower
// (docs/entity-features.md); another label set or layout must change this code, and fails here until it does.
const [R0, R1, R2, R3, R4, R5, R6, R7] = Array.from(RARE) as [number, number, number, number, number, number, number, number];
if (RARE.length !== 8 || NU !== 7 || WORDS.length !== 3) throw new Error('entity scorer: written for 8 rare templates, 7 unigrams, 3 word templates');
if (L !== 13) throw new Error(`entity scorer: written for 13 labels, labels.ts has ${L}`);

/** bits() of every label mask. */
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

/** The word hash in the key at j of a word-identity template (`word` keeps the position in bits 0-1). */
function wordHashAt(hi: Int32Array, lo: Int32Array, j: number, t: number): number {
  return t === WORD ? ((hi[j]! & 3) << 30) | (lo[j]! >>> 2) : lo[j]!;
}

export class EmissionScorer {
  /** Dense unigram rows of int16 q: (id * 7 + k) * L for the k-th unigram; uniHas[id] bit k: it has a row. */
  private readonly uniDense: Int16Array;
  private readonly uniHas: Uint8Array;
  /** (0, id a << 16 | id b) -> the rows of the bigrams. */
  private readonly bi: RowTable;
  /** (id a, id b << 16 | id c) -> the rows of the trigrams. */
  private readonly tri: RowTable;
  /** Key of the skip bigram -> its row. */
  private readonly skip: RowTable;
  /** (0, word hash) -> rows of `word` for B, M, E, S, then `word-before`, then `word-after`. */
  private readonly words: RowTable;
  /** char-word-pos per character id: slots charPosSlot[charPosAt[id] .. charPosAt[id + 1]) (ascending). */
  private readonly charPosAt: Int32Array;
  private readonly charPosSlot: Int32Array;
  private readonly charPosRow: Int32Array;
  /** Per direct template: row offset (in pool) by directSlot (-1: none). */
  private readonly direct: Int32Array[];
  /** POS hash -> small number (-1: no feature of the model has it); np numbers in all. */
  private readonly posIndex: Int32Array;
  private readonly np: number;
  private readonly pool: Int16Array;
  private readonly scale: number;
  // Lookup scratch, reused.
  private readonly qHi = new Int32Array(CHUNK * NT);
  private readonly qLo = new Int32Array(CHUNK * NT);
  private readonly qChar = new Int32Array(CHUNK * NT);
  private readonly found = new Int32Array(CHUNK * NT);
  // Memo of group sums (groupSum): packed payloads -> offset of L float64 sums in memoRows. The first
  // L are the `always` group's scratch, the next L the `word-pos` group's, then L zeros (no group).
  private readonly memo = new FeatureTable(1 << 12);
  private memoRows = new Float64Array(1024 * L);
  private memoCount = 0;
  private readonly memoKey = new Int32Array(2);
  /** Per group (ALWAYS at 0, WORD at 3): the last key (hi, lo) and its memo offset (-1: none yet). */
  private readonly memoLast = Int32Array.of(0, 0, -1, 0, 0, -1);
  /** Keeps the cache-warming reads from being optimised away. */
  sink = 0;

  /** Regroups `model`'s weights (scorer-layout.ts), or takes the parts of a scorer built before. */
  constructor(model: NerModel | ScorerParts) {
    const p = 'keys' in model ? layOutScorer(model) : model;
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

  /** Adds the rows of the direct templates `ts` at o (keys hi/lo) to out[row .. row + L). */
  private addDirect(out: Float64Array, row: number, hi: Int32Array, lo: Int32Array, o: number, ts: Int32Array): void {
    for (let k = 0; k < ts.length; k++) {
      const t = ts[k]!;
      const h = hi[o + t]!;
      if (h < 0) continue;
      const table = this.direct[t]!;
      const s = directSlot(t, h, lo[o + t]!, table.length, this.posIndex, this.np);
      if (s >= 0 && table[s]! >= 0) addRow(out, row, this.pool, table[s]!, this.scale);
    }
  }

  /**
   * Memo key of a group's payloads at o, as [hi, lo] in this.memoKey; false when they do not pack
   * (then the rows are added one by one).
   */
  private packGroup(hi: Int32Array, lo: Int32Array, o: number, group: Int32Array): boolean {
    if (group === GROUP_ALWAYS) {
      // type pattern (15 bits), place-tag pattern (9 bits), lexicon pattern or -1; the bias is constant.
      const types = lo[o + CHAR_TYPES]!;
      const place = lo[o + PLACE_WINDOW]!;
      const lex = hi[o + LEXICON_WINDOW]! < 0 ? -1 : lo[o + LEXICON_WINDOW]!;
      if (types >>> 15 || place >>> 9 || lex >= 1 << 20) return false;
      this.memoKey[0] = 1 + (lex + 1);
      this.memoKey[1] = (types << 9) | place;
      return true;
    }
    // POS of the word and of its neighbours, position in the word, its length, character type:
    // every payload of the word-pos layout (all fire when the character is in a word).
    const px = this.posIndex;
    const np = this.np;
    const pos = lo[o + WORD_POS]!;
    const length = lo[o + WORD_POS_LENGTH]!;
    const type = lo[o + TYPE_WORD_POS]!;
    const prev = ((((hi[o + WORD_POS_PREV]! & 3) << 30) | (lo[o + WORD_POS_PREV]! >>> 2)) >>> 0) >>> 16;
    const next = ((((hi[o + WORD_POS_NEXT]! & 3) << 30) | (lo[o + WORD_POS_NEXT]! >>> 2)) >>> 0) >>> 16;
    const p = px[pos >>> 2]!;
    const a = px[prev]!;
    const b = px[next]!;
    if (p < 0 || a < 0 || b < 0 || np > 80) return false;
    this.memoKey[0] = 0;
    this.memoKey[1] = ((((a * np + p) * np + b) * 4 + (pos & 3)) * 8 + ((length >>> 2) & 7)) * 8 + (type >>> 16);
    return true;
  }

  /**
   * Offset in memoRows of the summed rows of a group of direct templates at o: memoised per
   * combination of payloads; the group's scratch offset for a combination that cannot be memoised (valid
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
      m = (MEMO_FIRST + this.memoCount++) * L;
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

  /** The group's rows summed into its scratch row of memoRows. */
  private scratchSum(hi: Int32Array, lo: Int32Array, o: number, group: Int32Array): number {
    const at = group === GROUP_ALWAYS ? 0 : L;
    this.memoRows.fill(0, at, at + L);
    this.addDirect(this.memoRows, at, hi, lo, o, group);
    return at;
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
  /**
   * Emission scores (n x NUM_LABELS, into `emit`, grown if short; the array used is returned) of a
   * passage whose features `keys` holds (computeKeys; the character n-grams are read from keys.id,
   * so computeKeys may skip them: ngrams = false).
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

    // Bigrams: pairs starting at padded c = 1 .. n + 3 feed the bigrams of characters c-1 .. c-4.
    for (let c0 = 1; c0 <= n + NB - 1; c0 += CHUNK) {
      const m = Math.min(CHUNK, n + NB - c0);
      for (let j = 0; j < m; j++) {
        qHi[j] = 0;
        qLo[j] = (id[c0 + j]! << 16) | id[c0 + j + 1]!;
      }
      this.bi.findMany(qHi, qLo, 0, m, found);
      this.scatterGroups(emit, n, this.bi, NB, c0, m);
    }

    // Trigrams: triples starting at padded c = 1 .. n + 2 feed the trigrams of characters c-1 .. c-3.
    for (let c0 = 1; c0 <= n + NTRI - 1; c0 += CHUNK) {
      const m = Math.min(CHUNK, n + NTRI - c0);
      for (let j = 0; j < m; j++) {
        qHi[j] = id[c0 + j]!;
        qLo[j] = (id[c0 + j + 1]! << 16) | id[c0 + j + 2]!;
      }
      this.tri.findMany(qHi, qLo, 0, m, found);
      this.scatterGroups(emit, n, this.tri, NTRI, c0, m);
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

      // The skip bigram.
      let m = 0;
      for (let i = i0; i < i1; i++) {
        const j = i * NT + SKIP;
        if (hi[j]! < 0) continue;
        qHi[m] = hi[j]!;
        qLo[m] = lo[j]!;
        qChar[m++] = i;
      }
      this.skip.findMany(qHi, qLo, 0, m, found);
      const skipData = this.skip.data;
      for (let k = 0; k < m; k++) if (found[k]! >= 0) addRow(emit, qChar[k]! * L, skipData, found[k]!, scale);

      // Word identities: the hashes in character and template order, one query per run of equal
      // hashes; then the same walk again picks each character's rows.
      m = 0;
      for (let i = i0; i < i1; i++) {
        for (let w = 0; w < 3; w++) {
          const t = w === 0 ? WORD : w === 1 ? WORD_BEFORE : WORD_AFTER;
          const j = i * NT + t;
          if (hi[j]! < 0) continue;
          const h = wordHashAt(hi, lo, j, t);
          if (m === 0 || qLo[m - 1] !== h) {
            qHi[m] = 0;
            qLo[m++] = h;
          }
        }
      }
      this.words.findMany(qHi, qLo, 0, m, found);
      const wordData = this.words.data;
      for (let i = i0, q = -1; i < i1; i++) {
        for (let w = 0; w < 3; w++) {
          const t = w === 0 ? WORD : w === 1 ? WORD_BEFORE : WORD_AFTER;
          const j = i * NT + t;
          if (hi[j]! < 0) continue;
          const h = wordHashAt(hi, lo, j, t);
          if (q < 0 || qLo[q] !== h) q++;
          const at = found[q]!;
          if (at >= 0) addSubRow(emit, i * L, wordData, at, WORD_ROWS, t === WORD ? lo[j]! & 3 : t === WORD_BEFORE ? 4 : 5, scale);
        }
      }

      // The character with its word's POS: (char id << 16 | pos) * 4 + b, found in the id's sorted
      // list; the rows are read in a second loop, after a pass of independent loads.
      let touchCharPos = 0;
      for (let i = i0; i < i1; i++) {
        const j = i * NT + CHAR_POS;
        let foundCharPos = -1;
        if (hi[j]! >= 0) {
          const pair = (((hi[j]! & 3) << 30) | (lo[j]! >>> 2)) >>> 0;
          const c = pair >>> 16;
          const p = px[pair & 0xffff]!;
          if (p >= 0 && c + 1 < cpAt.length) {
            const want = p * 4 + (lo[j]! & 3);
            for (let k = cpAt[c]!, end = cpAt[c + 1]!; k < end; k++) {
              const s = cpSlot[k]!;
              if (s < want) continue;
              if (s === want) {
                foundCharPos = cpRow[k]!;
                touchCharPos |= pool[foundCharPos]!;
              }
              break;
            }
          }
        }
        qChar[i - i0] = foundCharPos;
      }
      this.sink = touchCharPos;
      const d = this.direct;
      for (let i = i0; i < i1; i++) {
        const row = i * L;
        const o = i * NT;
        if (qChar[i - i0]! >= 0) addRow(emit, row, pool, qChar[i - i0]!, scale);
        // Rare direct templates. (All absent: every hi is -1, and so is their AND.)
        if ((hi[o + R0]! & hi[o + R1]! & hi[o + R2]! & hi[o + R3]! & hi[o + R4]! & hi[o + R5]! & hi[o + R6]! & hi[o + R7]!) < 0) continue;
        for (let k = 0; k < RARE.length; k++) {
          const t = RARE[k]!;
          if (hi[o + t]! < 0) continue;
          const table = d[t]!;
          const x = lo[o + t]!;
          let at: number;
          if (x < table.length && (at = table[x]!) >= 0) addRow(emit, row, pool, at, scale);
        }
      }

      // Dense part: the unigram rows (the id at padded position i + k feeds the k-th unigram) and
      // the memoised group sums. The rows are first read once in a tight loop of independent loads,
      // so their cache misses overlap.
      let touch = 0;
      for (let c = i0; c < i1 + NU - 1; c++) {
        const x = id[c]!;
        if (x < uh.length) {
          const u = x * NU * L;
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
        for (let k = 0; k < NU; k++) {
          const x = id[i + k]!;
          if (x >= uh.length || !(uh[x]! & (1 << k))) continue;
          const u = (x * NU + k) * L;
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
        // The two group sums (the word's is the zero row when the character is in no word).
        const always = this.groupSum(hi, lo, o, GROUP_ALWAYS);
        const word = hi[o + WORD_POS]! >= 0 ? this.groupSum(hi, lo, o, GROUP_WORD) : ZERO_ROW;
        const r = this.memoRows;
        e0 += r[always]! + r[word]!;
        e1 += r[always + 1]! + r[word + 1]!;
        e2 += r[always + 2]! + r[word + 2]!;
        e3 += r[always + 3]! + r[word + 3]!;
        e4 += r[always + 4]! + r[word + 4]!;
        e5 += r[always + 5]! + r[word + 5]!;
        e6 += r[always + 6]! + r[word + 6]!;
        e7 += r[always + 7]! + r[word + 7]!;
        e8 += r[always + 8]! + r[word + 8]!;
        e9 += r[always + 9]! + r[word + 9]!;
        e10 += r[always + 10]! + r[word + 10]!;
        e11 += r[always + 11]! + r[word + 11]!;
        e12 += r[always + 12]! + r[word + 12]!;
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
