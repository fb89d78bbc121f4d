import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseMerge, runSegment, type SegmentCliOptions } from '../../src/cli/segment.js';
import type { CliIO } from '../../src/cli/io.js';
import { DEFAULT_MERGE } from '../../src/tokens/merge.js';

/** Runs `zhnews segment` in-process on `input` (as a file) and returns its output. */
async function segment(input: string, opts: Partial<SegmentCliOptions> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'zhnews-seg-'));
  const file = join(dir, 'in.txt');
  writeFileSync(file, input);
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    readStdin: async () => Buffer.from(''),
    env: {},
  };
  const status = await runSegment([file], { pos: false, delimiter: ' ', hmm: true, ...opts }, io);
  return { status, stdout, stderr };
}

const PAGE = [
  '青岛西海岸新区前7个月外贸进出口总额同比增长13.5%',
  '',
  '   ',
  '国家发展改革委主任郑栅洁强调，全面推进“五位一体”总体布局。',
  '全年出口商用车28500余辆\t同比增长１３．５％',
  '，。！？',
  '2022年8月11日',
].join('\n');

describe('zhnews segment (in-process)', () => {
  it('segments Traditional text through a Simplified copy and prints its own characters', async () => {
    const { stdout } = await segment('美國總統表示將繼續推進改革，政府系統要加強協調。\n');
    expect(stdout).toBe('美國 總統 表示 將 繼續 推進 改革 ， 政府 系統 要 加強 協調 。\n');
  });

  it('writes one output line per input line, blank lines included, and drops no character', async () => {
    const r = await segment(PAGE + '\n');
    expect(r.status).toBe(0);
    const out = r.stdout.split('\n');
    expect(out.pop()).toBe('');
    const inLines = PAGE.split('\n');
    expect(out).toHaveLength(inLines.length);
    out.forEach((line, i) => expect(line.replace(/\s/g, '')).toBe(inLines[i]!.replace(/\s/g, '')));
  });

  it.each([
    ['an entity', '郑栅洁'],
    ['a slogan', '五位一体'],
    ['a percentage, full width kept', '１３．５％'],
    ['a percentage', '13.5%'],
    ['a year', '2022年'],
  ])('prints %s as one token', async (_what, token) => {
    const r = await segment(PAGE);
    expect(r.stdout.split(/\s+/)).toContain(token);
  });

  it('keeps CRLF input to one line per line', async () => {
    const r = await segment('同比增长13.5%\r\n\r\n出口28500余辆\r\n');
    expect(r.stdout).toBe('同比 增长 13.5%\n\n出口 28500 余 辆\n');
  });

  it('--pos prints PKU tags: w for punctuation, u for 的, t for dates', async () => {
    const r = await segment('郑栅洁的讲话，2022年增长13.5%', { pos: true });
    expect(r.stdout.trim().split(' ')).toEqual(['郑栅洁/nr', '的/u', '讲话/n', '，/w', '2022年/t', '增长/v', '13.5%/m']);
  });

  it('--delimiter and an empty merge list (jieba words only)', async () => {
    const r = await segment('增长13.5%', { delimiter: '|', merge: [] });
    expect(r.stdout).toBe('增长|13.5|%\n');
  });

  it('figures merged on request', async () => {
    const r = await segment('全年出口商用车28500余辆', { merge: [...DEFAULT_MERGE, 'figures'] });
    expect(r.stdout.trim().split(' ')).toContain('28500余辆');
  });
});

describe('parseMerge: --merge LIST / --no-merge', () => {
  it.each([
    [undefined, DEFAULT_MERGE],
    [true, DEFAULT_MERGE],
    [false, []],
    ['none', []],
    ['numbers', ['numbers']],
    ['numbers, figures', ['numbers', 'figures']],
  ] as const)('%j -> %j', (arg, expected) => {
    expect(parseMerge(arg)).toEqual(expected);
  });

  it('names the allowed kinds for an unknown one', () => {
    expect(parseMerge('numbers,people')).toEqual({ error: expect.stringMatching(/unknown kind "people".*numbers, entities, slogans, figures, none/) });
  });
});
