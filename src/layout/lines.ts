// Lines of a PDF-extracted page: where each sits in the raw text, how wide it prints, how it ends.
//
// Width is measured as a reader sees the column: a CJK character or full-width form is 1, an ASCII
// character 0.5, letter-spacing inside the line 0, indentation by its own width (　 = 1, ' ' = 0.5).
//   "　　今年以来，青岛开发区紧扣高质" -> indent 2, width 15
//   "意 义。要 坚 持“策 划 带 动 ，规 划 引"  -> width 15 (the spaces are letter-spacing)
//   "产品远销欧美，年出口额突破4800"   -> width 15 (four digits print as two characters)

import { isSpace, isSpaceCode } from '../text/chars.js';

export interface Line {
  /** Line number (0-based). */
  n: number;
  /** UTF-16 range of the line's content in the raw text, leading and trailing whitespace excluded. */
  cs: number;
  ce: number;
  /** The content, verbatim. */
  text: string;
  /** The content with every whitespace character removed. */
  compact: string;
  /** Printed width of the leading whitespace. */
  indent: number;
  /** Printed width of the line, indentation included. */
  width: number;
}

/**
 * Indentation (in characters) from which a line without a sentence's end counts as centred: a paragraph
 * opens with two (　　), a centred headline in a page laid out with spaces sits far further in.
 */
const CENTRED_INDENT = 4;

function spaceWidth(c: string): number {
  return c === '\u3000' ? 1 : c === '\t' ? 2 : 0.5;
}

/** Splits raw text into lines (LF, CRLF or CR); blank lines have cs === ce and compact ''. */
export function splitLines(raw: string): Line[] {
  const lines: Line[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  let n = 0;
  for (let m = re.exec(raw); m && m.index < raw.length; m = re.exec(raw)) {
    const body = m[0].replace(/[\r\n]+$/, '');
    let a = 0;
    let indent = 0;
    while (a < body.length && isSpace(body[a]!)) indent += spaceWidth(body[a++]!);
    let b = body.length;
    while (b > a && isSpace(body[b - 1]!)) b--;
    const text = body.slice(a, b);
    // Over character codes, slicing runs between spaces: a string per character and a concatenation per
    // character were most of the layout stage's garbage.
    let compact = '';
    let width = indent;
    let run = 0;
    for (let i = 0; i < text.length; i++) {
      const x = text.charCodeAt(i);
      if (isSpaceCode(x)) {
        if (i > run) compact += text.slice(run, i);
        run = i + 1;
        continue;
      }
      // The second half of a surrogate pair: one character, counted once.
      if (x >= 0xdc00 && x <= 0xdfff && i > 0 && (text.charCodeAt(i - 1) & 0xfc00) === 0xd800) continue;
      width += x < 0x2000 ? 0.5 : 1;
    }
    compact = run === 0 ? text : compact + text.slice(run);
    // A line set in from the margin by far more than a paragraph's indent, and no sentence's end, is
    // centred (a headline, a section name in a text laid out with spaces): it is no paragraph start.
    const centred = indent >= CENTRED_INDENT && !endsSentence(compact);
    lines.push({ n: n++, cs: m.index + a, ce: m.index + b, text, compact, indent: a === b || centred ? 0 : indent, width });
    if (m[0].length === 0) re.lastIndex++;
  }
  return lines;
}

// A line ends a sentence when its last character does, or when a closing quote or bracket follows
// sentence-final punctuation ("…的优势。”"). A bare closing quote is not enough: headlines end in
// quotes too ("直面“成长烦恼”").
const FINAL = '。！？!?；;…';
const CLOSERS = '”’」』）)';

export function endsSentence(compact: string): boolean {
  const last = compact[compact.length - 1] ?? '';
  if (FINAL.includes(last)) return true;
  return CLOSERS.includes(last) && compact.length > 1 && FINAL.includes(compact[compact.length - 2]!);
}

/** Subtitles (kickers) end with a long dash that leads into the title: "…青岛开发区———". */
export function endsWithLeadDash(compact: string): boolean {
  return /[—－-]{2,}$/u.test(compact);
}

/** A subtitle printed under its title opens with a dash: "——全市制造业数字化转型调查". */
export function startsWithDash(compact: string): boolean {
  return /^[—－]{1,3}[^—－]/u.test(compact) && !endsWithLeadDash(compact);
}

/**
 * The usual printed width of body lines around each line: the most common rounded width among the
 * text lines within `radius` lines either side (ties go to the wider). Headlines and short paragraph
 * ends are too rare to win; articles set in different column widths each get their own.
 */
export function localWidths(lines: Line[], isText: (l: Line) => boolean, radius = 8): Float64Array {
  const text = lines.filter(isText);
  const out = new Float64Array(lines.length);
  const pos = new Map<number, number>();
  text.forEach((l, i) => pos.set(l.n, i));
  const widthAt = (i: number) => Math.round(text[i]!.width);
  let lastW = 0;
  for (const l of lines) {
    const p = pos.get(l.n);
    if (p === undefined) {
      out[l.n] = lastW;
      continue;
    }
    const counts = new Map<number, number>();
    for (let k = Math.max(0, p - radius); k <= Math.min(text.length - 1, p + radius); k++) {
      const w = widthAt(k);
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
    let best = 0;
    let bestN = 0;
    for (const [w, c] of counts) if (c > bestN || (c === bestN && w > best)) [best, bestN] = [w, c];
    out[l.n] = best;
    lastW = best;
  }
  return out;
}
