// End-to-end: the real binary, as users and the evaluation run it (docs/output.md).

import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, writeFileSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { cli, ROOT, SEED, expectSpansHold } from '../helpers.js';
import type { DocumentRecord, OutputRecord } from '../../src/types.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'zhnews-test-'));
const jsonl = (out: string) => out.trimEnd().split('\n').map((l) => JSON.parse(l) as OutputRecord);

describe('zhnews analyze', () => {
  it('prints one JSON record for the seed page, with the id as given and spans into the page', () => {
    const r = cli(['analyze', 'fixtures/pages/qingdao-west-coast-2022-08.txt']);
    expect(r.status, r.stderr).toBe(0);
    const rec = JSON.parse(r.stdout) as DocumentRecord;
    expect(rec.id).toBe('fixtures/pages/qingdao-west-coast-2022-08.txt');
    expect(rec.schemaVersion).toBe('1.0');
    expect(Object.keys(rec)).toEqual(['id', 'schemaVersion', 'encoding', 'articles', 'entities', 'figures', 'slogans', 'keywords', 'unassigned']);
    expect(rec.unassigned).toBe(0);
    expect(rec.articles.length).toBeGreaterThan(1);
    expect(expectSpansHold(readFileSync(SEED, 'utf8'), rec)).toBeGreaterThan(50);
  });

  it('writes pure JSON Lines on stdout even with a .env in the working directory (natural loads dotenv)', () => {
    const dir = tmp();
    writeFileSync(join(dir, '.env'), 'ZHNEWS_PROBE=1\n');
    const input = ['{"id":"a","text":"“微改革”助推大发展。"}', '{"id":"b","text":"黄岛口岸共出口商用车28500余辆，同比增长13.5%。"}'].join('\n');
    const r = cli(['analyze', '--input-format', 'jsonl', '--format', 'jsonl', '--no-layout'], { input, cwd: dir });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.map((l) => JSON.parse(l).id)).toEqual(['a', 'b']);
    expect(r.stderr).toBe('');
  });

  it('keeps input order and turns bad JSONL lines into error records, exit status 1', () => {
    const input = [
      '{"id":"ok1","text":"青岛海关所属黄岛海关设立绿色通道。"}',
      '{"id":"broken",',
      '{"id":"notext","body":"x"}',
      '{"id":"ok2","text":"新区邀请10位专家。"}',
    ].join('\n');
    const r = cli(['analyze', '--input-format', 'jsonl', '--format', 'jsonl', '--no-layout'], { input });
    expect(r.status).toBe(1);
    const recs = jsonl(r.stdout);
    expect(recs.map((x) => x.id)).toEqual(['ok1', '-:2', 'notext', 'ok2']);
    expect(recs.map((x) => 'error' in x)).toEqual([false, true, true, false]);
    expect(r.stderr).toMatch(/-:2: line 2 is not JSON/);
  });

  it('reads several files: a bad one becomes an error record, the others are analysed', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'junk.txt'), Buffer.from([0x80, 0xff, 0xfe, 0x81, 0x30, 0xff, 0xff])); // decodes in no encoding
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'blank.txt'), '　　\n \n');
    writeFileSync(join(dir, 'ok.txt'), '330辆国产商用车在黄岛口岸装船发往肯尼亚。');
    const names = ['junk.txt', 'empty.txt', 'missing.txt', 'blank.txt', 'ok.txt'];
    const r = cli(['analyze', ...names.map((n) => join(dir, n))]);
    expect(r.status).toBe(1);
    const recs = jsonl(r.stdout);
    expect(recs.map((x) => x.id)).toEqual(names.map((n) => join(dir, n)));
    expect(recs.map((x) => ('error' in x ? 'error' : 'ok'))).toEqual(['error', 'ok', 'error', 'ok', 'ok']);
    const empty = recs[1] as DocumentRecord;
    expect(empty).toMatchObject({ articles: [], entities: [], figures: [], slogans: [], keywords: [] });
    const ok = recs[4] as DocumentRecord;
    expect(ok.figures.map((f) => f.text)).toContain('330辆');
  });

  it('reads standard input when no path is given, with id "-"', () => {
    const r = cli(['analyze', '--no-layout'], { input: '区政协党组书记、主席逯鹰出席会议并讲话。' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).id).toBe('-');
  });

  it('writes CSV with stable columns', () => {
    const r = cli(['analyze', '--format', 'csv', '--no-layout'], { input: '1至7月份，黄岛口岸共出口商用车28500余辆，同比增长13.5%。' });
    expect(r.status, r.stderr).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!).slice(0, 12)).toEqual(['id', 'kind', 'article', 'article_title', 'date', 'type', 'text', 'start', 'end', 'value', 'normalized', 'unit']);
    expect(rows.filter((x) => x.kind === 'figure').map((x) => x.text)).toContain('13.5%');
  });

  it('--out writes the file atomically and nothing to stdout', () => {
    const dir = tmp();
    const out = join(dir, 'page.jsonl');
    const r = cli(['analyze', '--format', 'jsonl', '--out', out, SEED]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    expect(jsonl(readFileSync(out, 'utf8'))).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(['page.jsonl']);
  });

  it.each([
    [['analyze', '--out', '/nonexistent-zhnews/out.jsonl', SEED], '--out: no such folder'],
    [['analyze', '--out', 'fixtures', SEED], '--out: fixtures exists and is not a regular file (a folder)'],
    [['analyze', '--summary', '/nonexistent-zhnews/s.json', SEED], '--summary: no such folder'],
    [['summary', '--out', '/nonexistent-zhnews/s.csv'], '--out: no such folder'],
  ])('an output path that cannot be written stops the run before it starts: %j', (args, message) => {
    const r = cli(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // a message, not a stack trace
  });

  it('--disable skips stages by name', () => {
    const r = cli(['analyze', '--no-layout', '--disable', 'figures,keywords'], { input: '增资5000万美元。' });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ figures: [], keywords: [] });
  });

  it.each([
    [['analyze', '--format', 'xml']],
    [['analyze', '--input-format', 'csvx']],
    [['analyze', '--disable', 'layout']],
    [['analyze', '--year', '22']],
    [['analyze', '--keep-fields', 'title']],
    [['analyze', '--format', 'csv', '--layers', 'people']],
    [['analyze', '--format', 'jsonl', '--layers', 'figures']],
    [['frobnicate']],
  ])('exits 2 on a usage error: %j', (args) => {
    const r = cli(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toBe('');
  });

  it('--dicts reaches the worker threads', () => {
    // A copy of dicts/ without the line that lists 东盟 as an organisation: the tagger's own LOC stays.
    const dir = tmp();
    cpSync(join(ROOT, 'dicts'), dir, { recursive: true });
    const known = join(dir, 'ner', 'known-names.txt');
    writeFileSync(known, readFileSync(known, 'utf8').replace(/^东盟\tORG\n/m, ''));
    const input = ['a', 'b', 'c'].map((id) => JSON.stringify({ id, text: '中国与东盟各国加强经贸合作。' })).join('\n');
    const run = (args: string[]) => cli(['analyze', '--input-format', 'jsonl', '--no-layout', '--jobs', '2', '--disable', 'keywords', ...args], { input });
    const types = (r: ReturnType<typeof cli>) => jsonl(r.stdout).map((x) => ('entities' in x ? x.entities.map((e) => `${e.type}:${e.text}`).join(' ') : x.error));
    expect(types(run([]))).toEqual(Array(3).fill('LOC:中国 ORG:东盟'));
    const custom = run(['--dicts', dir]);
    expect(custom.status, custom.stderr).toBe(0);
    expect(types(custom)).toEqual(Array(3).fill('LOC:中国 LOC:东盟'));
  });

  it('--help shows examples and exits 0', () => {
    const r = cli(['analyze', '--help']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Examples:/);
  });
});

describe('zhnews segment', () => {
  it('writes one line per input line, empty lines included', () => {
    const input = '青岛开发区紧扣高质量发展主线\n\n同比增长13.5%\n';
    const r = cli(['segment'], { input });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines.slice(0, 3)).toHaveLength(3);
    expect(lines[1]).toBe('');
    expect(lines[0]!.replace(/ /g, '')).toBe('青岛开发区紧扣高质量发展主线');
    // 高质量发展 is in the modern news vocabulary (dicts/seg-modern-words.tsv): one word, not 高 质量 发展
    expect(lines[0]).toContain(' 高质量发展 ');
  });

  it('--pos writes word/tag and keeps the original full-width characters', () => {
    const r = cli(['segment', '--pos'], { input: '增长１３．５％\n' });
    expect(r.status, r.stderr).toBe(0);
    const tokens = r.stdout.trim().split(' ');
    expect(tokens.map((t) => t.split('/')[0]).join('')).toBe('增长１３．５％');
    expect(tokens[0]).toBe('增长/v');
  });

  it('--no-hmm is dictionary-only: an unknown name falls apart', () => {
    const hmm = cli(['segment', '--no-merge'], { input: '逯鹰出席会议\n' }).stdout.trim();
    const dict = cli(['segment', '--no-hmm', '--no-merge'], { input: '逯鹰出席会议\n' }).stdout.trim();
    expect(dict.startsWith('逯 鹰 ')).toBe(true);
    expect(hmm).not.toBe(dict);
  });
});

describe('contract output is deterministic', () => {
  it('gives byte-identical output on two runs', () => {
    const a = cli(['analyze', '--format', 'jsonl', SEED]).stdout;
    const b = cli(['analyze', '--format', 'jsonl', SEED]).stdout;
    expect(a).toBe(b);
    expect(existsSync(SEED)).toBe(true);
  });
});
