// Reading documents: files, standard input, text or JSON Lines, strict UTF-8.
//
// Every input yields exactly one item per document: an InputDocument, or an ErrorRecord when the
// bytes cannot be read or decoded, or a JSONL line is not a usable object. Nothing is dropped and
// nothing throws for a bad input; the caller decides the exit status.

import { readFile } from 'node:fs/promises';
import type { ErrorRecord, InputDocument } from './types.js';
import { SCHEMA_VERSION } from './types.js';

export const INPUT_FORMATS = ['text', 'jsonl'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export interface InputOptions {
  format: InputFormat;
  idField: string;
  textField: string;
}

export type InputItem = InputDocument | ErrorRecord;

/** A source of bytes: a path, or '-' for standard input. */
export interface ByteSource {
  name: string;
  read(): Promise<Buffer>;
}

export function fileSource(path: string): ByteSource {
  return { name: path, read: () => readFile(path) };
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

export function errorRecord(id: string, error: string): ErrorRecord {
  return { id, schemaVersion: SCHEMA_VERSION, error };
}

/** Decodes strict UTF-8 (a BOM is dropped); null when the bytes are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

/** Byte offset of the first byte that does not start a well-formed UTF-8 sequence (for the message). */
function firstBadByte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const c = bytes[i]!;
    const more = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (more < 0) return i;
    for (let k = 1; k <= more; k++) if ((bytes[i + k] ?? 0) >> 6 !== 2) return i;
    i += more + 1;
  }
  return -1;
}

export async function* readDocuments(sources: ByteSource[], options: InputOptions): AsyncGenerator<InputItem> {
  for (const source of sources) {
    let bytes: Buffer;
    try {
      bytes = await source.read();
    } catch (e) {
      yield errorRecord(source.name, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      continue;
    }
    if (options.format === 'text') yield textDocument(source.name, bytes);
    else yield* jsonlDocuments(source.name, bytes, options);
  }
}

function textDocument(id: string, bytes: Uint8Array): InputItem {
  const text = decodeUtf8(bytes);
  if (text === null) return errorRecord(id, `not valid UTF-8 (first bad byte at offset ${firstBadByte(bytes)})`);
  return { id, text };
}

function* jsonlDocuments(name: string, bytes: Buffer, options: InputOptions): Generator<InputItem> {
  let lineNo = 0;
  let from = 0;
  while (from < bytes.length) {
    let to = bytes.indexOf(0x0a, from);
    if (to < 0) to = bytes.length;
    const lineBytes = bytes.subarray(from, to);
    from = to + 1;
    lineNo++;
    const where = `${name}:${lineNo}`;
    const line = decodeUtf8(lineBytes);
    if (line === null) {
      yield errorRecord(where, `line ${lineNo} is not valid UTF-8`);
      continue;
    }
    if (!line.trim()) continue;
    let obj: unknown;
    try {
      obj = JSON.parse(line);
    } catch (e) {
      yield errorRecord(where, `line ${lineNo} is not JSON: ${(e as Error).message}`);
      continue;
    }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
      yield errorRecord(where, `line ${lineNo} is not a JSON object`);
      continue;
    }
    const rec = obj as Record<string, unknown>;
    const rawId = rec[options.idField];
    const id = typeof rawId === 'string' || typeof rawId === 'number' ? String(rawId) : where;
    const text = rec[options.textField];
    if (typeof text !== 'string') {
      yield errorRecord(id, `line ${lineNo} has no string field "${options.textField}"`);
      continue;
    }
    yield { id, text };
  }
}
