// Shared test helpers: running the built CLI, and the span invariant every record must satisfy.

import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { DocumentRecord } from '../src/types.js';

export const ROOT = join(fileURLToPath(import.meta.url), '..', '..');
export const BIN = join(ROOT, 'bin', 'zhnews.js');
export const SEED = join(ROOT, 'fixtures', 'pages', 'qingdao-west-coast-2022-08.txt');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `node bin/zhnews.js ...args` (the build that `npm test` makes first). */
export function cli(args: string[], options: { input?: string | Buffer; cwd?: string } = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input: options.input ?? '',
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 28,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/**
 * The span invariant: for every annotation, the raw code points [start, end) with whitespace removed
 * equal its text with whitespace removed; spans are non-empty, inside the text, and do not start or
 * end on whitespace. Returns the number of spans checked.
 */
export function expectSpansHold(raw: string, record: DocumentRecord): number {
  const cps = [...raw];
  let n = 0;
  const check = (kind: string, s: { start: number; end: number; text: string }) => {
    const slice = cps.slice(s.start, s.end).join('');
    const where = `${record.id} ${kind} ${JSON.stringify(s.text)} [${s.start},${s.end})`;
    expect(s.start, where).toBeGreaterThanOrEqual(0);
    expect(s.end, where).toBeGreaterThan(s.start);
    expect(s.end, where).toBeLessThanOrEqual(cps.length);
    expect(squeeze(slice), where).toBe(squeeze(s.text));
    expect(/^\s|\s$/.test(slice), `${where}: starts or ends on whitespace`).toBe(false);
    n++;
  };
  record.entities.forEach((e) => check('entity', e));
  record.figures.forEach((f) => check('figure', f));
  record.slogans.forEach((s) => check('slogan', s));
  record.tokens?.forEach((t) => check('token', t));
  for (const a of record.articles) {
    expect(a.end).toBeGreaterThan(a.start);
    // An article's paragraphs are, whitespace aside, text of its span, in order.
    const body = squeeze(cps.slice(a.start, a.end).join(''));
    let from = 0;
    for (const p of a.paragraphs) {
      const at = body.indexOf(squeeze(p), from);
      expect(at, `${record.id}: paragraph ${JSON.stringify(p.slice(0, 20))} not in its article span`).toBeGreaterThanOrEqual(0);
      from = at + squeeze(p).length;
    }
    n++;
  }
  return n;
}

/**
 * A short test name for an input of any length: the input as JSON, a long one cut with its length.
 *   named(['１３．５％'.repeat(3000)]) -> [['"１３．５％１３．５％１３．５％１３．５％…" (15000 chars)', '１３．５％１３．５％…']]
 */
export function named(inputs: readonly string[], max = 20): [string, string][] {
  return inputs.map((s) => [s.length > max ? `${JSON.stringify(s.slice(0, max))}… (${s.length} chars)` : JSON.stringify(s), s]);
}
