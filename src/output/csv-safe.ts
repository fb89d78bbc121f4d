// Spreadsheet safety for CSV cells ("CSV injection": OWASP's CSV Injection page; ASVS 5.0, 1.2.10).
//
// A text cell that a spreadsheet reads as a formula (=HYPERLINK(...), @SUM(...), +cmd|...) runs when the
// file is opened. Following OWASP's CSV Injection guidance, such a cell gets a leading apostrophe, which
// Excel and LibreOffice show as text and hide:
//   "=HYPERLINK(...)"          -> "'=HYPERLINK(...)"
// The test looks past what a spreadsheet skips or folds before it decides: leading NUL and other control
// characters, whitespace and line breaks, a byte-order mark, zero-width characters, and the full-width
// look-alikes ＝＋－＠ (folded to = + - @ by some importers). A leading tab, CR or NUL is guarded whatever follows (ASVS).
// Those invisible leading characters are
// dropped from a neutralised cell (they carry nothing, and a NUL upsets CSV readers):
//   "\u0000=HYPERLINK(...)"    -> "'=HYPERLINK(...)"
//   "\u200B＝1+1"              -> "'＝1+1"
// Only text is guarded: a number, a plain decimal written as text ("-3", "2.5") and an ISO date
// ("--05-08", "2024-03") are values, never formulas, and stay as they are for pandas and for sorting.

/** Leading characters a spreadsheet may skip before reading a formula: controls, spaces, BOM, zero-width. */
const INVISIBLE = /^[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u200f\u2028-\u202f\u205f-\u2064\u3000\ufeff]+/u;
/** What starts a formula once the invisible lead is gone (full-width forms included). */
const TRIGGER = /^[=+\-@＝＋－＠﹦﹢﹣]/u;
/** A plain number as text: -3, +2.5, 1e6. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/** An ISO-8601-like date of the record: 2024, 2024-03, 2024-03-05, --03-05, 2024-03-05/2024-03-07. */
const ISO_DATE = /^(?:\d{4}(?:-\d{2}){0,2}|--\d{2}(?:-\d{2})?)(?:\/(?:\d{4}(?:-\d{2}){0,2}|--\d{2}(?:-\d{2})?))?$/;

/** True when a spreadsheet could read the cell as a formula. */
export function looksLikeFormula(value: string): boolean {
  if (/^[\t\r\0]/.test(value)) return true;
  return TRIGGER.test(value.replace(INVISIBLE, ''));
}

/**
 * False when a cell starting with this UTF-16 code cannot be read as a formula: printable ASCII other
 * than + - = @, and CJK. The common case, decided without a regular expression (a page's CSV has
 * thousands of cells).
 */
function mayLead(code: number): boolean {
  if (code > 0x20 && code < 0x7f) return code === 0x2b || code === 0x2d || code === 0x3d || code === 0x40;
  return !(code >= 0x3400 && code <= 0x9fff);
}

/** The cell as it is safe to write: formula-looking text gets a leading apostrophe (see above). */
export function neutralizeCell<T>(value: T): T | string {
  if (typeof value !== 'string' || value.length === 0 || !mayLead(value.charCodeAt(0))) return value;
  if (PLAIN_NUMBER.test(value) || ISO_DATE.test(value)) return value;
  return looksLikeFormula(value) ? `'${value.replace(INVISIBLE, '')}` : value;
}

/** UTF-8 byte-order mark: Excel needs it to read a UTF-8 CSV as UTF-8 rather than the local code page. */
export const BOM = '\uFEFF';
