// Bytes -> text: the only importer of iconv-lite and jschardet.
//
// `--encoding auto` (the default) decides in this order:
//   1. a byte-order mark (UTF-8, UTF-16 LE/BE);
//   2. strict UTF-8 (most archives are UTF-8; strict decoding never turns bad bytes into mojibake);
//   3. NUL bytes: UTF-16 without a BOM when they sit in every other byte, else a binary file;
//   4. jschardet's guess (it tells GB18030/GBK from Big5 by character frequencies), then the other
//      Chinese encodings, keeping the first whose decoding has no replacement character and reads
//      as text.
// Bytes no candidate decodes cleanly are an error, never a guess.

import iconv from 'iconv-lite';
import jschardet from 'jschardet';

export const ENCODINGS = ['auto', 'utf-8', 'utf-16le', 'utf-16be', 'gb18030', 'gbk', 'big5'] as const;
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
    const d = nul === 'binary' ? null : decodeAs(bytes, nul);
    return d && 'text' in d && readsAsText(d.text) ? d : { error: 'binary file (NUL bytes)' };
  }

  const guess = normalizeName(jschardet.detect(Buffer.from(bytes)).encoding);
  const candidates = [...new Set([guess, 'gb18030', 'big5', 'utf-16le', 'utf-16be'].filter((c): c is string => !!c))];
  for (const c of candidates) {
    const d = decodeAs(bytes, c as EncodingOption);
    if ('text' in d && readsAsText(d.text)) return d;
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
  if (n === 'utf-16-le' || n === 'utf-16le') return 'utf-16le';
  if (n === 'utf-16-be' || n === 'utf-16be') return 'utf-16be';
  return null; // other guesses (windows-1252, ...) are not Chinese encodings: fall through to ours
}

function display(encoding: string): string {
  return { 'utf-8': 'UTF-8', 'utf-16le': 'UTF-16LE', 'utf-16be': 'UTF-16BE', gb18030: 'GB18030', gbk: 'GBK', big5: 'Big5' }[encoding] ?? encoding;
}
