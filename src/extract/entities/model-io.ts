// The compact on-disk form of the entity model (dicts/ner/model.bin) and its loader.
//
// Layout, gzip-compressed as a whole:
//   "ZHNER1\n" | u32 header length | header JSON {version, labels, numTemplates, chars, scale,
//   trans, numFeatures, meta} | per feature, in ascending key order: varint(key - previous key),
//   varint(label mask), zigzag varint of each int16 weight whose bit is set in the mask.
// Keys are delta-coded and weights quantised to int16 (weight = q * scale), and features with all
// weights quantised to zero are dropped, which keeps the file small and makes the build
// byte-identical for the same weights.

import { gunzipSync, gzipSync } from 'node:zlib';
import { NUM_LABELS, LABEL_NAMES } from './labels.js';
import { NUM_TEMPLATES } from './feature-templates.js';
import { TRANS_SIZE } from './viterbi.js';

const MAGIC = 'ZHNER1\n';
export const MODEL_VERSION = 1;

export class ModelFormatError extends Error {}

export interface ModelHeader {
  version: number;
  labels: string[];
  numTemplates: number;
  /** Character vocabulary, in id order. */
  chars: string[];
  /** Emission weight = int16 * scale. */
  scale: number;
  /** Transition weights (TRANS_SIZE floats, see viterbi.transIndex). */
  trans: number[];
  numFeatures: number;
  /** Names seen in the training data, with type number + 1 (the lexicon templates of feature-templates.ts). */
  lexicon: [string, number][];
  meta: Record<string, unknown>;
}

/**
 * A loaded model. Weights are kept sparse, as in the file: feature f has key keys[f] (ascending) and
 * its row at rows[at[f]]: a 13-bit label mask followed by one int16 q per set bit (ascending labels),
 * the weight being Math.fround(q * scale), the float32 the trainer's averaged weight was quantised
 * to. Three quarters of the weights are zero, so this is about a seventh of a dense float32 matrix.
 * The tagger regroups it for lookups (scorer.ts); modelRow finds one key by binary search.
 */
export interface NerModel {
  header: ModelHeader;
  keys: Float64Array;
  at: Int32Array;
  rows: Int16Array;
  scale: number;
  trans: Float64Array;
}

/** Offset in m.rows of the row of feature `key`, or -1. */
export function modelRow(m: NerModel, key: number): number {
  let lo = 0;
  let hi = m.keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const k = m.keys[mid]!;
    if (k === key) return m.at[mid]!;
    if (k < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** Weight of label `label` for feature `key` (0 when the model does not have it). */
export function modelWeight(m: NerModel, key: number, label: number): number {
  const at = modelRow(m, key);
  if (at < 0) return 0;
  const mask = m.rows[at]!;
  if (!(mask & (1 << label))) return 0;
  let j = at + 1;
  for (let l = 0; l < label; l++) if (mask & (1 << l)) j++;
  return Math.fround(m.rows[j]! * m.scale);
}

class Writer {
  private buf = Buffer.alloc(1 << 20);
  length = 0;
  private ensure(n: number): void {
    if (this.length + n <= this.buf.length) return;
    const next = Buffer.alloc(Math.max(this.buf.length * 2, this.length + n));
    this.buf.copy(next, 0, 0, this.length);
    this.buf = next;
  }
  /** Unsigned varint of a non-negative integer below 2^53. */
  varint(x: number): void {
    this.ensure(8);
    while (x >= 128) {
      this.buf[this.length++] = (x % 128) | 128;
      x = Math.floor(x / 128);
    }
    this.buf[this.length++] = x;
  }
  bytes(b: Uint8Array): void {
    this.ensure(b.length);
    this.buf.set(b, this.length);
    this.length += b.length;
  }
  result(): Buffer {
    return this.buf.subarray(0, this.length);
  }
}

export interface ModelToWrite {
  chars: string[];
  /** Feature keys in ascending order. */
  keys: Float64Array;
  /** Quantised weights, keys.length x NUM_LABELS. */
  q: Int16Array;
  scale: number;
  trans: Float64Array;
  lexicon: [string, number][];
  meta: Record<string, unknown>;
}

export function encodeModel(m: ModelToWrite): Buffer {
  const L = NUM_LABELS;
  const body = new Writer();
  let prev = 0;
  let count = 0;
  for (let f = 0; f < m.keys.length; f++) {
    let mask = 0;
    for (let l = 0; l < L; l++) if (m.q[f * L + l] !== 0) mask |= 1 << l;
    if (!mask) continue;
    const key = m.keys[f]!;
    if (f > 0 && key <= m.keys[f - 1]!) throw new ModelFormatError('feature keys must ascend');
    body.varint(key - prev);
    prev = key;
    body.varint(mask);
    for (let l = 0; l < L; l++) {
      const v = m.q[f * L + l]!;
      if (v !== 0) body.varint(((v << 1) ^ (v >> 31)) >>> 0);
    }
    count++;
  }
  const header: ModelHeader = {
    version: MODEL_VERSION,
    labels: [...LABEL_NAMES],
    numTemplates: NUM_TEMPLATES,
    chars: m.chars,
    scale: m.scale,
    trans: Array.from(m.trans, (x) => Math.round(x * 1e4) / 1e4),
    numFeatures: count,
    lexicon: m.lexicon,
    meta: m.meta,
  };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  // mtime 0 and a fixed level: same weights -> same bytes.
  return gzipSync(Buffer.concat([Buffer.from(MAGIC, 'latin1'), len, head, body.result()]), { level: 9 });
}

/**
 * Throws unless a model made with `header` fits this code: the same format version, the same number
 * of feature templates (feature-templates.ts) and the same labels in the same order (labels.ts). A
 * model's weights are indexed by both, so any difference would tag nonsense without an error.
 */
export function checkHeader(header: Pick<ModelHeader, 'version' | 'labels' | 'numTemplates'>): void {
  if (header.version !== MODEL_VERSION) throw new ModelFormatError(`entity model: format version ${header.version}, this code reads ${MODEL_VERSION}`);
  if (header.numTemplates !== NUM_TEMPLATES) {
    throw new ModelFormatError(`entity model: made for ${header.numTemplates} feature templates, this code has ${NUM_TEMPLATES}`);
  }
  const labels = Array.isArray(header.labels) ? header.labels : [];
  if (labels.length !== NUM_LABELS || labels.some((l, i) => l !== LABEL_NAMES[i])) {
    throw new ModelFormatError(`entity model: labels ${labels.join(' ')} do not match this code's ${LABEL_NAMES.join(' ')}`);
  }
}

export function decodeModel(file: Buffer): NerModel {
  let raw: Buffer;
  try {
    raw = gunzipSync(file);
  } catch {
    throw new ModelFormatError('entity model: not a gzip file');
  }
  if (raw.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) throw new ModelFormatError('entity model: bad magic');
  const headLen = raw.readUInt32LE(MAGIC.length);
  let p = MAGIC.length + 4;
  const header = JSON.parse(raw.subarray(p, p + headLen).toString('utf8')) as ModelHeader;
  p += headLen;
  checkHeader(header);
  if (header.trans.length !== TRANS_SIZE) throw new ModelFormatError('entity model: bad transition table');
  const n = header.numFeatures;
  const keys = new Float64Array(n);
  const at = new Int32Array(n);
  const scale = header.scale;
  let rows = new Int16Array(n * 4);
  let used = 0;
  const end = raw.length;
  // Most values fit one or two bytes; those paths stay in 31-bit integer arithmetic.
  const readVarint = (): number => {
    if (p + 2 > end) return readLong();
    const b0 = raw[p]!;
    if (b0 < 128) {
      p += 1;
      return b0;
    }
    const b1 = raw[p + 1]!;
    if (b1 < 128) {
      p += 2;
      return (b0 & 127) | (b1 << 7);
    }
    return readLong();
  };
  const readLong = (): number => {
    let x = 0;
    let mul = 1;
    for (;;) {
      const b = raw[p++];
      if (b === undefined) throw new ModelFormatError('entity model: truncated');
      x += (b & 127) * mul;
      if (b < 128) return x;
      mul *= 128;
    }
  };
  let key = 0;
  for (let f = 0; f < n; f++) {
    const delta = readVarint();
    if (f > 0 && delta === 0) throw new ModelFormatError('entity model: keys do not ascend');
    key += delta;
    const mask = readVarint();
    if (mask >= 1 << NUM_LABELS) throw new ModelFormatError('entity model: bad label mask');
    if (rows.length < used + 1 + NUM_LABELS) {
      const grown = new Int16Array(rows.length * 2);
      grown.set(rows);
      rows = grown;
    }
    keys[f] = key;
    at[f] = used;
    rows[used++] = mask;
    for (let l = 0; l < NUM_LABELS; l++) {
      if (!(mask & (1 << l))) continue;
      const z = readVarint();
      rows[used++] = (z >>> 1) ^ -(z & 1);
    }
  }
  return { header, keys, at, rows: rows.slice(0, used), scale, trans: Float64Array.from(header.trans) };
}
