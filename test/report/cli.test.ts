// `zhnews report` and `analyze --report`, run in-process: a bad line is reported and counted, not fatal.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';

function fakeIO(stdin = ''): CliIO & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: { write: (s: string) => (io.out += s) },
    stderr: { write: (s: string) => (io.err += s) },
    readStdin: async () => Buffer.from(stdin),
    env: {},
  };
  return io;
}
const embedded = (page: string) => JSON.parse(/id="report-data">([^<]*)<\/script>/.exec(page)![1]!);

describe('zhnews report', () => {
  it('writes the page from good records, counts error records and reports bad lines with file:line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-report-cli-'));
    const records = join(dir, 'records.jsonl');
    writeFileSync(records, [
      JSON.stringify({ id: 'a', schemaVersion: '1.0', date: '2024-06-01', articles: [{ title: '杭州亚运场馆赛后利用' }], entities: [{ type: 'LOC', text: '杭州' }], figures: [], slogans: [], keywords: [] }),
      JSON.stringify({ id: 'b.txt', schemaVersion: '1.0', error: 'binary file (NUL bytes)' }),
      '{"id": "c", "articles": [',
      '',
      '["not", "a", "record"]',
    ].join('\n') + '\n');
    const io = fakeIO();
    const status = await main(['node', 'zhnews', 'report', records, '--out', join(dir, 'report.html')], io);
    expect(status).toBe(1);
    expect(io.err).toContain(`${records}:3: not JSON`);
    expect(io.err).toContain(`${records}:5: not a zhnews record`);
    const data = embedded(readFileSync(join(dir, 'report.html'), 'utf8'));
    expect(data.counts).toMatchObject({ documents: 1, errors: 1, malformed: 2 });
    expect(data.entities.LOC[0].text).toBe('杭州');
  });

  it('needs --out', async () => {
    const io = fakeIO();
    expect(await main(['node', 'zhnews', 'report', 'x.jsonl'], io)).toBe(2);
    expect(io.err).toContain("required option '--out <file>'");
  });
});

describe('analyze --report', () => {
  it('writes the report of the records the run wrote', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-report-cli-'));
    const input = [
      { id: 'n1', text: '记者从市发改委获悉，今年一季度全市固定资产投资同比增长8.6%，“标准地”改革持续深化。' },
      { id: 'n2', text: '该区全面推行“标准地”出让，企业拿地即开工，张晓东表示项目将于年底投产。' },
    ].map((r) => JSON.stringify(r)).join('\n');
    const io = fakeIO(input);
    const html = join(dir, 'report.html');
    const status = await main(['node', 'zhnews', 'analyze', '--jobs', '1', '--input-format', 'jsonl', '--format', 'jsonl', '--disable', 'keywords', '--report', html], io);
    expect(status).toBe(0);
    expect(io.out.trim().split('\n')).toHaveLength(2);
    const data = embedded(readFileSync(html, 'utf8'));
    expect(data.counts.documents).toBe(2);
    const term = data.terms.find((t: { text: string }) => t.text === '标准地');
    expect(term).toMatchObject({ documents: 2 });
    expect(term.docs.map((i: number) => data.docs[i][0])).toEqual(['n1', 'n2']);
  });

  it('with --resume, reports every record of the output file: those kept from the earlier run too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-report-cli-'));
    const out = join(dir, 'records.jsonl');
    const html = join(dir, 'report.html');
    const n1 = { id: 'n1', text: '记者从市发改委获悉，今年一季度全市固定资产投资同比增长8.6%。' };
    const n2 = { id: 'n2', text: '该区全面推行“标准地”出让，企业拿地即开工。' };
    const run = (docs: object[]) =>
      main(['node', 'zhnews', 'analyze', '--jobs', '1', '--input-format', 'jsonl', '--disable', 'keywords', '--out', out, '--resume', '--report', html],
        fakeIO(docs.map((d) => JSON.stringify(d)).join('\n')));
    expect(await run([n1])).toBe(0);
    expect(embedded(readFileSync(html, 'utf8')).counts.documents).toBe(1);
    // The second run analyses n2 only (n1 is in the journal), and its report holds both.
    expect(await run([n1, n2])).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n').map((l) => JSON.parse(l).id)).toEqual(['n1', 'n2']);
    const data = embedded(readFileSync(html, 'utf8'));
    expect(data.counts.documents).toBe(2);
    expect(data.docs.map((d: unknown[]) => d[0]).sort()).toEqual(['n1', 'n2']);
  });
});
