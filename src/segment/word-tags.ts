// The loaded jieba dictionaries' word -> POS tag table, looked up once per word jieba cuts.
//
// A Map of 100,000 strings answered each lookup in ~0.25 µs on this machine: the cut's words are fresh
// strings, so every lookup hashes the word and then follows pointers to the candidate keys, scattered
// over the heap. Here the words' UTF-16 code units sit in one array behind an open-addressing index, so
// a lookup is a hash over a few code units, one slot read and one short compare in memory that stays
// together. The answers are those of a Map filled from the same entries in order (a later entry wins).

export class WordTags {
  /** Entry e: code units units[at[e] .. at[e] + len[e]), tag tags[tagOf[e]]. */
  private units: Uint16Array;
  private unitCount = 0;
  private at: Int32Array;
  private len: Uint16Array;
  private tagOf: Uint8Array;
  /** slots[h] = entry + 1 (0: empty), linear probing; resized at half full. */
  private slots: Int32Array;
  private mask: number;
  private readonly tags: string[] = [];
  private readonly tagIds = new Map<string, number>();
  /** Number of distinct words. */
  size = 0;

  /** A table sized for about `expected` words (it grows past that). */
  constructor(expected = 1024) {
    const entries = Math.max(16, expected);
    this.units = new Uint16Array(entries * 3);
    this.at = new Int32Array(entries);
    this.len = new Uint16Array(entries);
    this.tagOf = new Uint8Array(entries);
    let cap = 32;
    while (cap < entries * 2) cap *= 2;
    this.slots = new Int32Array(cap);
    this.mask = cap - 1;
  }

  /** Sets the tag of `word` (a later call for the same word wins); an empty word is ignored. */
  set(word: string, tag: string): void {
    this.setSlice(word, 0, word.length, tag);
  }

  /** set() of the word text[from .. to), read in place (a dictionary file's text, line by line). */
  setSlice(text: string, from: number, to: number, tag: string): void {
    const n = to - from;
    if (n <= 0) return;
    if (n > 0xffff) throw new RangeError('word tags: a word of more than 65,535 units');
    let t = this.tagIds.get(tag);
    if (t === undefined) {
      if (this.tags.length === 256) throw new RangeError('word tags: more than 256 distinct tags');
      t = this.tags.length;
      this.tags.push(tag);
      this.tagIds.set(tag, t);
    }
    const s = this.slotOf(text, from, n);
    const e = this.slots[s]! - 1;
    if (e >= 0) {
      this.tagOf[e] = t;
      return;
    }
    if (this.size === this.at.length) this.growEntries();
    while (this.unitCount + n > this.units.length) {
      const grown = new Uint16Array(this.units.length * 2);
      grown.set(this.units);
      this.units = grown;
    }
    const entry = this.size++;
    this.at[entry] = this.unitCount;
    this.len[entry] = n;
    this.tagOf[entry] = t;
    for (let i = from; i < to; i++) this.units[this.unitCount++] = text.charCodeAt(i);
    this.slots[s] = entry + 1;
    if (this.size * 2 > this.slots.length) this.rehash();
  }

  /** The tag of `word`, or undefined when no entry has it. */
  get(word: string): string | undefined {
    const e = this.slots[this.slotOf(word, 0, word.length)]! - 1;
    return e < 0 ? undefined : this.tags[this.tagOf[e]!];
  }

  /** The slot holding the word text[from .. from + n), or the empty slot where it would go. */
  private slotOf(text: string, from: number, n: number): number {
    let h = 0x811c9dc5 | 0;
    for (let i = 0; i < n; i++) h = Math.imul(h ^ text.charCodeAt(from + i), 0x01000193);
    const { slots, mask, units, at, len } = this;
    for (let s = (h ^ (h >>> 15)) & mask; ; s = (s + 1) & mask) {
      const e = slots[s]! - 1;
      if (e < 0) return s;
      if (len[e] !== n) continue;
      const a = at[e]!;
      let k = 0;
      while (k < n && units[a + k] === text.charCodeAt(from + k)) k++;
      if (k === n) return s;
    }
  }

  private growEntries(): void {
    const cap = this.at.length * 2;
    const at = new Int32Array(cap);
    const len = new Uint16Array(cap);
    const tagOf = new Uint8Array(cap);
    at.set(this.at);
    len.set(this.len);
    tagOf.set(this.tagOf);
    this.at = at;
    this.len = len;
    this.tagOf = tagOf;
  }

  /** Doubles the index and puts every entry back (the words are read from the unit array). */
  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let e = 0; e < this.size; e++) {
      const a = this.at[e]!;
      const n = this.len[e]!;
      let h = 0x811c9dc5 | 0;
      for (let i = 0; i < n; i++) h = Math.imul(h ^ this.units[a + i]!, 0x01000193);
      let s = (h ^ (h >>> 15)) & this.mask;
      while (this.slots[s] !== 0) s = (s + 1) & this.mask;
      this.slots[s] = e + 1;
    }
  }
}
