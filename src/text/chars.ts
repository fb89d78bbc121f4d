// Character classes and the width fold used for analysis.
//
// `foldWidth` is length-preserving in UTF-16 (one unit in, one unit out), so a folded string can be
// analysed with the offsets of the unfolded one: "１３．５％" -> "13.5%".

/** Whitespace as the layout stage sees it: ASCII, ideographic (U+3000), NBSP and the other Unicode spaces. */
export function isSpace(c: string): boolean {
  return isSpaceCode(c.charCodeAt(0));
}

/** isSpace by character code (no one-character string needed). */
export function isSpaceCode(x: number): boolean {
  // The code points of JavaScript's \s, tested without a regular expression: this runs once per
  // character of every page.
  return (
    x === 0x20 || (x >= 0x09 && x <= 0x0d) || x === 0xa0 || x === 0x3000 || x === 0x1680 ||
    (x >= 0x2000 && x <= 0x200a) || x === 0x2028 || x === 0x2029 || x === 0x202f || x === 0x205f || x === 0xfeff
  );
}

/** CJK ideographs and the CJK punctuation / full-width forms that sit between them on a page. */
export function isCjk(c: string): boolean {
  const x = c.codePointAt(0) ?? 0;
  return (
    (x >= 0x3400 && x <= 0x9fff) || // CJK ext A + unified
    (x >= 0xf900 && x <= 0xfaff) || // compatibility ideographs
    (x >= 0x20000 && x <= 0x3134f) || // ext B..G (astral)
    (x >= 0x3000 && x <= 0x303f) || // CJK punctuation
    (x >= 0xff00 && x <= 0xffef) || // full-width forms
    (x >= 0x2010 && x <= 0x206f) || // general punctuation: “ ” — … ·
    x === 0x25a1 // □, the byline box
  );
}

/** ASCII letters and digits after width folding: the characters between which a real space is kept. */
export function isLatinOrDigit(c: string): boolean {
  return /^[A-Za-z0-9\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]$/.test(c);
}

// Full-width digits, Latin letters and the symbols that occur inside figures and formulas. CJK
// punctuation (，（）：；！？) is deliberately left alone: patterns written for Chinese text keep working.
const WIDE = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF05\uFF0B\uFF0D\uFF0E\uFF0F\uFF5E\uFF1D\uFF1C\uFF1E\uFF03\uFF20\uFF06\uFF0A\u3000]/g;

/** Full-width digits, letters and figure symbols (％＋－．／～) to half-width; U+3000 to a space. */
export function foldWidth(s: string): string {
  return s.replace(WIDE, (c) => (c === '\u3000' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
}
