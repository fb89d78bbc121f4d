// A word table for longest-match scans over an array of characters.

/**
 * A word table with prefix and suffix sets, so longest-match scans stop as soon as no entry can
 * continue: 中华人民共和国 is found from 中 without trying every length up to the longest entry.
 * (Training's lexicon counting uses it; tagging scans CharTries.)
 */
export class WordDict<V> {
  private readonly prefixes = new Set<string>();
  private readonly suffixes = new Set<string>();
  readonly maxLen: number;
  constructor(readonly map: ReadonlyMap<string, V>) {
    let max = 1;
    for (const w of map.keys()) {
      const cs = Array.from(w);
      max = Math.max(max, cs.length);
      for (let k = 1; k <= cs.length; k++) {
        this.prefixes.add(cs.slice(0, k).join(''));
        this.suffixes.add(cs.slice(cs.length - k).join(''));
      }
    }
    this.maxLen = max;
  }
  /** Is `w` the beginning of some entry? */
  hasPrefix(w: string): boolean {
    return this.prefixes.has(w);
  }
  /** Length (code points) of the longest entry starting at chars[i], at least minLen; 0 if none. */
  longestAt(chars: readonly string[], i: number, minLen = 1): number {
    let w = '';
    let best = 0;
    for (let k = 0; i + k < chars.length; k++) {
      w += chars[i + k];
      if (!this.prefixes.has(w)) break;
      if (k + 1 >= minLen && this.map.has(w)) best = k + 1;
    }
    return best;
  }
  /** Length of the longest entry ending at chars[i] (inclusive), at least minLen; 0 if none. */
  longestEndingAt(chars: readonly string[], i: number, minLen = 1): number {
    let w = '';
    let best = 0;
    for (let k = 0; i - k >= 0; k++) {
      w = chars[i - k] + w;
      if (!this.suffixes.has(w)) break;
      if (k + 1 >= minLen && this.map.has(w)) best = k + 1;
    }
    return best;
  }
  get(chars: readonly string[], s: number, len: number): V | undefined {
    return this.map.get(chars.slice(s, s + len).join(''));
  }
}
