import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forEachRecordLine, type CliIO } from '../../src/cli/io.js';

function io(stdin = ''): CliIO & { err: string } {
  const r = {
    err: '',
    stdout: { write: () => true },
    stderr: { write: (s: string) => ((r.err += s), true) },
    readStdin: async () => Buffer.from(stdin, 'utf8'),
    env: {},
  };
  return r;
}

describe('forEachRecordLine: the lines of records files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhnews-lines-'));
  const file = join(dir, 'records.jsonl');
  writeFileSync(file, '{"id":"青岛日报-1"}\n\n{"id":\n   \n{"id":"青岛日报-2"}\n');

  it('takes every non-blank line and reports the ones it throws on, with file and line', async () => {
    const seen: string[] = [];
    const out = io();
    const bad = await forEachRecordLine([file], out, (l) => seen.push(JSON.parse(l).id), () => 'not JSON');
    expect(seen).toEqual(['青岛日报-1', '青岛日报-2']);
    expect(bad).toBe(1);
    expect(out.err).toBe(`zhnews: ${file}:3: not JSON\n`);
  });

  it('reports a file it cannot read and goes on to the next, standard input as "-"', async () => {
    const seen: string[] = [];
    const out = io('{"id":"新华社-7"}\n');
    const missing = join(dir, 'missing.jsonl');
    const bad = await forEachRecordLine([missing, '-'], out, (l) => seen.push(JSON.parse(l).id), String);
    expect(seen).toEqual(['新华社-7']);
    expect(bad).toBe(1);
    expect(out.err).toBe(`zhnews: ${missing}: cannot read: ENOENT\n`);
  });
});
