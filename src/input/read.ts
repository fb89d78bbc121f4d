// Reading documents: files, directories, standard input; text, JSON Lines or CSV; any Chinese encoding.
//
// Every input yields exactly one item per document: an InputDocument, or an ErrorRecord when the
// bytes cannot be read or decoded, or a JSONL line / CSV row is not usable. Nothing is dropped and
// nothing throws for a bad input; the caller decides the exit status. JSON Lines and CSV are streamed,
// so a multi-gigabyte export never sits in memory whole.

import { createReadStream, readFile, readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse';
import type { ErrorRecord, InputDocument } from '../types.js';
import { SCHEMA_VERSION } from '../types.js';
import { drained } from '../streams.js';
import { decode, detectStreamEncoding, firstBadByte, streamDecoder, StreamDecodeError, utf16Stream, type EncodingOption } from './decode.js';
import { documentDate } from './document-date.js';
import { numberSource } from './json-id.js';
import { QuoteRepair } from './csv-quotes.js';
import { randomBytes } from 'node:crypto';

export const INPUT_FORMATS = ['text', 'jsonl', 'csv'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];

export interface InputOptions {
  format: InputFormat;
  idField: string;
  textField: string;
  /** JSONL/CSV field holding the document's date (documentDate reads it); none by default. */
  dateField?: string | undefined;
  /** JSONL/CSV field holding the headline, when the record carries it apart from the text. */
  titleField?: string | undefined;
  /** JSONL/CSV fields carried into the record as they are (--keep-fields; dotted names as in textField). */
  keepFields?: readonly string[] | undefined;
  encoding?: EncodingOption;
}

export type InputItem = InputDocument | ErrorRecord;

/** A source of bytes: a file, or standard input (name '-'). */
export interface ByteSource {
  name: string;
  read(): Promise<Buffer>;
  /** Chunks, for sources read as a stream (JSON Lines). Defaults to one chunk from read(). */
  chunks?(): AsyncIterable<Buffer>;
  /** Size in bytes when known (for progress). */
  size?: number;
  /** The bytes, read on this thread (files: see readDocuments). */
  readSync?(): Buffer;
}

export function fileSource(path: string, size?: number): ByteSource {
  return {
    name: path,
    // fs.readFile with a callback, not fs/promises: the FileHandle and promise of each of its four steps
    // cost the main thread ~0.1 ms a file, as much as analysing a short news item (measured on 5,000).
    read: () => new Promise<Buffer>((resolve, reject) => readFile(path, (e, bytes) => (e ? reject(e) : resolve(bytes)))),
    readSync: () => readFileSync(path),
    chunks: () => createReadStream(path, { highWaterMark: 1 << 20 }),
    ...(size !== undefined ? { size } : {}),
  };
}

export function errorRecord(id: string, error: string): ErrorRecord {
  return { id, schemaVersion: SCHEMA_VERSION, error };
}

/** Whole files read ahead of the one being analysed: at most this many, and this many bytes when sizes are known. */
const READ_AHEAD_FILES = 8;
/**
 * Files known to be at most this size are read on the calling thread. Reading 5,000 news items through
 * libuv's threads cost the main thread ~0.1 ms each (a third of what analysing one costs), against ~0.01 ms
 * for a synchronous read of a cached file; larger files are read ahead, so their reads overlap analysis.
 */
const SYNC_READ_BYTES = 64 * 1024;
const READ_AHEAD_BYTES = 32 * 1024 * 1024;

type ReadResult = { bytes: Buffer } | { error: unknown };

export async function* readDocuments(sources: Iterable<ByteSource> | AsyncIterable<ByteSource>, options: InputOptions): AsyncGenerator<InputItem> {
  if (options.format === 'jsonl' || options.format === 'csv') {
    // Streamed, source by source: a multi-gigabyte export never sits in memory whole.
    for await (const source of sources) {
      try {
        yield* options.format === 'jsonl' ? jsonlDocuments(source, options) : csvDocuments(source, options);
      } catch (e) {
        yield errorRecord(source.name, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
    }
    return;
  }
  // The next files are read while the caller analyses this one: analysis runs on this thread and
  // blocks it, the reads go on in libuv's threads, so each file is in memory when its turn comes
  // (read one at a time, the process sat idle for every open/stat/read/close: a tenth of the run).
  const ahead: { source: ByteSource; read: Promise<ReadResult> }[] = [];
  let aheadBytes = 0;
  const take = async (): Promise<{ source: ByteSource; result: ReadResult }> => {
    const { source, read } = ahead.shift()!;
    aheadBytes -= source.size ?? 0;
    return { source, result: await read };
  };
  const items = function* ({ source, result }: { source: ByteSource; result: ReadResult }): Generator<InputItem> {
    if ('error' in result) {
      const e = result.error as NodeJS.ErrnoException;
      yield errorRecord(source.name, `cannot read: ${e.code ?? e.message}`);
    } else {
      let item: InputItem;
      try {
        item = textDocument(source.name, result.bytes, options.encoding);
      } catch (e) {
        item = errorRecord(source.name, `cannot decode: ${(e as Error).message}`);
      }
      yield item;
    }
  };
  const readNow = (source: ByteSource): ReadResult => {
    try {
      return { bytes: source.readSync!() };
    } catch (error) {
      return { error };
    }
  };
  for await (const source of sources) {
    const small = source.readSync && source.size !== undefined && source.size <= SYNC_READ_BYTES;
    ahead.push({ source, read: small ? Promise.resolve(readNow(source)) : source.read().then((bytes) => ({ bytes }), (error: unknown) => ({ error })) });
    aheadBytes += source.size ?? 0;
    while (ahead.length > READ_AHEAD_FILES || (ahead.length > 1 && aheadBytes > READ_AHEAD_BYTES)) yield* items(await take());
  }
  while (ahead.length) yield* items(await take());
}

function textDocument(id: string, bytes: Uint8Array, encoding: EncodingOption = 'auto'): InputItem {
  const d = decode(bytes, encoding);
  if ('error' in d) return errorRecord(id, d.error + (d.error === 'not valid UTF-8' ? ` (first bad byte at offset ${firstBadByte(bytes)})` : ''));
  return { id, text: d.text, encoding: d.encoding };
}

/** Lines of a byte stream, split on LF, without the LF (a CR before it is kept; JSON ignores it). */
async function* byteLines(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of chunks) {
    let buf = rest.length ? Buffer.concat([rest, chunk]) : chunk;
    let from = 0;
    for (let nl = buf.indexOf(0x0a, from); nl >= 0; nl = buf.indexOf(0x0a, from)) {
      yield buf.subarray(from, nl);
      from = nl + 1;
    }
    rest = Buffer.from(buf.subarray(from));
    buf = rest;
  }
  if (rest.length) yield rest;
}

/** Bytes at the start of a JSONL stream that tell UTF-16 from the rest. */
const JSONL_DETECT_BYTES = 4096;

async function* jsonlDocuments(source: ByteSource, options: InputOptions): AsyncGenerator<InputItem> {
  const chunks = (source.chunks ? source.chunks() : oneChunk(source))[Symbol.asyncIterator]();
  // The first bytes say whether the stream is UTF-16 (a producer on stdin may send them a few at a time).
  const head: Buffer[] = [];
  let headBytes = 0;
  // Enough to tell: a whole line, or JSONL_DETECT_BYTES.
  while (headBytes < JSONL_DETECT_BYTES) {
    const r = await chunks.next();
    if (r.done) break;
    head.push(r.value);
    headBytes += r.value.length;
    if (headBytes >= 2 && r.value.includes(0x0a)) break;
  }
  const all = (async function* () {
    yield* head;
    for (let r = await chunks.next(); !r.done; r = await chunks.next()) yield r.value;
  })();
  const utf16 = utf16Stream(Buffer.concat(head), options.encoding ?? 'auto');
  if (utf16) {
    yield* utf16Lines(all, utf16, source.name, options);
    return;
  }
  let lineNo = 0;
  for await (let bytes of byteLines(all)) {
    lineNo++;
    if (lineNo === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    const where = `${source.name}:${lineNo}`;
    // A JSON Lines file is UTF-8 unless --encoding says otherwise; each line is checked on its own.
    const enc = options.encoding ?? 'auto';
    const decoded = decode(bytes, enc === 'auto' ? 'utf-8' : enc);
    if ('error' in decoded) {
      yield errorRecord(where, `line ${lineNo} is ${decoded.error}${enc === 'auto' ? legacyHint(bytes) : ''}`);
      continue;
    }
    const item = jsonlItem(decoded.text, lineNo, where, decoded.encoding, options);
    if (item) yield item;
  }
}

/** The document of one JSON Lines line, or null for a blank line. */
function jsonlItem(line: string, lineNo: number, where: string, encoding: string, options: InputOptions): InputItem | null {
  if (!line.trim()) return null;
  let obj: unknown;
  try {
    obj = JSON.parse(line);
  } catch (e) {
    return errorRecord(where, `line ${lineNo} is not JSON: ${(e as Error).message}`);
  }
  const item = fromObject(obj, where, `line ${lineNo}`, options, (path) => numberSource(line, path));
  return 'text' in item ? { ...item, encoding } : item;
}

/**
 * JSON Lines in UTF-16: decoded as a stream, then split into lines. Bytes that are not UTF-16 (a lone
 * surrogate, an odd byte at the end) end the file with one error record for the rest.
 */
async function* utf16Lines(chunks: AsyncIterable<Buffer>, encoding: 'utf-16le' | 'utf-16be', name: string, options: InputOptions): AsyncGenerator<InputItem> {
  const decoder = streamDecoder(encoding);
  let rest = '';
  let lineNo = 0;
  const take = function* (text: string, final: boolean): Generator<InputItem> {
    rest += text;
    let from = 0;
    for (let nl = rest.indexOf('\n'); nl >= 0; nl = rest.indexOf('\n', from)) {
      lineNo++;
      const item = jsonlItem(rest.slice(from, nl), lineNo, `${name}:${lineNo}`, decoder.encoding, options);
      if (item) yield item;
      from = nl + 1;
    }
    rest = rest.slice(from);
    if (final && rest) {
      lineNo++;
      const item = jsonlItem(rest, lineNo, `${name}:${lineNo}`, decoder.encoding, options);
      if (item) yield item;
    }
  };
  try {
    for await (const chunk of chunks) yield* take(decoder.write(chunk), false);
    yield* take(decoder.end(), true);
  } catch (e) {
    if (!(e instanceof StreamDecodeError)) throw e;
    yield* take(e.before.slice(0, e.before.lastIndexOf('\n') + 1), false);
    yield errorRecord(`${name}:${lineNo + 1}`, `${e.message} from line ${lineNo + 1} on (the rest of the file is not read)`);
  }
}

/**
 * For a JSONL line that is not UTF-8: the encoding it reads as, when it reads cleanly as a JSON object
 * in one, as advice to rerun with --encoding. Never used to decode it: one short line is too little to
 * tell a GBK export from a UTF-8 line with a broken byte, and a wrong guess is mojibake.
 */
function legacyHint(bytes: Uint8Array): string {
  const d = decode(bytes, 'auto');
  if (!('text' in d) || d.encoding === 'UTF-8') return '';
  try {
    const obj: unknown = JSON.parse(d.text);
    return typeof obj === 'object' && obj !== null ? ` (it reads as ${d.encoding}: if the file is, run with --encoding ${d.encoding.toLowerCase()})` : '';
  } catch {
    return '';
  }
}

/**
 * The document of a parsed JSONL line or CSV row. A numeric id is its source text when `numberText`
 * can give it (json-id.ts: digits beyond 2^53 kept), as the record's string `id`.
 */
function fromObject(obj: unknown, where: string, what: string, options: InputOptions, numberText?: (path: string[]) => string | null): InputItem {
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return errorRecord(where, `${what} is not a JSON object`);
  const rec = obj as Record<string, unknown>;
  const rawId = fieldOf(rec, options.idField);
  const idPath = Object.hasOwn(rec, options.idField) ? [options.idField] : options.idField.split('.');
  const id = typeof rawId === 'string' ? rawId : typeof rawId === 'number' ? (numberText?.(idPath) ?? String(rawId)) : where;
  const value = fieldOf(rec, options.textField);
  // Crawlers often keep an article as a list of paragraphs: one line each, as running text reads them.
  const text = Array.isArray(value) && value.every((p) => typeof p === 'string') ? value.join('\n') : value;
  if (typeof text !== 'string') return errorRecord(id, `${what} has no string field "${options.textField}"${fieldsHint(rec)}`);
  const date = options.dateField === undefined ? null : documentDate(fieldOf(rec, options.dateField));
  const title = options.titleField === undefined ? null : fieldOf(rec, options.titleField);
  const doc: InputDocument = date ? { id, text, date } : { id, text };
  if (typeof title === 'string' && title.trim()) doc.title = title.trim();
  if (options.keepFields?.length) doc.meta = keptFields(rec, options.keepFields);
  return doc;
}

/** The named fields of an input record that it has, by the name given: title, source.url. */
function keptFields(rec: Record<string, unknown>, names: readonly string[]): Record<string, unknown> {
  const meta: Record<string, unknown> = {};
  for (const name of names) {
    const v = fieldOf(rec, name);
    if (v !== undefined) meta[name] = v;
  }
  return meta;
}

/** " (its fields: id, body; name one with --text-field)": what a record has, for a misnamed field. */
function fieldsHint(rec: Record<string, unknown>, what = 'fields'): string {
  const keys = Object.keys(rec);
  if (keys.length === 0) return '';
  const shown = keys.slice(0, 8).join(', ') + (keys.length > 8 ? ', …' : '');
  return ` (its ${what}: ${shown}; name one with --text-field)`;
}

/**
 * A field of a record: its own key `name`, else, for a dotted name, the path into nested objects
 * (data.body -> rec.data.body), as crawler exports nest an article under its metadata. Only own keys
 * count: "constructor" or "toString" find nothing.
 */
function fieldOf(rec: Record<string, unknown>, name: string): unknown {
  if (Object.hasOwn(rec, name)) return rec[name];
  if (!name.includes('.')) return undefined;
  let value: unknown = rec;
  for (const key of name.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Bytes at the start of a CSV stream that choose its encoding (all of a smaller file). */
const DETECT_BYTES = 1 << 20;

async function* csvDocuments(source: ByteSource, options: InputOptions): AsyncGenerator<InputItem> {
  const name = source.name;
  const chunks = (source.chunks ? source.chunks() : oneChunk(source))[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let headBytes = 0;
  let eof = false;
  while (headBytes < DETECT_BYTES) {
    const r = await chunks.next();
    if (r.done) {
      eof = true;
      break;
    }
    head.push(r.value);
    headBytes += r.value.length;
  }
  const encoding = detectStreamEncoding(Buffer.concat(head), eof, options.encoding ?? 'auto');
  if (typeof encoding !== 'string') {
    yield errorRecord(name, encoding.error);
    return;
  }
  const decoder = streamDecoder(encoding);
  // A quote left open ends at the next line that reads as a record (csv-quotes.ts): the damaged lines
  // reach the parser as one marker line, a value no CSV holds (a NUL and a random part).
  const token = `\u0000zhnews-damaged-${randomBytes(6).toString('hex')}:`;
  const repair = new QuoteRepair((k) => token + k);

  // A record csv-parse cannot read becomes an error record in its place: `before` good records precede it.
  const skipped: { before: number; message: string }[] = [];
  const parser = parseCsv({
    columns: true,
    bom: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err: (Error & { records?: number }) | undefined) => {
      skipped.push({ before: err?.records ?? Infinity, message: `bad CSV record: ${err?.message ?? 'unparsable'}` });
    },
  });
  // Its errors reach the loop below through the iterator; this keeps a late one (after the loop has
  // stopped reading) from being an unhandled 'error' event.
  parser.on('error', () => undefined);
  // Decoded text goes into the parser as the rows are taken out (its buffer full, the feed waits).
  let stop: string | null = null;
  const put = async (text: string) => {
    if (text && !parser.destroyed && !parser.write(text)) await drained(parser);
  };
  const feed = (async () => {
    try {
      for (const c of head) await put(repair.push(decoder.write(c)));
      for (let r = await chunks.next(); !r.done && !parser.destroyed; r = await chunks.next()) await put(repair.push(decoder.write(r.value)));
      await put(repair.push(decoder.end()));
    } catch (e) {
      if (e instanceof StreamDecodeError) {
        // The text before the bad bytes, up to its last line break: a record cut there is either whole
        // or an unclosed quote (a bad-record error), never a shortened document.
        await put(repair.push(e.before.slice(0, e.before.lastIndexOf('\n') + 1)));
        stop = e.message;
      } else stop = `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    } finally {
      await put(repair.end()).catch(() => undefined);
      if (!parser.destroyed) parser.end();
    }
  })();

  // Row numbers count the header as row 1 and every record, read or not, as one row: what a
  // spreadsheet shows.
  let row = 2;
  let good = 0;
  let seen = false;
  let k = 0;
  const skippedUpTo = function* (n: number): Generator<InputItem> {
    for (; k < skipped.length && skipped[k]!.before <= n; k++) yield errorRecord(`${name}:${row++}`, skipped[k]!.message);
  };
  try {
    for await (const rec of parser as AsyncIterable<Record<string, string>>) {
      yield* skippedUpTo(good);
      const first = Object.values(rec)[0];
      if (first?.startsWith(token)) {
        const d = repair.damaged[Number(first.slice(token.length))]!;
        yield errorRecord(`${name}:${row}`, `bad CSV record: the quote opened on line ${d.firstLine} is not closed; ${d.firstLine === d.lastLine ? `line ${d.firstLine}` : `lines ${d.firstLine}-${d.lastLine}`} skipped`);
        row++;
        good++;
        continue;
      }
      if (!seen && !(options.textField in rec)) {
        yield errorRecord(name, `CSV has no column "${options.textField}"${fieldsHint(rec, 'columns')}`);
        return;
      }
      const item = fromObject(rec, `${name}:${row}`, `row ${row}`, options);
      row++;
      good++;
      seen = true;
      yield 'text' in item ? { ...item, encoding: decoder.encoding } : item;
    }
  } catch (e) {
    stop ??= `not CSV: ${(e as Error).message}`;
  } finally {
    parser.destroy();
    await feed;
  }
  yield* skippedUpTo(Infinity);
  // Bytes that stop fitting the encoding (or a read that fails) part-way: the rest is one error record.
  if (stop) yield errorRecord(`${name}:${row}`, `${stop} from row ${row} on (the rest of the file is not read)`);
}

async function* oneChunk(source: ByteSource): AsyncGenerator<Buffer> {
  yield await source.read();
}
