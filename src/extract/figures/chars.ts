// Character tests of the figures stage, on UTF-16 codes.
//
// `t[p]` of a CJK character builds a new one-character string in V8 (only Latin-1 characters are
// cached), and the finder asks about the characters around every figure several times: on dense text
// (a figure every few characters) those strings were a large share of the running time. These helpers
// read `t.charCodeAt(p)` instead, which allocates nothing and is NaN (false everywhere) past the end.

/** An ASCII digit 0-9 at p. */
export const digitAt = (t: string, p: number): boolean => {
  const x = t.charCodeAt(p);
  return x >= 0x30 && x <= 0x39;
};

/** An ASCII letter at p. */
export const letterAt = (t: string, p: number): boolean => {
  const x = t.charCodeAt(p) | 0x20;
  return x >= 0x61 && x <= 0x7a;
};

/** A CJK ideograph (not punctuation) at p: the characters a word is made of. */
export const ideographAt = (t: string, p: number): boolean => {
  const x = t.charCodeAt(p);
  return (x >= 0x3400 && x <= 0x9fff) || (x >= 0xf900 && x <= 0xfaff) || (x >= 0xd800 && x <= 0xdbff);
};

/** A space, tab or ideographic space at p (never a line break). */
export const inlineSpaceAt = (t: string, p: number): boolean => {
  const x = t.charCodeAt(p);
  return x === 0x20 || x === 0x09 || x === 0x3000;
};

/** The character at p is `c` (a one-character string), compared by code. */
export const charIs = (t: string, p: number, c: string): boolean => t.charCodeAt(p) === c.charCodeAt(0);

/** A set of characters tested by code: `has(t, p)` never builds a string. */
export class CharSet {
  private readonly codes = new Set<number>();
  constructor(chars: Iterable<string>) {
    for (const c of chars) this.codes.add(c.charCodeAt(0));
  }
  has(t: string, p: number): boolean {
    return this.codes.has(t.charCodeAt(p));
  }
  hasChar(c: string | undefined): boolean {
    return c !== undefined && this.codes.has(c.charCodeAt(0));
  }
}
