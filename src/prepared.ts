// Prepared data: typed arrays derived from a dictionary or model file, built once by `npm run build`
// into dist/ and read back by every process and worker instead of being rebuilt at start-up (the entity
// tagger's tables, the IDF table). Derived data, never committed. A file is used only when its
// fingerprint matches — the source file's bytes and the code that lays the arrays out — so a stale or
// foreign file is ignored and the caller builds its arrays as before: it only starts slower until the
// next build.
//
// Layout: "ZHTAB1\n" | u32 LE length of the JSON head | head {fingerprint, meta, numbers, arrays:
// [[name, type, length] ...]} | zero padding to a multiple of 8 | each array's bytes, padded to 8.

import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';

const MAGIC = 'ZHTAB1\n';

export type TypedArray = Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | Float64Array;
const TYPES = { Int8Array, Uint8Array, Int16Array, Uint16Array, Int32Array, Uint32Array, Float64Array } as const;
type TypeName = keyof typeof TYPES;

/** What a prepared file holds: any JSON `meta`, named numbers, named arrays. */
export interface Bundle {
  meta: unknown;
  numbers: Record<string, number>;
  arrays: [string, TypedArray][];
}

/** A prepared file read back: its arrays are views into the file's bytes. */
export interface OpenBundle {
  meta: unknown;
  numbers: Record<string, number>;
  /** The array `name`; throws a RangeError when the file has none (a file of another layout). */
  array<T extends TypedArray>(name: string): T;
}

/** Fingerprint of source data together with the code files that lay its arrays out. */
export function fingerprintOf(data: readonly Uint8Array[], codeFiles: readonly string[]): string {
  const h = createHash('sha256');
  for (const d of data) h.update(d);
  for (const f of codeFiles) h.update(readFileSync(f));
  return h.digest('hex');
}

const pad8 = (n: number) => (8 - (n % 8)) % 8;

export function encodeBundle(b: Bundle, print: string): Buffer {
  const head = Buffer.from(
    JSON.stringify({ fingerprint: print, meta: b.meta, numbers: b.numbers, arrays: b.arrays.map(([name, a]) => [name, a.constructor.name, a.length]) }),
    'utf8',
  );
  const chunks: Buffer[] = [Buffer.from(MAGIC, 'latin1'), Buffer.alloc(4), head];
  chunks[1]!.writeUInt32LE(head.length);
  let at = MAGIC.length + 4 + head.length;
  chunks.push(Buffer.alloc(pad8(at)));
  at += pad8(at);
  for (const [, a] of b.arrays) {
    const bytes = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
    chunks.push(bytes, Buffer.alloc(pad8(bytes.length)));
    at += bytes.length + pad8(bytes.length);
  }
  return Buffer.concat(chunks, at);
}

/** The bundle in `file`, or null when the file is not one or its fingerprint is not `print`. */
export function decodeBundle(file: Buffer, print: string): OpenBundle | null {
  if (file.length < MAGIC.length + 4 || file.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) return null;
  const headLen = file.readUInt32LE(MAGIC.length);
  let at = MAGIC.length + 4;
  const head = JSON.parse(file.subarray(at, at + headLen).toString('utf8')) as {
    fingerprint: string;
    meta: unknown;
    numbers: Record<string, number>;
    arrays: [string, TypeName, number][];
  };
  if (head.fingerprint !== print) return null;
  at += headLen;
  at += pad8(at);
  // Views need their element alignment: a Buffer from a small read may sit at any offset of a pool.
  const base = file.byteOffset % 8 === 0 ? file : Buffer.from(file);
  const arrays = new Map<string, TypedArray>();
  for (const [name, type, length] of head.arrays) {
    const Type = TYPES[type];
    if (!Type) return null;
    const bytes = length * Type.BYTES_PER_ELEMENT;
    if (at + bytes > base.length) return null;
    arrays.set(name, new Type(base.buffer as ArrayBuffer, base.byteOffset + at, length));
    at += bytes + pad8(bytes);
  }
  return {
    meta: head.meta,
    numbers: head.numbers,
    array<T extends TypedArray>(name: string): T {
      const a = arrays.get(name);
      if (!a) throw new RangeError(`prepared file: no array ${name}`);
      return a as T;
    },
  };
}

/** Writes `b` to `path` atomically (a half-written file would fail its read, but not leave one). */
export function writeBundle(path: string, b: Bundle, print: string): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, encodeBundle(b, print));
  renameSync(tmp, path);
}

/**
 * The bundle at `path` made with fingerprint `print`, read into `build`; null when there is none, it
 * does not fit, or `build` finds it of another layout (throws).
 */
export function readBundle<T>(path: string, print: string, build: (b: OpenBundle) => T): T | null {
  let file: Buffer;
  try {
    file = readFileSync(path);
  } catch {
    return null;
  }
  try {
    const b = decodeBundle(file, print);
    return b && build(b);
  } catch {
    return null;
  }
}
