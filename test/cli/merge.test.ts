// Sharded runs and `zhnews merge`: N runs of `analyze --shard I/N` merged are one run (records, order
// by id, summary); merge sorts shards that are not in id order on disk, in bounded chunks.

import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMerge, type MergeRun } from '../../src/cli/merge.js';
import { OutputError, type CliIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { CorpusSummary } from '../../src/summary/corpus.js';
import { shardOf } from '../../src/input/shard.js';
import type { OutputRecord } from '../../src/types.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'zhnews-merge-'));
const ids = (text: string) => text.trimEnd().split('\n').filter(Boolean).map((l) => (JSON.parse(l) as OutputRecord).id);
/** Records stably sorted by id, as merge orders them. */
const byId = (lines: string[]) =>
  lines
    .map((line, i) => ({ line, i, id: (JSON.parse(line) as OutputRecord).id }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.i - b.i))
    .map((x) => x.line);
const linesOf = (text: string) => text.trimEnd().split('\n').filter(Boolean);

function io(): CliIO & { out: string; err: string } {
  const r = {
    out: '',
    err: '',
    stdout: { write: (s: string) => (r.out += s) },
    stderr: { write: (s: string) => (r.err += s) },
    readStdin: async () => Buffer.alloc(0),
    env: {},
  };
  return r;
}

/** A small record for id (a document, or an error record), with a marker to tell repeated ids apart. */
const rec = (id: string, mark = 0): string =>
  JSON.stringify(
    id.startsWith('bad')
      ? { id, schemaVersion: '1.0', error: 'not valid UTF-8' }
      : { id, schemaVersion: '1.0', articles: [], entities: [{ type: 'ORG', text: `机构${mark}`, start: 0, end: 4 }], figures: [], slogans: [], keywords: [{ word: `词${id}`, weight: 0.5 }] },
  );

/** `zhnews ...args` in this process (jieba and the models load once: a run takes a fraction of a second). */
async function zhnews(args: string[]) {
  const out = io();
  const status = await main(['node', 'zhnews', ...args], out);
  return { status, stdout: out.out, stderr: out.err };
}

async function merge(paths: string[], options: Partial<MergeRun> = {}) {
  const out = io();
  const status = await runMerge({ paths, format: 'jsonl', out: undefined, summary: undefined, bom: false, ...options }, out);
  return { status, out: out.out, err: out.err };
}

describe('runMerge', () => {
  // 300 records in random order split into 4 shards by shardOf, each shard in its (random) input order.
  const dir = tmp();
  const all: string[] = [];
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pool = Array.from({ length: 300 }, (_, i) => (i % 17 === 0 ? `bad-${i}` : `doc-${i}`));
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  // An export that repeats ids: both records are kept, in their input order.
  pool.push('doc-5', 'doc-5');
  pool.forEach((id, i) => all.push(rec(id, i)));
  const shards = [0, 1, 2, 3].map((s) => join(dir, `shard-${s}.jsonl`));
  for (const [s, path] of shards.entries()) writeFileSync(path, all.filter((l) => shardOf(JSON.parse(l).id, 4) === s).join('\n') + '\n');

  it('gives every record once, sorted by id, repeated ids in input order', async () => {
    const r = await merge(shards);
    expect(r.status, r.err).toBe(0);
    expect(linesOf(r.out)).toEqual(byId(all));
    expect(ids(r.out).filter((id) => id === 'doc-5')).toHaveLength(3);
  });

  it('sorts on disk in small chunks, merged a few at a time, to the same result (bounded memory)', async () => {
    const whole = await merge(shards);
    const chunked = await merge(shards, { chunkBytes: 2000, fanIn: 3 });
    expect(chunked.status, chunked.err).toBe(0);
    expect(chunked.out).toBe(whole.out);
  });

  it('writes --out atomically and the summary of one run over the same records, whatever their order', async () => {
    const out = join(dir, 'merged.jsonl');
    const sum = join(dir, 'summary.json');
    const r = await merge(shards, { out, summary: sum, chunkBytes: 5000, fanIn: 2 });
    expect(r.status, r.err).toBe(0);
    expect(r.out).toBe('');
    expect(linesOf(readFileSync(out, 'utf8'))).toEqual(byId(all));
    const one = new CorpusSummary();
    for (const l of all) one.add(JSON.parse(l));
    expect(readFileSync(sum, 'utf8')).toBe(JSON.stringify(one.result(), null, 2) + '\n');
    // no temporary file, no scratch folder of sorted chunks left beside the output
    expect(readdirSync(dir).filter((f) => f.startsWith('.'))).toEqual([]);
  });

  it('streams shards already in id order as they are (the shards of a directory)', async () => {
    const sorted = shards.map((p, s) => {
      const q = join(dir, `sorted-${s}.jsonl`);
      writeFileSync(q, byId(linesOf(readFileSync(p, 'utf8'))).join('\n') + '\n');
      return q;
    });
    const r = await merge(sorted, { chunkBytes: 1 });
    expect(r.status, r.err).toBe(0);
    expect(linesOf(r.out)).toEqual(byId(all));
  });

  it('merges empty shards (more shards than documents)', async () => {
    const empty = join(dir, 'empty.jsonl');
    writeFileSync(empty, '');
    const r = await merge([empty, shards[0]!, empty]);
    expect(r.status).toBe(0);
    expect(linesOf(r.out)).toEqual(byId(linesOf(readFileSync(shards[0]!, 'utf8'))));
  });

  it('reports a torn or foreign line with file:line, keeps the rest, exit status 1', async () => {
    const p = join(dir, 'torn.jsonl');
    writeFileSync(p, [rec('a'), '{"id":"b","artic', '[1,2]', rec('c')].join('\n') + '\n');
    const r = await merge([p]);
    expect(r.status).toBe(1);
    expect(ids(r.out)).toEqual(['a', 'c']);
    expect(r.err).toMatch(/torn\.jsonl:2: not JSON/);
    expect(r.err).toMatch(/torn\.jsonl:3: not a zhnews record/);
  });

  it('an id in two shard files is an error: the first file keeps it, exit status 1', async () => {
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    writeFileSync(a, [rec('x', 1), rec('y', 1)].join('\n') + '\n');
    writeFileSync(b, [rec('y', 2), rec('z', 2)].join('\n') + '\n');
    const r = await merge([a, b]);
    expect(r.status).toBe(1);
    expect(linesOf(r.out)).toEqual([rec('x', 1), rec('y', 1), rec('z', 2)]);
    expect(r.err).toMatch(/b\.jsonl: id "y" is also in .*a\.jsonl/);
  });

  it('an output folder it cannot write to is an OutputError (exit status 2), not a crash', async () => {
    const gone = join(dir, 'gone', 'merged.jsonl');
    const r = merge(shards, { out: gone });
    await expect(r).rejects.toBeInstanceOf(OutputError);
    await expect(r).rejects.toThrow(/cannot make a folder for sorting in .*gone: ENOENT/);
  });

  it('writes CSV on request', async () => {
    const r = await merge(shards, { format: 'csv' });
    expect(r.status).toBe(0);
    expect(r.out.split('\n')[0]).toMatch(/^id,/);
  });
});

describe('analyze --shard, then merge (the built CLI)', () => {
  const archive = tmp();
  mkdirSync(join(archive, 'pages', '2022'), { recursive: true });
  const text = (i: number) => `　　本报讯 黄岛海关设立“汽车出口绿色通道”，1至${i}月份共出口商用车${28500 + i}余辆，同比增长13.${i}%。\n`;
  for (let i = 1; i <= 9; i++) writeFileSync(join(archive, 'pages', i < 5 ? '2022' : '', `p-${i}.txt`), text(i));
  writeFileSync(join(archive, 'pages', 'bad.txt'), Buffer.from([0x00, 0x01, 0x02, 0xff]));
  const crawl = join(archive, 'crawl.jsonl');
  writeFileSync(
    crawl,
    [
      ...[9, 3, 7, 1, 5].map((i) => JSON.stringify({ id: `n-${i}`, text: text(i) })),
      '{"id":"torn",',
      JSON.stringify({ id: 'n-3', text: '又一次出现的编号。' }),
      JSON.stringify({ id: 'no-text', body: 'x' }),
    ].join('\n') + '\n',
  );

  it('the shards of a directory, merged, are byte for byte one --jobs 1 run, summary included', async () => {
    const dir = tmp();
    const shards = [0, 1, 2, 3].map((i) => join(dir, `shard-${i}.jsonl`));
    for (const [i, out] of shards.entries()) {
      const r = await zhnews(['analyze', '--jobs', '1', '--shard', `${i}/4`, '--out', out, '--resume', join(archive, 'pages')]);
      expect([0, 1], r.stderr).toContain(r.status);
    }
    const each = shards.map((p) => ids(readFileSync(p, 'utf8')));
    expect(each.flat()).toHaveLength(10);
    expect(new Set(each.flat()).size).toBe(10);
    const single = await zhnews(['analyze', '--jobs', '1', '--format', 'jsonl', '--out', join(dir, 'single.jsonl'), '--summary', join(dir, 'single.csv'), join(archive, 'pages')]);
    expect(single.status).toBe(1);
    const m = await zhnews(['merge', ...shards, '--out', join(dir, 'merged.jsonl'), '--summary', join(dir, 'merged.csv')]);
    expect(m.status, m.stderr).toBe(0);
    expect(readFileSync(join(dir, 'merged.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'single.jsonl'), 'utf8'));
    expect(readFileSync(join(dir, 'merged.csv'), 'utf8')).toBe(readFileSync(join(dir, 'single.csv'), 'utf8'));
    // `zhnews summary` over the shards, one after another, is the same summary
    const s = await zhnews(['summary', '--format', 'csv', ...shards]);
    expect(s.stdout).toBe(readFileSync(join(dir, 'single.csv'), 'utf8'));
  });

  it('the shards of a JSONL export, merged, are one run sorted by id (error records and repeated ids too)', async () => {
    const dir = tmp();
    const shards = [0, 1, 2].map((i) => join(dir, `shard-${i}.jsonl`));
    for (const [i, out] of shards.entries()) await zhnews(['analyze', '--input-format', 'jsonl', '--no-layout', '--shard', `${i}/3`, '--out', out, crawl]);
    const single = await zhnews(['analyze', '--input-format', 'jsonl', '--no-layout', '--format', 'jsonl', '--summary', join(dir, 'single.json'), crawl]);
    expect(single.status).toBe(1);
    const m = await zhnews(['merge', ...shards, '--summary', join(dir, 'merged.json')]);
    expect(m.status, m.stderr).toBe(0);
    expect(linesOf(m.stdout)).toEqual(byId(linesOf(single.stdout)));
    expect(ids(m.stdout)).toEqual([`${crawl}:6`, 'n-1', 'n-3', 'n-3', 'n-5', 'n-7', 'n-9', 'no-text']);
    expect(readFileSync(join(dir, 'merged.json'), 'utf8')).toBe(readFileSync(join(dir, 'single.json'), 'utf8'));
  });

  it('a shard of one text file is JSON Lines like the others', async () => {
    const r = await zhnews(['analyze', '--shard', '0/1', join(archive, 'pages', 'p-5.txt')]);
    expect(r.status, r.stderr).toBe(0);
    expect(linesOf(r.stdout)).toHaveLength(1);
  });

  it.each(['0/0', '5/4', '4/4', 'x', '1/-2', '3'])('--shard %s is a usage error (exit status 2), nothing read', async (spec) => {
    const r = await zhnews(['analyze', '--shard', spec, join(archive, 'pages')]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--shard: /);
  });

  it('merge needs every shard file: a missing one is a usage error, nothing written', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'shard-0.jsonl'), '');
    const r = await zhnews(['merge', join(dir, 'shard-0.jsonl'), join(dir, 'shard-1.jsonl'), '--out', join(dir, 'merged.jsonl')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no such file: .*shard-1\.jsonl/);
    expect(readdirSync(dir)).toEqual(['shard-0.jsonl']);
  });
});
