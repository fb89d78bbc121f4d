// A CSV quote left open: where it ends. Sits between the decoder and csv-parse, line by line.
//
// An opening quote that never closes makes csv-parse read the rest of the file as one field, and a
// 1,000-row export became one error record. Here a record whose quote is still open when a line
// comes that (a) does not close it cleanly and (b) reads on its own as a whole record with as many
// fields as the header is taken as damaged: its lines are replaced by one marker line, which the
// reader turns into one error record, and reading goes on with that line.
//
//   id,text                       id,text
//   c5,"未闭合              ->     <marker 1: lines 2-3>
//   第二行                         c6,黄岛海关
//   c6,黄岛海关
//
// A quoted field that legitimately spans lines is kept whole as long as its lines do not each look
// like a record of the header's width; that guess is the price of not losing the rest of the file.
// A CSV of one column is never repaired (any line of text would look like one of its records).
// Quoting follows csv-parse's defaults: comma delimiter, a quote opens only at the start of a field,
// "" is a quote inside one, and a closing quote must be followed by a comma or the end of the line.

/** What the quote state of one line is, read from a given start state. */
interface LineScan {
  /** The line ends inside a quoted field. */
  open: boolean;
  /** A quote closed and something other than a comma or the line end followed (csv-parse refuses it). */
  bad: boolean;
  /** Fields on the line (meaningful when it started outside quotes). */
  fields: number;
}

function scanLine(line: string, open: boolean): LineScan {
  let fields = 1;
  let atStart = !open;
  let bad = false;
  const end = line.endsWith('\r\n') ? line.length - 2 : line.endsWith('\n') ? line.length - 1 : line.length;
  for (let i = 0; i < end; i++) {
    const c = line.charCodeAt(i);
    if (open) {
      if (c !== 0x22) continue;
      if (line.charCodeAt(i + 1) === 0x22) {
        i++;
        continue;
      }
      open = false;
      if (i + 1 < end && line.charCodeAt(i + 1) !== 0x2c) bad = true;
      continue;
    }
    if (c === 0x2c) {
      fields++;
      atStart = true;
    } else if (c === 0x22 && atStart) {
      open = true;
      atStart = false;
    } else atStart = false;
  }
  return { open, bad, fields };
}

/** A damaged record found: its first and last line numbers (1-based, in the file). */
export interface DamagedRecord {
  firstLine: number;
  lastLine: number;
}

export class QuoteRepair {
  private carry = '';
  private lineNo = 0;
  private headerFields: number | null | undefined;
  /** Lines of a record whose quote is open, not yet passed on. */
  private pending: string[] = [];
  private pendingFrom = 0;
  readonly damaged: DamagedRecord[] = [];

  /** `marker(k)` is the line that stands for the k-th damaged record (0-based). */
  constructor(private readonly marker: (k: number) => string) {}

  /** Text for the parser from the next decoded text (whole lines only; the rest waits). */
  push(text: string): string {
    this.carry += text;
    const cut = this.carry.lastIndexOf('\n') + 1;
    if (cut === 0) return '';
    const whole = this.carry.slice(0, cut);
    this.carry = this.carry.slice(cut);
    let out = '';
    let from = 0;
    for (let nl = whole.indexOf('\n'); nl >= 0; nl = whole.indexOf('\n', from)) {
      out += this.line(whole.slice(from, nl + 1));
      from = nl + 1;
    }
    return out;
  }

  /** The rest at the end of the input: a last line without its break, a record still open. */
  end(): string {
    let out = this.carry ? this.line(this.carry) : '';
    this.carry = '';
    if (this.pending.length) out += this.damage(this.lineNo);
    return out;
  }

  private line(line: string): string {
    this.lineNo++;
    if (!this.pending.length) {
      const s = scanLine(line, false);
      if (this.headerFields === undefined) this.headerFields = s.open ? null : s.fields;
      if (!s.open) return line;
      this.pending = [line];
      this.pendingFrom = this.lineNo;
      return '';
    }
    const cont = scanLine(line, true);
    if (!cont.open && !cont.bad) return this.release(line);
    const alone = scanLine(line, false);
    // (A one-column CSV gives no such sign: every line of running text would read as a record.)
    if (this.headerFields && this.headerFields > 1 && !alone.open && !alone.bad && alone.fields === this.headerFields && line.trim()) {
      return this.damage(this.lineNo - 1) + line;
    }
    // Closed badly: csv-parse reports that record itself.
    if (!cont.open) return this.release(line);
    this.pending.push(line);
    return '';
  }

  private release(line: string): string {
    const out = this.pending.join('') + line;
    this.pending = [];
    return out;
  }

  private damage(lastLine: number): string {
    this.pending = [];
    this.damaged.push({ firstLine: this.pendingFrom, lastLine });
    return this.marker(this.damaged.length - 1) + '\n';
  }
}
