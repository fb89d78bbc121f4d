// Archive scale, end to end: a directory of mixed encodings and bad files, in order, on 1 and 2 jobs.

import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { BIN, cli } from '../helpers.js';
import type { DocumentRecord, OutputRecord } from '../../src/types.js';

const SIMPLIFIED = '　　本报讯 黄岛海关设立“汽车出口绿色通道”，1至7月份共出口商用车28500余辆，同比增长13.5%。\n';
const TRADITIONAL = '　　臺灣經濟部今天宣佈，將投資新臺幣30億元發展半導體產業。\n';

function archive(): string {
  const dir = mkdtempSync(join(tmpdir(), 'zhnews-archive-'));
  mkdirSync(join(dir, 'nested', 'deeper'), { recursive: true });
  writeFileSync(join(dir, 'a-utf8.txt'), SIMPLIFIED);
  writeFileSync(join(dir, 'b-utf8-bom.txt'), '\uFEFF' + SIMPLIFIED);
  writeFileSync(join(dir, 'c-gbk.txt'), iconv.encode(SIMPLIFIED, 'gbk'));
  writeFileSync(join(dir, 'd-gb18030.txt'), iconv.encode(SIMPLIFIED + '𠀀', 'gb18030'));
  writeFileSync(join(dir, 'e-big5.txt'), iconv.encode(TRADITIONAL, 'big5'));
  writeFileSync(join(dir, 'f-utf16le.txt'), iconv.encode(SIMPLIFIED, 'utf-16le', { addBOM: true }));
  writeFileSync(join(dir, 'g-empty.txt'), '');
  writeFileSync(join(dir, 'h-binary.txt'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00, 0x00, 0x00, 0x03, 0x00, 0x3e, 0x00]));
  writeFileSync(join(dir, 'nested', 'deeper', 'i-nested.txt'), SIMPLIFIED);
  writeFileSync(join(dir, 'nested', 'skip.md'), '# not a .txt file');
  return dir;
}

const records = (out: string) => out.trimEnd().split('\n').map((l) => JSON.parse(l) as OutputRecord);
const ok = (r: OutputRecord): r is DocumentRecord => !('error' in r);

describe('analyzing an archive directory', () => {
  const dir = archive();
  const j1 = cli(['analyze', '--jobs', '1', '--format', 'jsonl', dir]);
  const j2 = cli(['analyze', '--jobs', '2', '--format', 'jsonl', dir]);

  it('yields one record per file, in path order, recursively, .txt only; exit status 1 for the bad ones', () => {
    expect(j1.status).toBe(1);
    const recs = records(j1.stdout);
    expect(recs.map((r) => r.id.slice(dir.length + 1))).toEqual([
      'a-utf8.txt', 'b-utf8-bom.txt', 'c-gbk.txt', 'd-gb18030.txt', 'e-big5.txt', 'f-utf16le.txt', 'g-empty.txt', 'h-binary.txt', 'nested/deeper/i-nested.txt',
    ]);
    expect(recs.filter((r) => !ok(r)).map((r) => r.id.slice(dir.length + 1))).toEqual(['h-binary.txt']);
  });

  it('records the encoding and finds the same figures whatever the encoding', () => {
    const recs = records(j1.stdout).filter(ok);
    expect(recs.map((r) => r.encoding)).toEqual(['UTF-8', 'UTF-8', 'GB18030', 'GB18030', 'Big5', 'UTF-16LE', 'UTF-8', 'UTF-8']);
    const figures = (r: DocumentRecord) => r.figures.map((f) => f.text).join(' ');
    const want = figures(recs[0]!);
    expect(want).toContain('13.5%');
    for (const r of [recs[1]!, recs[2]!, recs[3]!, recs[5]!, recs[7]!]) expect(figures(r)).toBe(want);
  });

  it('analyses Traditional text through Simplified but reports the original characters', () => {
    const big5 = records(j1.stdout).find((r) => r.id.endsWith('e-big5.txt')) as DocumentRecord;
    expect(big5.script).toBe('traditional');
    const money = big5.figures.find((f) => f.type === 'money');
    expect(money?.text).toBe('30億元');
  });

  it('gives the same output with 2 jobs as with 1', () => {
    expect(j2.status).toBe(1);
    expect(j2.stdout).toBe(j1.stdout);
  });

  it('--glob picks other files', () => {
    const r = cli(['analyze', '--glob', '**/*.md', '--format', 'jsonl', dir]);
    expect(r.status, r.stderr).toBe(0);
    expect(records(r.stdout).map((x) => x.id.slice(dir.length + 1))).toEqual(['nested/skip.md']);
  });

  it('--resume skips ids already written and keeps the earlier records', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'zhnews-resume-')), 'out.jsonl');
    const first = records(j1.stdout).slice(0, 3);
    // An earlier run that stopped after three records, the last line torn.
    writeFileSync(out, first.map((r) => JSON.stringify(r)).join('\n') + '\n{"id":"torn');
    const r = cli(['analyze', '--jobs', '1', '--out', out, '--resume', dir]);
    expect(r.status).toBe(1);
    expect(readFileSync(out, 'utf8')).toBe(j1.stdout);
  });
});

describe('structured inputs', () => {
  it('JSONL on standard input is streamed: the first record is written while the producer still holds stdin open', async () => {
    const child = spawn(process.execPath, [BIN, 'analyze', '--input-format', 'jsonl', '--no-layout', '--jobs', '2'], { stdio: ['pipe', 'pipe', 'ignore'] });
    let out = '';
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    let exitedEarly = false;
    void exited.then(() => (exitedEarly = true));
    child.stdout.setEncoding('utf8');
    const first = new Promise<void>((resolve) => child.stdout.on('data', (d: string) => ((out += d), out.includes('\n') && resolve())));
    child.stdin.write('{"id":"甲","text":"黄岛海关设立汽车出口绿色通道，共出口商用车28500余辆。"}\n');
    await first;
    expect(exitedEarly).toBe(false);
    expect(JSON.parse(out.split('\n')[0]!)).toMatchObject({ id: '甲' });
    child.stdin.end('{"id":"乙","text":"区政协召开专题协商会。"}\n');
    expect(await exited).toBe(0);
    expect(records(out).map((r) => r.id)).toEqual(['甲', '乙']);
  });

  it('a broken JSONL line is one error record among the others', () => {
    const r = cli(['analyze', '--input-format', 'jsonl', '--jobs', '2', 'fixtures/bad/broken.jsonl']);
    expect(r.status).toBe(1);
    const recs = records(r.stdout);
    expect(recs.map((x) => [x.id, ok(x)])).toEqual([['ok', true], ['fixtures/bad/broken.jsonl:2', false], ['no-text', false]]);
  });

  it('a CSV export, with --text-field naming the column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-csv-'));
    writeFileSync(join(dir, 'x.csv'), 'id,标题,正文\n1,出口,"黄岛口岸共出口商用车28500余辆，同比增长13.5%。"\n2,会议,"区政协党组书记、主席逯鹰出席会议。"\n');
    const r = cli(['analyze', '--input-format', 'csv', '--text-field', '正文', '--no-layout', join(dir, 'x.csv')]);
    expect(r.status, r.stderr).toBe(0);
    expect(records(r.stdout).map((x) => x.id)).toEqual(['1', '2']);
  });
});

describe('summary', () => {
  it('analyze --summary writes the corpus summary beside the records; zhnews summary rebuilds it from them', () => {
    const dir = archive();
    const out = join(dir, 'records.jsonl');
    const sum = join(dir, 'summary.json');
    const r = cli(['analyze', '--jobs', '1', '--out', out, '--format', 'jsonl', '--summary', sum, dir]);
    expect(r.status).toBe(1);
    const s = JSON.parse(readFileSync(sum, 'utf8'));
    expect(s).toMatchObject({ kind: 'corpus-summary', documents: 8, errors: 1 });
    const again = cli(['summary', out]);
    expect(again.status).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual(s);
    const csv = cli(['summary', '--format', 'csv', '--bom', out]);
    expect(csv.stdout.startsWith('\uFEFFsection,type,text,mentions,documents,first,last,weight')).toBe(true);
  });
});

describe('dated crawler exports (--date-field)', () => {
  it('dates each record and the summary by the export\'s date field, the same with --jobs 1 and 2', () => {
    const input = [
      '{"id":"a","meta":{"published":"2024-03-06 09:12"},"text":"3月5日，市政府推进“微改革”，全年GDP增长5%。"}',
      '{"id":"b","meta":{"published":"2023年12月1日"},"text":"全区深化“微改革”。"}',
      '{"id":"c","meta":{"published":"不详"},"text":"“微改革”持续推进。"}',
    ].join('\n');
    const args = ['analyze', '--input-format', 'jsonl', '--date-field', 'meta.published', '--format', 'jsonl'];
    const j1 = cli([...args, '--jobs', '1'], { input });
    const j2 = cli([...args, '--jobs', '2'], { input });
    expect(j1.status, j1.stderr).toBe(0);
    expect(j2.stdout).toBe(j1.stdout);
    const recs = j1.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    expect(recs.map((r) => r.date ?? null)).toEqual(['2024-03-06', '2023-12-01', null]);
    expect(recs[0].figures.find((f: { text: string }) => f.text === '3月5日')).toMatchObject({ value: '2024-03-05' });
    const sum = JSON.parse(cli(['summary'], { input: j1.stdout }).stdout);
    expect(sum.dates).toEqual([{ date: '2023-12-01', documents: 1 }, { date: '2024-03-06', documents: 1 }]);
    expect(sum.slogans).toEqual([expect.objectContaining({ text: '微改革', documents: 3, first: '2023-12-01', last: '2024-03-06' })]);
  });
});

describe('interrupting a run', () => {
  it('Ctrl-C during a long --out run stops it at once: exit 130, the temporary file removed, the old output kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-interrupt-'));
    const docs = join(dir, 'docs');
    mkdirSync(docs);
    for (let i = 0; i < 1500; i++) writeFileSync(join(docs, `${String(i).padStart(4, '0')}.txt`), SIMPLIFIED.repeat(20));
    const out = join(dir, 'out.jsonl');
    writeFileSync(out, '{"id":"earlier","schemaVersion":"1.0","error":"kept"}\n');
    const child = spawn(process.execPath, [BIN, 'analyze', '--jobs', '1', '--format', 'jsonl', '--out', out, docs], { stdio: 'ignore' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Wait until the run has started writing (its temporary file beside the output has records).
    const tmpFile = () => readdirSync(dir).find((f) => f.startsWith('.out.jsonl.'));
    for (let waited = 0; !(tmpFile() && statSync(join(dir, tmpFile()!)).size > 0); waited += 50) {
      if (waited > 60_000) throw new Error('the run never started writing');
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGINT');
    // The signal is handled at the loop's next turn, not at the end: 130 is the status of a run the signal
    // stopped (one that had finished its 1,500 documents first would exit 0).
    expect(await exited).toBe(130);
    expect(readdirSync(dir).sort()).toEqual(['docs', 'out.jsonl']);
    expect(readFileSync(out, 'utf8')).toContain('"kept"');
  });

  it('kill -9 during an --out --resume run keeps every record it finished; resuming gives the uninterrupted output', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-kill-'));
    const input = join(dir, 'crawl.jsonl');
    const texts = [
      '黄岛海关设立汽车出口绿色通道，1至7月份共出口商用车28500余辆，同比增长13.5%。',
      '区政协召开专题协商会，围绕乡村振兴建言献策，提出意见建议36条。',
      '市住房和城乡建设局发布通知，今年将改造老旧小区120个，惠及居民4.2万户。',
      '西海岸新区前7个月外贸进出口总额1500亿元，其中出口增长两成。',
    ];
    const lines = Array.from({ length: 1500 }, (_, i) => JSON.stringify({ id: `稿-${i % 700}`, text: texts[i % 4]!.repeat(1 + (i % 3)) }));
    writeFileSync(input, lines.join('\n') + '\n');
    const args = ['analyze', '--input-format', 'jsonl', '--no-layout', '--disable', 'keywords'];
    const out = join(dir, 'out.jsonl');
    const child = spawn(process.execPath, [BIN, ...args, '--jobs', '2', '--out', out, '--resume', input], { stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    const written = () => (statSync(out, { throwIfNoEntry: false })?.size ? readFileSync(out, 'utf8').split('\n').length - 1 : 0);
    for (let waited = 0; written() < 5; waited += 20) {
      if (waited > 60_000) throw new Error('the run never wrote a record');
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await exited;
    const before = readFileSync(out, 'utf8');
    const finished = before.slice(0, before.lastIndexOf('\n') + 1); // a torn last line is not a record
    expect(finished.split('\n').length - 1).toBeLessThan(lines.length); // the kill did interrupt it

    const resumed = cli([...args, '--jobs', '1', '--out', out, '--resume', input]);
    expect(resumed.status, resumed.stderr).toBe(0);
    const whole = cli([...args, '--jobs', '1', '--format', 'jsonl', input]);
    const after = readFileSync(out, 'utf8');
    expect(after.startsWith(finished)).toBe(true);
    expect(after).toBe(whole.stdout);
    expect(readdirSync(dir).sort()).toEqual(['crawl.jsonl', 'out.jsonl']);
  });
});
