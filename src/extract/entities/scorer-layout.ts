// How the entity scorer lays a model's weights out: the regrouping that scorer.ts describes, done
// once per model (or read back from the prepared tables, tables.ts), as plain arrays.
//
// Which template goes where is the `layout` column of feature-templates.ts; this module turns each
// layout into its tables:
//   unigram   dense int16 rows per character id, the templates in window order
//   bigram    RowTable keyed by the id pair, one row per template (window order)
//   trigram   RowTable keyed by the id triple, one row per template, behind a Bloom filter
//   skip      RowTable keyed by the whole key, behind a Bloom filter
//   word      RowTable keyed by the word hash: `word` for B, M, E, S, then `word-before`, `word-after`
//   char-pos  per character id, a sorted list of (POS, position) slots
//   always, word-pos, rare   arrays indexed by a slot computed from the payload (directSlot)

import { keyHi, keyLo } from './feature-table.js';
import { NUM_TEMPLATES, templateId, templatesLaidOut } from './feature-templates.js';
import { NUM_LABELS } from './labels.js';
import type { NerModel } from './model-io.js';
import { RowTable, type RowTableParts } from './row-table.js';

const L = NUM_LABELS;
const NT = NUM_TEMPLATES;
const P48 = 281474976710656;

export const UNIGRAMS = templatesLaidOut('unigram');
export const BIGRAMS = templatesLaidOut('bigram');
export const TRIGRAMS = templatesLaidOut('trigram');
export const SKIP = templateId('skip-1+1');
/** The word identities: slots 0-3 `word` by position B/M/E/S, 4 `word-before`, 5 `word-after`. */
export const WORD = templateId('word');
export const WORD_BEFORE = templateId('word-before');
export const WORD_AFTER = templateId('word-after');
export const WORDS = Int32Array.of(WORD, WORD_BEFORE, WORD_AFTER);
export const WORD_ROWS = 6;
export const CHAR_POS = templateId('char-word-pos');
/**
 * Direct templates whose summed rows are memoised per distinct combination of payloads: the ones
 * every character has (type pattern, bias, place-tag and lexicon patterns) and the POS templates of
 * the word it sits in. A few hundred combinations cover a page, so two lookups in a small hot table
 * replace nine sparse rows.
 */
export const GROUP_ALWAYS = Int32Array.from(templatesLaidOut('always'));
export const GROUP_WORD = Int32Array.from(templatesLaidOut('word-pos'));
/** Direct templates that rarely fire, added one by one. */
export const RARE = Int32Array.from(templatesLaidOut('rare'));

// The payloads the scorer decodes (scorer.ts packGroup, directSlot below).
export const CHAR_TYPES = templateId('char-types');
export const BIAS = templateId('bias');
export const PLACE_WINDOW = templateId('gazetteer-place-window');
export const LEXICON_WINDOW = templateId('lexicon-window');
export const WORD_POS = templateId('word-pos');
export const WORD_POS_PREV = templateId('word-pos-prev');
export const WORD_POS_NEXT = templateId('word-pos-next');
export const WORD_POS_LENGTH = templateId('word-pos-length');
export const TYPE_WORD_POS = templateId('char-type-word-pos');

/** Direct templates whose payload is a small number, used as the index. */
const SMALL_PAYLOAD = new Set([...GROUP_ALWAYS, ...RARE]);
/** Largest payload accepted as an index (guards the arrays' size against a strange model). */
const MAX_SMALL = 1 << 16;

// The scorer's arithmetic is written for this window and these payloads: a template laid out
// otherwise must come with scorer code for it.
const sameSet = (a: ArrayLike<number>, b: readonly number[]) => a.length === b.length && b.every((t) => Array.from(a).includes(t));
if (
  UNIGRAMS.length !== 7 ||
  BIGRAMS.length !== 4 ||
  TRIGRAMS.length !== 3 ||
  templatesLaidOut('skip').length !== 1 ||
  !sameSet(WORDS, templatesLaidOut('word')) ||
  !sameSet(templatesLaidOut('char-pos'), [CHAR_POS]) ||
  !sameSet(GROUP_ALWAYS, [CHAR_TYPES, BIAS, PLACE_WINDOW, LEXICON_WINDOW]) ||
  !sameSet(GROUP_WORD, [WORD_POS, WORD_POS_PREV, WORD_POS_NEXT, WORD_POS_LENGTH, TYPE_WORD_POS])
) {
  throw new Error('entity scorer: the feature templates are laid out in a way this scorer does not know');
}

/** Number of set bits of a label mask. */
export function bits(mask: number): number {
  let k = 0;
  for (let m = mask; m; m &= m - 1) k++;
  return k;
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

/**
 * Index of the key (hi, lo) of direct template t in its array, -1 when no feature of the model can
 * have it (a POS the model never saw, a payload beyond the array). One-to-one on the keys of t.
 * `posIndex` maps POS hashes to small numbers (np in all).
 */
export function directSlot(t: number, hi: number, lo: number, size: number, posIndex: Int32Array, np: number): number {
  let s: number;
  if (SMALL_PAYLOAD.has(t)) {
    s = hi === t * 65536 && lo >= 0 && lo < MAX_SMALL ? lo : -1;
  } else if (t === WORD_POS) {
    // pos * 4 + b
    const p = posIndex[lo >>> 2]!;
    s = p < 0 ? -1 : p * 4 + (lo & 3);
  } else if (t === WORD_POS_PREV || t === WORD_POS_NEXT) {
    // (other pos << 16 | pos) * 4 + b, the pair's top two bits in hi
    const pair = (((hi & 3) << 30) | (lo >>> 2)) >>> 0;
    const a = posIndex[pair >>> 16]!;
    const b = posIndex[pair & 0xffff]!;
    s = a < 0 || b < 0 ? -1 : (a * np + b) * 4 + (lo & 3);
  } else if (t === WORD_POS_LENGTH) {
    // (pos * 8 + length) * 4 + b
    const p = posIndex[lo >>> 5]!;
    s = p < 0 ? -1 : p * 32 + (lo & 31);
  } else if (t === TYPE_WORD_POS) {
    // character type * 2^16 + pos
    const p = posIndex[lo & 0xffff]!;
    s = p < 0 ? -1 : (lo >>> 16) * np + p;
  } else {
    s = -1;
  }
  return s < size ? s : -1;
}

/** Regroups `model`'s weights into the scorer's tables (see the top of this file and of scorer.ts). */
export function layOutScorer(model: NerModel): ScorerParts {
  const posIndex = new Int32Array(65536).fill(-1);
  let np = 0;
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
  for (const t of [...GROUP_WORD, CHAR_POS]) {
    for (let f = runs[t]!.start; f < runs[t]!.end; f++) {
      const hi = keyHi(keys[f]!);
      const lo = keyLo(keys[f]!);
      if (t === WORD_POS) seen.push(lo >>> 2);
      else if (t === WORD_POS_LENGTH) seen.push(lo >>> 5);
      else if (t === TYPE_WORD_POS) seen.push(lo & 0xffff);
      else {
        // word-pos-prev / -next: (pos << 16 | pos) * 4 + b; char-word-pos: (char id << 16 | pos) * 4 + b
        const pair = (((hi & 3) << 30) | (lo >>> 2)) >>> 0;
        if (t !== CHAR_POS) seen.push(pair >>> 16);
        seen.push(pair & 0xffff);
      }
    }
  }
  for (const p of seen) if (posIndex[p]! < 0) posIndex[p] = np++;

  // Unigrams, dense (zeros where the model row has no weight): row (id * 7 + k) * L for the k-th.
  const NU = UNIGRAMS.length;
  let maxId = 0;
  for (const t of UNIGRAMS) if (runs[t]!.end > runs[t]!.start) maxId = Math.max(maxId, payloadOf(runs[t]!.end - 1, t));
  if (maxId >= 65536) throw new RangeError('entity model: character id out of range');
  const uniDense = new Int16Array((maxId + 1) * NU * L);
  const uniHas = new Uint8Array(maxId + 1);
  UNIGRAMS.forEach((t, k) => {
    for (let f = runs[t]!.start; f < runs[t]!.end; f++) {
      const id = payloadOf(f, t);
      let at = rowAt[f]!;
      let mask = rows[at++]!;
      if (mask) uniHas[id]! |= 1 << k;
      while (mask) {
        const bit = mask & -mask;
        uniDense[(id * NU + k) * L + 31 - Math.clz32(bit)] = rows[at++]!;
        mask ^= bit;
      }
    }
  });

  // Bigrams and trigrams, grouped by their id pair / triple (a trigram's payload a * 2^32 +
  // (b << 16 | c) is, as a key, hi a and lo b << 16 | c).
  const runsOf = (ts: ArrayLike<number>) => Array.from(ts, (t) => runs[t]!);
  const bi = groupTable(model, runsOf(BIGRAMS), BIGRAMS.length, byPayload, slotAmong(BIGRAMS));
  const tri = groupTable(model, runsOf(TRIGRAMS), TRIGRAMS.length, byPayload, slotAmong(TRIGRAMS), true);
  // The skip bigram keyed by its whole key (hi template * 2^16, lo its payload).
  const skip = groupTable(model, [runs[SKIP]!], 1, (t, payload) => t * P48 + payload, () => 0, true);
  // Words: `word`'s payload is hash * 4 + b; the neighbours' the hash.
  const words = groupTable(
    model,
    runsOf(WORDS),
    WORD_ROWS,
    (t, payload) => (t === WORD ? Math.floor(payload / 4) : payload),
    (t, payload) => (t === WORD ? payload % 4 : t === WORD_BEFORE ? 4 : 5),
  );

  const w = new PoolWriter();

  // The character with its word's POS, by character id: slot pos * 4 + b.
  const { start, end } = runs[CHAR_POS]!;
  const ids: number[] = [];
  const slots: number[] = [];
  const rowsOf: number[] = [];
  for (let f = start; f < end; f++) {
    const payload = payloadOf(f, CHAR_POS);
    const pair = Math.floor(payload / 4);
    ids.push(Math.floor(pair / 65536));
    slots.push(posIndex[pair % 65536]! * 4 + (payload % 4));
    rowsOf.push(rowAt[f]!);
  }
  const order = ids.map((_, j) => j).sort((a, b) => ids[a]! - ids[b]! || slots[a]! - slots[b]!);
  const maxCharId = ids.reduce((a, x) => Math.max(a, x), 0);
  const charPosAt = new Int32Array(maxCharId + 2);
  const charPosSlot = new Int32Array(order.length);
  const charPosRow = new Int32Array(order.length);
  order.forEach((j, k) => {
    charPosAt[ids[j]! + 1]!++;
    charPosSlot[k] = slots[j]!;
    charPosRow[k] = w.length;
    w.copyRow(rows, rowsOf[j]!);
  });
  for (let x = 0; x <= maxCharId; x++) charPosAt[x + 1]! += charPosAt[x]!;

  // The direct templates: small payloads (ascending), then the POS ones.
  const direct = Array.from({ length: NT }, () => new Int32Array(0));
  for (const t of [...SMALL_PAYLOAD].sort((a, b) => a - b).concat(Array.from(GROUP_WORD))) {
    const { start, end } = runs[t]!;
    const tslots: number[] = [];
    let size = 0;
    for (let f = start; f < end; f++) {
      const s = directSlot(t, keyHi(keys[f]!), keyLo(keys[f]!), Infinity, posIndex, np);
      if (s < 0) throw new RangeError(`entity model: template ${t} key ${keys[f]} has no slot`);
      tslots.push(s);
      size = Math.max(size, s + 1);
    }
    const table = new Int32Array(size).fill(-1);
    for (let f = start; f < end; f++) {
      table[tslots[f - start]!] = w.length;
      w.copyRow(rows, rowAt[f]!);
    }
    direct[t] = table;
  }
  return {
    scale: model.scale,
    np,
    uniDense,
    uniHas,
    posIndex,
    charPosAt,
    charPosSlot,
    charPosRow,
    pool: w.pool.slice(0, w.length),
    direct,
    bi: bi.parts(),
    tri: tri.parts(),
    skip: skip.parts(),
    words: words.parts(),
  };
}
