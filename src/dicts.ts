// Loader for the knowledge files in a dicts folder (the package's dicts/, or one a user gives).
//
// Every file there is UTF-8 text: a header of '#' lines (what, format, source), then one entry per
// line, fields separated by tabs. A BOM is stripped; blank lines and '#' lines are skipped. A malformed
// entry fails loudly with file:line, because a silently skipped dictionary line is a silent accuracy bug.
// A file missing from the folder fails with its path: a custom folder must hold every file it is asked for.
//
//   new DictFolder('/data/my-dicts').read('ner/titles.txt') -> [{ fields: ['市长'], line: 7 }, …]

import { readFileSync } from 'node:fs';
import { basename, isAbsolute, join } from 'node:path';
import { DICTS_DIR } from './paths.js';

export class DictError extends Error {}

export interface DictRow {
  fields: string[];
  line: number;
}

/**
 * One dicts folder: its files read once each (a file asked for twice is parsed once). A Resources
 * object (resources.ts) holds one per Pipeline.
 */
export class DictFolder {
  private readonly cache = new Map<string, DictRow[]>();

  constructor(readonly dir: string = DICTS_DIR) {}

  /** The path of `name` in this folder (an absolute `name` is taken as it is). */
  path(name: string): string {
    return isAbsolute(name) ? name : join(this.dir, name);
  }

  /** The bytes of `name`; a missing or unreadable file is a DictError naming its path. */
  bytes(name: string): Buffer {
    const path = this.path(name);
    try {
      return readFileSync(path);
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
      throw new DictError(`${path}: ${why} (dicts folder ${this.dir})`);
    }
  }

  /** Rows of `name`; each must have at least `minFields` tab-separated fields. */
  read(name: string, minFields = 1): DictRow[] {
    const key = `${name}\t${minFields}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const rows = parseDict(this.bytes(name).toString('utf8'), basename(name), minFields);
    this.cache.set(key, rows);
    return rows;
  }

  /** The first field of every row, as a set (word lists). */
  words(name: string): Set<string> {
    return new Set(this.read(name).map((r) => r.fields[0]!));
  }
}

/** The package's own folder, for the build tools (the analysis reads its folder through a Resources). */
const BUNDLED = new DictFolder();

/** Rows of the package's dicts/<name>; each must have at least `minFields` tab-separated fields. */
export function readDict(name: string, minFields = 1): DictRow[] {
  return BUNDLED.read(name, minFields);
}

export function parseDict(content: string, file: string, minFields = 1): DictRow[] {
  const rows: DictRow[] = [];
  const lines = content.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((raw, i) => {
    if (!raw.trim() || raw.startsWith('#')) return;
    const fields = raw.split('\t').map((f) => f.trim());
    if (fields.length < minFields || fields.slice(0, minFields).some((f) => f === '')) {
      throw new DictError(`${file}:${i + 1}: expected ${minFields} tab-separated fields, got "${raw}"`);
    }
    rows.push({ fields, line: i + 1 });
  });
  return rows;
}

/** Rows compiled as regular expressions from the given field; a bad pattern names its file:line. */
export function compilePattern(file: string, row: DictRow, field: number, flags = 'u'): RegExp {
  try {
    return new RegExp(row.fields[field]!, flags);
  } catch (e) {
    throw new DictError(`${file}:${row.line}: bad pattern: ${(e as Error).message}`);
  }
}
