// Loader for the knowledge files in dicts/.
//
// Every file there is UTF-8 text: a header of '#' lines (what, format, source), then one entry per
// line, fields separated by tabs. A BOM is stripped; blank lines and '#' lines are skipped. A malformed
// entry fails loudly with file:line, because a silently skipped dictionary line is a silent accuracy bug.

import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { dictPath } from './paths.js';

export class DictError extends Error {}

export interface DictRow {
  fields: string[];
  line: number;
}

const cache = new Map<string, DictRow[]>();

/** Rows of dicts/<name>; each must have at least `minFields` tab-separated fields. */
export function readDict(name: string, minFields = 1): DictRow[] {
  const key = `${name}\t${minFields}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const path = dictPath(name);
  const rows = parseDict(readFileSync(path, 'utf8'), basename(path), minFields);
  cache.set(key, rows);
  return rows;
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

/** The first field of every row, as a set (word lists). */
export function readWordSet(name: string): Set<string> {
  return new Set(readDict(name).map((r) => r.fields[0]!));
}

/** Rows compiled as regular expressions from the given field; a bad pattern names its file:line. */
export function compilePattern(file: string, row: DictRow, field: number, flags = 'u'): RegExp {
  try {
    return new RegExp(row.fields[field]!, flags);
  } catch (e) {
    throw new DictError(`${file}:${row.line}: bad pattern: ${(e as Error).message}`);
  }
}
