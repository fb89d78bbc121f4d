// Bytes -> text: the only importer of iconv-lite and jschardet.
//
// `--encoding auto` (the default) decides in this order:
//   1. a byte-order mark (UTF-8, UTF-16 LE/BE);
//   2. strict UTF-8 (most archives are UTF-8; strict decoding never turns bad bytes into mojibake);
//   3. NUL bytes: UTF-16 without a BOM when they sit in every other byte, or when the text reads as
//      UTF-16 one way round (Chinese in UTF-16 has NULs only beside ASCII and a few ideographs such
//      as 开 U+5F00); else a binary file;
//   4. jschardet's guess (it tells GB18030/GBK from Big5 by character frequencies, and Japanese or
//      Korean from both), then the other Chinese encodings, keeping the first whose decoding has no
//      replacement character and reads as text. A Japanese guess (Shift_JIS, EUC-JP) is taken only
//      when the text has kana, a Korean one (EUC-KR) only when it has Hangul: GB18030 decodes almost
//      any byte pair, so a Japanese page left to it came out as Chinese mojibake.
// Bytes no candidate decodes cleanly are an error, never a guess.

import iconv from 'iconv-lite';
import jschardet from 'jschardet';

export const ENCODINGS = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'gbk', 'big5', 'shift_jis', 'euc-jp', 'euc-kr'] as const;
export type EncodingOption = (typeof ENCODINGS)[number];

export type Decoded = { text: string; encoding: string } | { error: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

export function decode(bytes: Uint8Array, encoding: EncodingOption = 'auto'): Decoded {
  if (encoding !== 'auto') return decodeAs(bytes, encoding);
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeAs(bytes, 'utf-8');
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes, 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes, 'utf-16be');

  const text = decodeUtf8(bytes);
  if (text !== null) return text.includes('\0') ? { error: 'binary file (NUL bytes)' } : { text, encoding: 'UTF-8' };

  const nul = nulPattern(bytes);
  if (nul !== 'none') {
    const d = nul === 'binary' ? utf16Reading(bytes) : decodeAs(bytes, nul);
    return d && 'text' in d && readsAsText(d.text) ? d : { error: 'binary file (NUL bytes)' };
  }

  const guess = normalizeName(jschardet.detect(Buffer.from(bytes)).encoding);
  const candidates = [...new Set([guess, 'gb18030', 'big5', 'utf-16le', 'utf-16be'].filter((c): c is string => !!c))];
  for (const c of candidates) {
    const d = decodeAs(bytes, c as EncodingOption);
    if ('text' in d && readsAsText(d.text) && scriptFits(c, d.text)) return d;
  }
  return { error: `cannot decode: not UTF-8, and not cleanly ${candidates.map(display).join(', ')}` };
}

function decodeAs(bytes: Uint8Array, encoding: Exclude<EncodingOption, 'auto'> | string): Decoded {
  if (encoding === 'utf-8') {
    const text = decodeUtf8(bytes);
    return text === null ? { error: 'not valid UTF-8' } : { text, encoding: 'UTF-8' };
  }
  const buf = Buffer.from(bytes);
  if ((encoding === 'utf-16le' || encoding === 'utf-16be') && buf.length % 2 === 1) return { error: `odd byte count for ${display(encoding)}` };
  const text = iconv.decode(buf, encoding, { stripBOM: true });
  // iconv-lite substitutes U+FFFD for bytes it cannot map: that is the mojibake we refuse to emit.
  if (text.includes('\uFFFD')) return { error: `not valid ${display(encoding)}` };
  return { text, encoding: display(encoding) };
}

/** Where NUL bytes sit: every other byte (UTF-16 of mostly-ASCII-plane text), anywhere (binary), or nowhere. */
function nulPattern(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | 'binary' | 'none' {
  let even = 0;
  let odd = 0;
  const n = Math.min(bytes.length, 1 << 16);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) (i % 2 ? odd++ : even++);
  if (even + odd === 0) return 'none';
  // ASCII in UTF-16 puts its zero byte on one side; some ideographs (开 U+5F00) put one on the other.
  if (bytes.length % 2 === 0 && odd >= 3 * even) return 'utf-16le';
  if (bytes.length % 2 === 0 && even >= 3 * odd) return 'utf-16be';
  return 'binary';
}

/** Japanese and Korean guesses must show their script (see the head of this file). */
function scriptFits(encoding: string, text: string): boolean {
  if (encoding === 'shift_jis' || encoding === 'euc-jp') return /[\u3041-\u30ff]/.test(text);
  if (encoding === 'euc-kr') return /[\uac00-\ud7a3]/.test(text);
  return true;
}

/**
 * Bytes with NULs here and there: UTF-16 when one byte order reads as text of the scripts a Chinese
 * archive holds (CJK, ASCII, CJK and full-width punctuation) throughout, and without lone surrogates;
 * the other order puts ideographs in the Hangul and private-use blocks.
 */
function utf16Reading(bytes: Uint8Array): Decoded | null {
  if (bytes.length % 2 === 1) return null;
  let best: { d: Decoded; share: number } | null = null;
  for (const enc of ['utf-16le', 'utf-16be'] as const) {
    const d = decodeAs(bytes, enc);
    if (!('text' in d) || /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(d.text)) continue;
    const share = plausibleShare(d.text);
    if (share >= 0.95 && (!best || share > best.share)) best = { d, share };
  }
  return best?.d ?? null;
}

/** Share of characters in the scripts of Chinese text: CJK ideographs and punctuation, ASCII, full-width forms. */
function plausibleShare(text: string): number {
  let good = 0;
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    n++;
    if (
      (c >= 0x20 && c < 0x7f) || c === 9 || c === 10 || c === 13 ||
      (c >= 0x3000 && c <= 0x303f) || (c >= 0x3400 && c <= 0x9fff) || (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2000 && c <= 0x206f) || (c >= 0x20000 && c <= 0x3ffff) || c === 0xfeff
    ) good++;
  }
  return n ? good / n : 0;
}

/** Decoded text that is mostly letters, CJK and punctuation rather than control or private-use characters. */
function readsAsText(text: string): boolean {
  if (text.length === 0) return true;
  let bad = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if ((c < 0x20 && c !== 9 && c !== 10 && c !== 13) || (c >= 0xe000 && c <= 0xf8ff) || (c >= 0x7f && c < 0xa0)) bad++;
  }
  return bad / text.length < 0.01;
}

function normalizeName(name: string | null | undefined): string | null {
  if (!name) return null;
  const n = name.toLowerCase().replace(/_/g, '-');
  if (n === 'gb2312' || n === 'gbk' || n === 'gb18030') return 'gb18030';
  if (n === 'big5') return 'big5';
  if (n === 'shift-jis' || n === 'cp932' || n === 'windows-31j') return 'shift_jis';
  if (n === 'euc-jp') return 'euc-jp';
  if (n === 'euc-kr' || n === 'cp949' || n === 'uhc') return 'euc-kr';
  if (n === 'utf-16-le' || n === 'utf-16le') return 'utf-16le';
  if (n === 'utf-16-be' || n === 'utf-16be') return 'utf-16be';
  return null; // other guesses (windows-1252, ...) are not Chinese encodings: fall through to ours
}

const DISPLAY: Record<string, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GB18030',
  gbk: 'GBK',
  big5: 'Big5',
  shift_jis: 'Shift_JIS',
  'euc-jp': 'EUC-JP',
  'euc-kr': 'EUC-KR',
};

function display(encoding: string): string {
  return DISPLAY[encoding] ?? encoding;
}

/** Bytes of a stream that its encoding cannot decode (StreamDecoder.write / end). */
export class StreamDecodeError extends Error {
  /** The chunk's text before the first byte that does not fit. */
  constructor(
    message: string,
    readonly before: string,
  ) {
    super(message);
  }
}

/** Decodes a stream chunk by chunk in one encoding, characters split across chunks included. */
export interface StreamDecoder {
  /** The encoding's display name (UTF-8, GB18030 ...), as records carry it. */
  readonly encoding: string;
  /** Text of the chunk (throws StreamDecodeError where bytes do not fit: never mojibake). */
  write(chunk: Uint8Array): string;
  /** Text held back for a character the stream ended inside of (throws if there is one). */
  end(): string;
}

export function streamDecoder(encoding: Exclude<EncodingOption, 'auto'>): StreamDecoder {
  const name = display(encoding);
  if (encoding === 'utf-8') {
    // Whole characters only go to a fatal decoder; the bytes of one split across chunks wait in `carry`.
    // (A decoder in stream mode would do that too, but throws away the text before a bad byte.)
    const d = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    let carry: Uint8Array = new Uint8Array(0);
    let first = true;
    return {
      encoding: name,
      write(chunk) {
        let bytes = carry.length ? Buffer.concat([carry, chunk]) : chunk;
        if (first) {
          // A byte-order mark at the very start only (and maybe split across the first chunks).
          if (bytes.length < 3 && BOM.subarray(0, bytes.length).every((b, i) => bytes[i] === b)) {
            carry = bytes.slice();
            return '';
          }
          if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
          first = false;
        }
        const cut = wholeUtf8(bytes);
        carry = bytes.slice(cut);
        const text = decodeUtf8With(d, bytes.subarray(0, cut));
        if (text !== null) return text;
        const bad = firstBadByte(bytes);
        throw new StreamDecodeError('not valid UTF-8', (bad > 0 && decodeUtf8With(d, bytes.subarray(0, bad))) || '');
      },
      end() {
        if (carry.length) throw new StreamDecodeError('not valid UTF-8 (it ends inside a character)', '');
        return '';
      },
    };
  }
  const d = iconv.getDecoder(encoding, { stripBOM: true });
  const check = (text: string | undefined) => {
    const bad = text?.indexOf('\uFFFD') ?? -1;
    if (bad >= 0) throw new StreamDecodeError(`not valid ${name}`, text!.slice(0, bad));
    return text ?? '';
  };
  if (encoding.startsWith('utf-16')) {
    return { encoding: name, write: (chunk) => check(d.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))), end: () => check(d.end()) };
  }
  // GB18030 / GBK / Big5 (and the Japanese and Korean ones): iconv-lite gets whole lines only. Its GB18030 decoder drops the second half of
  // a four-byte character (𠀀) split after its third byte (tested), and a line break (0x0A) is never part
  // of a multi-byte character in these encodings, so cutting after one never splits a character.
  let carry: Buffer = Buffer.alloc(0);
  return {
    encoding: name,
    write(chunk) {
      const bytes = Buffer.concat([carry, chunk]);
      const cut = bytes.lastIndexOf(10) + 1;
      carry = bytes.subarray(cut);
      return cut ? check(d.write(bytes.subarray(0, cut))) : '';
    },
    end: () => check((carry.length ? d.write(carry) : '') + (d.end() ?? '')),
  };
}

const BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

function decodeUtf8With(d: InstanceType<typeof TextDecoder>, bytes: Uint8Array): string | null {
  try {
    return d.decode(bytes);
  } catch {
    return null;
  }
}

/** Length of the longest prefix of `bytes` that does not end inside a UTF-8 sequence. */
function wholeUtf8(bytes: Uint8Array): number {
  let i = bytes.length - 1;
  while (i >= 0 && bytes.length - i <= 4 && (bytes[i]! & 0xc0) === 0x80) i--;
  if (i < 0) return bytes.length;
  return i + Math.max(1, utf8Length(bytes[i]!)) > bytes.length ? i : bytes.length;
}

/** Bytes of the UTF-8 sequence a lead byte starts (1-4), 0 for a byte that cannot lead one. */
function utf8Length(c: number): number {
  return c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
}

/**
 * The encoding of a stream from its first bytes (`eof`: they are all of it), decided as `decode` decides
 * for a whole file; the prefix is cut at its last line break so no character is split.
 */
export function detectStreamEncoding(prefix: Uint8Array, eof: boolean, encoding: EncodingOption = 'auto'): Exclude<EncodingOption, 'auto'> | { error: string } {
  if (encoding !== 'auto') return encoding;
  let sample = prefix;
  if (!eof) {
    let cut = prefix.lastIndexOf(10) + 1;
    if (cut > 0) {
      // UTF-16's line break is two bytes: keep the length even.
      if (cut % 2 === 1 && cut < prefix.length && prefix[cut] === 0) cut++;
    } else cut = wholeUtf8(prefix); // one long line: drop a UTF-8 sequence cut at the end
    sample = prefix.subarray(0, cut);
  }
  const d = decode(sample, 'auto');
  if ('error' in d) return d;
  return (Object.keys(DISPLAY).find((k) => DISPLAY[k] === d.encoding) ?? 'utf-8') as Exclude<EncodingOption, 'auto'>;
}

/**
 * UTF-16 byte order of a line-based stream (JSON Lines) from its first bytes, or null: its lines must
 * be decoded before they are split, since a UTF-16 line break is two bytes and 0x0A sits inside many
 * characters (円 U+5186 ... 0A 4E 上 U+4E0A).
 */
export function utf16Stream(head: Uint8Array, encoding: EncodingOption = 'auto'): 'utf-16le' | 'utf-16be' | null {
  if (encoding === 'utf-16le' || encoding === 'utf-16be') return encoding;
  if (encoding !== 'auto') return null;
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  const sample = head.subarray(0, head.length - (head.length % 2));
  const nul = nulPattern(sample);
  if (nul === 'utf-16le' || nul === 'utf-16be') return nul;
  if (nul === 'binary') {
    const d = utf16Reading(sample);
    return d && 'text' in d ? (d.encoding === 'UTF-16LE' ? 'utf-16le' : 'utf-16be') : null;
  }
  return null;
}

/** Byte offset of the first byte that does not start a well-formed UTF-8 sequence (for the message). */
export function firstBadByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const more = utf8Length(bytes[i]!) - 1;
    if (more < 0) return i;
    for (let k = 1; k <= more; k++) if ((bytes[i + k] ?? 0) >> 6 !== 2) return i;
    i += more + 1;
  }
  return -1;
}
