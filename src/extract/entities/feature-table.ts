// An open-addressing hash table from numeric feature keys to integers (feature row or count).
//
// Feature keys are non-negative integers below 2^53 (template number in the high bits, character ids
// or hashes below), so they are kept in a Float64Array: no string keys, no Map size limit, and a
// million-feature model is indexed in tens of milliseconds at load time.

const EMPTY = -1;
const P32 = 4294967296;

function hashKey(key: number): number {
  const lo = key >>> 0;
  const hi = (key / P32) >>> 0;
  let h = Math.imul(lo ^ Math.imul(hi, 0x9e3779b1), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export class FeatureTable {
  private keys: Float64Array;
  private values: Int32Array;
  private mask: number;
  size = 0;

  constructor(expected = 1024) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.keys = new Float64Array(cap).fill(EMPTY);
    this.values = new Int32Array(cap);
    this.mask = cap - 1;
  }

  private slot(key: number): number {
    let i = hashKey(key) & this.mask;
    const keys = this.keys;
    for (;;) {
      const k = keys[i]!;
      if (k === key || k === EMPTY) return i;
      i = (i + 1) & this.mask;
    }
  }

  /** The value stored for `key`, or -1. */
  get(key: number): number {
    const i = this.slot(key);
    return this.keys[i] === EMPTY ? -1 : this.values[i]!;
  }

  set(key: number, value: number): void {
    const i = this.slot(key);
    if (this.keys[i] === EMPTY) {
      this.keys[i] = key;
      this.size++;
      this.values[i] = value;
      if (this.size * 2 > this.mask) this.grow();
    } else this.values[i] = value;
  }

  /** Adds 1 to the count of `key` (0 when absent). */
  increment(key: number): void {
    const i = this.slot(key);
    if (this.keys[i] === EMPTY) {
      this.keys[i] = key;
      this.values[i] = 1;
      this.size++;
      if (this.size * 2 > this.mask) this.grow();
    } else this.values[i]!++;
  }

  /** Every (key, value) pair, in table order. */
  *entries(): IterableIterator<[number, number]> {
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== EMPTY) yield [this.keys[i]!, this.values[i]!];
  }

  private grow(): void {
    const oldKeys = this.keys;
    const oldValues = this.values;
    const cap = oldKeys.length * 2;
    this.keys = new Float64Array(cap).fill(EMPTY);
    this.values = new Int32Array(cap);
    this.mask = cap - 1;
    for (let i = 0; i < oldKeys.length; i++) {
      const k = oldKeys[i]!;
      if (k === EMPTY) continue;
      const j = this.slot(k);
      this.keys[j] = k;
      this.values[j] = oldValues[i]!;
    }
  }
}
