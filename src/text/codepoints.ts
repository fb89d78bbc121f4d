// Code-point arithmetic: the only place that knows JavaScript strings are UTF-16.
//
// Everything zhnews reports is in Unicode code points of the raw input. Inside the library, text is
// handled as ordinary JS strings (UTF-16) for speed and for regular expressions; these helpers convert
// between the two at the edges.

/** Number of code points in s ("𠀀a" -> 2). */
export function cpLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) n++;
    else {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      n++;
    }
  }
  return n;
}

/**
 * For each UTF-16 index of s (and s.length itself), the code-point index it falls in.
 * A low surrogate maps to the same code point as its high surrogate.
 */
export function utf16ToCodePoints(s: string): Int32Array {
  const out = new Int32Array(s.length + 1);
  let cp = 0;
  for (let i = 0; i < s.length; i++) {
    out[i] = cp;
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) out[++i] = cp;
    }
    cp++;
  }
  out[s.length] = cp;
  return out;
}

/** The code points [start, end) of s, as a string. */
export function sliceCodePoints(s: string, start: number, end: number): string {
  return Array.from(s).slice(start, end).join('');
}

/** True when the code unit at i is the low half of a surrogate pair. */
export function isLowSurrogateAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0xdc00 || c > 0xdfff || i === 0) return false;
  const p = s.charCodeAt(i - 1);
  return p >= 0xd800 && p <= 0xdbff;
}
