// A trie over character codes, for the longest-match scans of the gazetteers and name lexicons.
//
// Walking a trie one code at a time replaces building candidate strings (w += chars[k]) and probing a
// Set per length: a scan touches integers only and stops where no entry continues. Codes are code
// points (the tagger's features, over Array.from characters) or UTF-16 code units (the post-rules,
// over string offsets); a trie built reversed is walked leftwards from the end of a match.
//
//   const t = CharTrie.of([['中国', 1], ['中华人民共和国', 2]], 'points');
//   t.longestAt(codes, n, 0)  ->  7 on 中华人民共和国成立, and t.matchValue === 2

/** Which codes a trie's strings are split into. */
export type CodeUnit = 'points' | 'units';

/** A built trie as plain arrays and numbers: what tables.ts stores and restores. */
export interface CharTrieParts {
  cells: Int32Array;
  terminal: Uint8Array;
  values: Float64Array;
  first: Uint8Array;
  pairs: Uint8Array;
  maxLen: number;
  astral: number;
}

export class CharTrie {
  /**
   * Transition table, open addressing: slot i is cells[3i .. 3i + 3) = parent, code, child (parent -1:
   * empty). One array, so a probe reads one cache line: the division gazetteer's table is megabytes,
   * and building it (in every process and worker) was cache misses.
   */
  private readonly cells: Int32Array;
  private readonly tMask: number;
  /** Per node: 1 when an entry ends here, and its value. */
  private readonly terminal: Uint8Array;
  private readonly values: Float64Array;
  /** Bit c set: some entry starts with BMP code c (most scans end on this test). */
  private readonly first: Uint8Array;
  /** Bit pairHash(c0, c1) set: some entry starts with c0 c1 (false positives possible). */
  private readonly pairs: Uint8Array;
  /** Longest entry, in codes. */
  readonly maxLen: number;
  /** Value of the entry found by the last longestAt / longestEndingAt that found one. */
  matchValue = 0;
  /** Does some entry start with a code above the BMP? */
  private astral = false;

  private constructor(entries: readonly (readonly [string, number])[] | CharTrieParts, unit: CodeUnit, reversed: boolean) {
    if (!Array.isArray(entries)) {
      const p = entries as CharTrieParts;
      this.cells = p.cells;
      this.tMask = p.cells.length / 3 - 1;
      this.terminal = p.terminal;
      this.values = p.values;
      this.first = p.first;
      this.pairs = p.pairs;
      this.maxLen = p.maxLen;
      this.astral = p.astral === 1;
      return;
    }
    // Codes go through one scratch buffer, not an array per entry: the division gazetteer alone has
    // 35,000 entries, built in every process and worker.
    this.first = new Uint8Array(8192);
    this.pairs = new Uint8Array(8192);
    let scratch = new Int32Array(64);
    const codesOfEntry = (str: string): number => {
      if (scratch.length < str.length) scratch = new Int32Array(str.length * 2);
      let n = 0;
      if (unit === 'units') for (let i = 0; i < str.length; i++) scratch[n++] = str.charCodeAt(i);
      else {
        for (let i = 0; i < str.length; i++) {
          const cp = str.codePointAt(i)!;
          scratch[n++] = cp;
          if (cp > 0xffff) i++;
        }
      }
      if (reversed) {
        for (let a = 0, b = n - 1; a < b; a++, b--) {
          const t = scratch[a]!;
          scratch[a] = scratch[b]!;
          scratch[b] = t;
        }
      }
      return n;
    };
    // Node count bound: UTF-16 lengths (never fewer than code points), so one pass over the entries.
    let total = 1;
    for (const [str] of entries) total += str.length;
    let max = 0;
    let cap = 16;
    while (cap < total * 2) cap *= 2;
    const cells = (this.cells = new Int32Array(cap * 3));
    for (let i = 0; i < cells.length; i += 3) cells[i] = -1;
    const mask = (this.tMask = cap - 1);
    this.terminal = new Uint8Array(total);
    this.values = new Float64Array(total);
    let nodes = 1;
    for (const [str, value] of entries) {
      const len = codesOfEntry(str);
      if (len === 0) continue;
      if (len > max) max = len;
      const c0 = scratch[0]!;
      if (c0 < 65536) this.first[c0 >> 3]! |= 1 << (c0 & 7);
      else this.astral = true;
      if (len >= 2) {
        const h = CharTrie.pairHash(c0, scratch[1]!);
        this.pairs[h >> 3]! |= 1 << (h & 7);
      }
      let node = 0;
      for (let k = 0; k < len; k++) {
        const code = scratch[k]!;
        let c = (CharTrie.hash(node, code) & mask) * 3;
        while (cells[c] !== -1 && !(cells[c] === node && cells[c + 1] === code)) c = ((c / 3 + 1) & mask) * 3;
        if (cells[c] === -1) {
          cells[c] = node;
          cells[c + 1] = code;
          cells[c + 2] = nodes++;
        }
        node = cells[c + 2]!;
      }
      // Later duplicates win, as in a Map built from the same list.
      this.terminal[node] = 1;
      this.values[node] = value;
    }
    this.maxLen = max;
  }

  /** A trie built before, from its parts (CharTrie.parts). */
  static fromParts(p: CharTrieParts): CharTrie {
    return new CharTrie(p, 'points', false);
  }

  /** The trie's arrays (shared, not copied), to store it built. */
  parts(): CharTrieParts {
    const { cells, terminal, values, first, pairs, maxLen } = this;
    return { cells, terminal, values, first, pairs, maxLen, astral: this.astral ? 1 : 0 };
  }

  /** A trie of `entries` (string, value) split into `unit`s, reversed for scans that end at a position. */
  static of(entries: Iterable<readonly [string, number]>, unit: CodeUnit, reversed = false): CharTrie {
    return new CharTrie(Array.isArray(entries) ? (entries as readonly (readonly [string, number])[]) : [...entries], unit, reversed);
  }

  private static pairHash(a: number, b: number): number {
    return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b, 0x7feb352d)) >>> 16;
  }

  private static hash(node: number, code: number): number {
    let h = Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b);
    h ^= h >>> 15;
    return Math.imul(h, 0x2c1b3c6d) ^ (h >>> 12);
  }

  /** Child of `node` by `code`, or -1 (node 0 is the root). */
  child(node: number, code: number): number {
    const mask = this.tMask;
    const cells = this.cells;
    let i = CharTrie.hash(node, code) & mask;
    for (;;) {
      const c = i * 3;
      const p = cells[c]!;
      if (p === node && cells[c + 1] === code) return cells[c + 2]!;
      if (p === -1) return -1;
      i = (i + 1) & mask;
    }
  }

  /** Can an entry start with `code`? (False is certain; true means: walk.) */
  mayStart(code: number): boolean {
    return code < 65536 ? (this.first[code >> 3]! & (1 << (code & 7))) !== 0 : this.astral;
  }

  /** Can an entry start with codes a, b? (False is certain; true means: walk.) */
  mayStartPair(a: number, b: number): boolean {
    const h = CharTrie.pairHash(a, b);
    return (this.pairs[h >> 3]! & (1 << (h & 7))) !== 0;
  }

  /** Does an entry end at `node`? */
  isTerminal(node: number): boolean {
    return this.terminal[node] === 1;
  }

  /** Value of the entry ending at `node` (0 when none). */
  valueAt(node: number): number {
    return this.values[node]!;
  }

  /**
   * Length of the longest entry reading codes[i], codes[i + 1] ... (below n), at least minLen and at
   * most maxDepth codes; 0 if none. Sets matchValue when it finds one.
   */
  longestAt(codes: ArrayLike<number>, n: number, i: number, minLen = 1, maxDepth = Infinity): number {
    if (i >= n || !this.mayStart(codes[i]!)) return 0;
    // Entries of two or more codes only: the first two must be a known pair.
    if (minLen >= 2 && (i + 1 >= n || !this.mayStartPair(codes[i]!, codes[i + 1]!))) return 0;
    let node = 0;
    let best = 0;
    for (let k = 0; i + k < n && k < maxDepth; k++) {
      node = this.child(node, codes[i + k]!);
      if (node < 0) break;
      if (this.terminal[node] === 1 && k + 1 >= minLen) {
        best = k + 1;
        this.matchValue = this.values[node]!;
      }
    }
    return best;
  }

  /**
   * On a reversed trie: length of the longest entry ending at codes[i] (inclusive), at least minLen and
   * at most maxDepth codes; 0 if none. Sets matchValue when it finds one.
   */
  longestEndingAt(codes: ArrayLike<number>, i: number, minLen = 1, maxDepth = Infinity): number {
    if (i < 0 || !this.mayStart(codes[i]!)) return 0;
    if (minLen >= 2 && (i < 1 || !this.mayStartPair(codes[i]!, codes[i - 1]!))) return 0;
    let node = 0;
    let best = 0;
    for (let k = 0; i - k >= 0 && k < maxDepth; k++) {
      node = this.child(node, codes[i - k]!);
      if (node < 0) break;
      if (this.terminal[node] === 1 && k + 1 >= minLen) {
        best = k + 1;
        this.matchValue = this.values[node]!;
      }
    }
    return best;
  }
}
