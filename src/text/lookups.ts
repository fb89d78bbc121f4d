// Look-ups the pipeline makes over a whole passage in one pass or by binary search, where a scan per
// candidate would make a long passage cost the square of its length: which units some span covers,
// where any of a set of names occurs, whether some span contains a range.

/** One flag per UTF-16 unit of a passage: 1 where one of `spans` covers it. */
export function coveredUnits(length: number, spans: readonly { s: number; e: number }[]): Uint8Array {
  const taken = new Uint8Array(length + 1);
  for (const m of spans) taken.fill(1, Math.max(0, m.s), Math.min(length, m.e));
  return taken;
}

/** Is any unit of [s, e) flagged in `taken`? */
export function anyTaken(taken: Uint8Array, s: number, e: number): boolean {
  for (let k = s; k < e; k++) if (taken[k]) return true;
  return false;
}

/**
 * Where each of `names` occurs in `text` (overlapping occurrences too), in one pass over the text: the
 * names are looked up by their first character, so many names cost no more passes than one.
 *   occurrences('王明见王明亮', ['王明', '明亮']) -> [[0, 3], [4]]
 */
export function occurrences(text: string, names: readonly string[]): number[][] {
  const out: number[][] = names.map(() => []);
  const byFirst = new Map<number, number[]>();
  names.forEach((name, k) => {
    if (!name) return;
    const c = name.charCodeAt(0);
    const ks = byFirst.get(c);
    if (ks) ks.push(k);
    else byFirst.set(c, [k]);
  });
  for (let at = 0; at < text.length; at++) {
    const ks = byFirst.get(text.charCodeAt(at));
    if (ks) for (const k of ks) if (text.startsWith(names[k]!, at)) out[k]!.push(at);
  }
  return out;
}

/**
 * A test "does one of `spans` contain [s, e)?" in logarithmic time: the spans sorted by start, with the
 * furthest end reached by any span starting at or before each.
 */
export function containedTest(spans: readonly { s: number; e: number }[]): (s: number, e: number) => boolean {
  if (spans.length === 0) return () => false;
  const sorted = [...spans].sort((a, b) => a.s - b.s);
  const starts = Int32Array.from(sorted, (x) => x.s);
  const reach = new Int32Array(sorted.length);
  sorted.forEach((x, k) => (reach[k] = Math.max(x.e, k ? reach[k - 1]! : x.e)));
  return (s, e) => {
    // The last span starting at or before s.
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! <= s) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && reach[lo - 1]! >= e;
  };
}
