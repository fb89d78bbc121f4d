// An open-addressing hash table from feature keys to integers (feature counts and rows in training,
// memo offsets in the scorer).
//
// A feature key is template * 2^48 + payload (features.ts), below 2^54. The table keeps it as two
// int32 halves, hi = key / 2^32 and lo = key mod 2^32, side by side with the value in one Int32Array
// (three ints per slot): `find` takes the halves straight from integers, with no float arithmetic;
// `get`, `set` and `increment` take whole numeric keys.

const P32 = 4294967296;
/** hi of an empty slot (real keys have hi >= 0). */
const EMPTY = -1;

/** Slot of (hi, lo) in a table of mask + 1 slots (also the bucket of a key in row-table.ts). */
export function home(hi: number, lo: number, mask: number): number {
  let h = Math.imul(hi, 0x9e3779b1) ^ lo;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h & mask;
}

/** High half of a numeric key. */
export function keyHi(key: number): number {
  return Math.floor(key / P32);
}

/** Low half of a numeric key, as int32 bits. */
export function keyLo(key: number): number {
  return (key - Math.floor(key / P32) * P32) | 0;
}

export class FeatureTable {
  /** Slot i: cells[3i] hi, cells[3i + 1] lo, cells[3i + 2] value. */
  private cells: Int32Array;
  private mask: number;
  size = 0;

  constructor(expected = 1024) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.cells = FeatureTable.emptyCells(cap);
    this.mask = cap - 1;
  }

  private static emptyCells(cap: number): Int32Array {
    const cells = new Int32Array(cap * 3);
    for (let i = 0; i < cells.length; i += 3) cells[i] = EMPTY;
    return cells;
  }

  /** Cell index of the slot holding (hi, lo), or of the empty slot where it would go. */
  private slot(hi: number, lo: number): number {
    const cells = this.cells;
    const mask = this.mask;
    let i = home(hi, lo, mask);
    for (;;) {
      const c = i * 3;
      const h = cells[c]!;
      if ((h === hi && cells[c + 1] === lo) || h === EMPTY) return c;
      i = (i + 1) & mask;
    }
  }

  /** The value stored for the key with halves (hi, lo), or -1. The tagger's hot path. */
  find(hi: number, lo: number): number {
    const c = this.slot(hi, lo);
    return this.cells[c] === EMPTY ? -1 : this.cells[c + 2]!;
  }

  /** The value stored for `key`, or -1. */
  get(key: number): number {
    return this.find(keyHi(key), keyLo(key));
  }

  set(key: number, value: number): void {
    const hi = keyHi(key);
    const lo = keyLo(key);
    const c = this.slot(hi, lo);
    if (this.cells[c] === EMPTY) this.insertAt(c, hi, lo, value);
    else this.cells[c + 2] = value;
  }

  /** Adds 1 to the count of `key` (0 when absent). */
  increment(key: number): void {
    const hi = keyHi(key);
    const lo = keyLo(key);
    const c = this.slot(hi, lo);
    if (this.cells[c] === EMPTY) this.insertAt(c, hi, lo, 1);
    else this.cells[c + 2]!++;
  }

  private insertAt(c: number, hi: number, lo: number, value: number): void {
    this.cells[c] = hi;
    this.cells[c + 1] = lo;
    this.cells[c + 2] = value;
    this.size++;
    if (this.size * 2 > this.mask) this.grow();
  }

  /** Every (key, value) pair, in table order. */
  *entries(): IterableIterator<[number, number]> {
    const cells = this.cells;
    for (let c = 0; c < cells.length; c += 3) {
      if (cells[c] !== EMPTY) yield [cells[c]! * P32 + (cells[c + 1]! >>> 0), cells[c + 2]!];
    }
  }

  private grow(): void {
    const old = this.cells;
    const cap = (this.mask + 1) * 2;
    this.cells = FeatureTable.emptyCells(cap);
    this.mask = cap - 1;
    for (let c = 0; c < old.length; c += 3) {
      if (old[c] === EMPTY) continue;
      const d = this.slot(old[c]!, old[c + 1]!);
      this.cells[d] = old[c]!;
      this.cells[d + 1] = old[c + 1]!;
      this.cells[d + 2] = old[c + 2]!;
    }
  }
}
