// `analyze --resume`: the --out file as a journal (src/cli/journal.ts), driven in-process through main();
// and the input set that matches nothing.

import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import { Journal } from '../../src/cli/journal.js';
import type { OutputRecord } from '../../src/types.js';

/** Runs `zhnews ...args` in-process; standard input is `stdin`. */
async function zhnews(args: string[], stdin = '') {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    readStdin: async () => Buffer.from(stdin),
    env: {},
  };
  const status = await main(['node', 'zhnews', ...args], io);
  return { status, stdout, stderr };
}

const ids = (text: string) => text.trimEnd().split('\n').map((l) => (JSON.parse(l) as OutputRecord).id);

// Crawler export with numeric ids beyond 2^53 (two of them one apart), a repeated id, and a bad line.
const INPUT = [
  '{"id":12345678901234567890,"text":"黄岛海关设立汽车出口绿色通道，1至7月份共出口商用车28500余辆。"}',
  '{"id":12345678901234567891,"text":"西海岸新区今年前7个月外贸进出口总额同比增长13.5%。"}',
  '{"id":"转载","text":"市政府召开常务会议，研究部署城市更新工作。"}',
  '{"id":"转载","text":"区政协召开专题协商会，围绕乡村振兴建言献策。"}',
  '这一行不是 JSON',
  '{"id":"尾","text":"胶州市人力资源和社会保障局发布招聘公告。"}',
].join('\n');

const RUN = ['analyze', '--input-format', 'jsonl', '--no-layout', '--jobs', '1'];

describe('analyze --resume (the journal)', () => {
  it('numeric ids keep every digit, as strings', async () => {
    const r = await zhnews([...RUN, '--format', 'jsonl'], INPUT);
    expect(r.status).toBe(1); // the line that is not JSON
    expect(ids(r.stdout)).toEqual(['12345678901234567890', '12345678901234567891', '转载', '转载', '-:5', '尾']);
  });

  it('keeps finished records, cuts a torn line, redoes error records and the second of two records with one id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-journal-'));
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, INPUT);
    const whole = await zhnews([...RUN, '--format', 'jsonl', input]);
    const lines = whole.stdout.trimEnd().split('\n');
    const out = join(dir, 'out.jsonl');
    // An earlier run: the first three records, an error record for the second (a worker that died), then
    // killed inside its fourth write. And a temporary file of a run killed before its rename.
    const failed = JSON.stringify({ id: '12345678901234567891', schemaVersion: '1.0', error: 'analysis failed: worker exited with code 1' });
    writeFileSync(out, [lines[0], failed, lines[2], '{"id":"转载","schemaVer'].join('\n'));
    writeFileSync(join(dir, '.out.jsonl.zhnews-0123456789ab.tmp'), lines[0]!);
    const sum = join(dir, 'summary.json');
    const r = await zhnews([...RUN, '--out', out, '--resume', '--summary', sum, input]);
    expect(r.status).toBe(1);
    const got = readFileSync(out, 'utf8').trimEnd().split('\n');
    // Kept as they were; then, in input order, the error record's document and those not done.
    expect(got).toEqual([lines[0], lines[2], lines[1], lines[3], lines[4], lines[5]]);
    expect(readdirSync(dir).sort()).toEqual(['in.jsonl', 'out.jsonl', 'summary.json']);
    // The summary covers the whole file, the records kept included.
    expect(JSON.parse(readFileSync(sum, 'utf8'))).toMatchObject({ documents: 5, errors: 1 });

    // Resuming a finished file redoes only its error record (the line that is not JSON).
    const again = await zhnews([...RUN, '--out', out, '--resume', input]);
    expect(again.status).toBe(1);
    expect(readFileSync(out, 'utf8').trimEnd().split('\n')).toEqual([lines[0], lines[2], lines[1], lines[3], lines[5], lines[4]]);
  });

  it('refuses to resume over a file that is not zhnews output, and leaves it as it was', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-journal-'));
    const out = join(dir, 'notes.jsonl');
    writeFileSync(out, '{"id":"a","text":"x"}\n编辑部的笔记\n');
    const r = await zhnews([...RUN, '--out', out, '--resume', '-'], INPUT);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/notes\.jsonl:2 is not a zhnews record/);
    expect(readFileSync(out, 'utf8')).toBe('{"id":"a","text":"x"}\n编辑部的笔记\n');
  });

  it('counts ids: has() answers yes once per record of that id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-journal-'));
    const out = join(dir, 'out.jsonl');
    writeFileSync(out, '{"id":"转载","articles":[]}\n{"id":"转载","articles":[]}\n{"id":"1","articles":[]}\n');
    const j = await Journal.open(out);
    expect([j.has('转载'), j.has('转载'), j.has('转载'), j.has('1'), j.has('1.0')]).toEqual([true, true, false, true, false]);
    j.close();
  });
});

describe('an input set that matches nothing', () => {
  it('exits 2 with "no input files matched" for an empty folder or a glob that matches nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-empty-'));
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'a.md'), '# 不是 txt');
    const out = join(dir, 'out.jsonl');
    for (const args of [[dir], ['--glob', '**/*.text', dir]]) {
      const r = await zhnews(['analyze', '--out', out, ...args]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/no input files matched \*\*\/\*\.te?xt in /);
    }
    expect(readdirSync(dir)).toEqual(['sub']); // nothing written
  });
});
