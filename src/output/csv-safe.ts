// Spreadsheet safety for CSV cells.
//
// A text cell that starts with = + - @ (or a tab / carriage return) is run as a formula by Excel and
// LibreOffice ("CSV injection"). Such cells get a leading apostrophe, which spreadsheets hide:
//   "=HYPERLINK(...)" -> "'=HYPERLINK(...)". Numbers are left alone (-3 stays a number).

export function neutralizeCell(value: string | number | null): string | number | null {
  if (typeof value !== 'string') return value;
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** UTF-8 byte-order mark: Excel needs it to read a UTF-8 CSV as UTF-8 rather than the local code page. */
export const BOM = '\uFEFF';
