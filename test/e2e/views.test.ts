// validate, schema and show, end to end.

import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { cli, ROOT, SEED } from '../helpers.js';
import { main } from '../../src/cli/main.js';
import type { CliIO } from '../../src/cli/io.js';
import type { DocumentRecord } from '../../src/types.js';

describe('zhnews schema', () => {
  const r = cli(['schema']);
  const schema = JSON.parse(r.stdout);
  const ajv = new Ajv2020.default({ allErrors: true, strict: false });
  const validate = ajv.compile(schema);

  it('prints a draft 2020-12 schema', () => {
    expect(r.status).toBe(0);
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
  });

  it('accepts every record of the fixtures, documents and errors alike', () => {
    const runs = [
      cli(['analyze', '--format', 'jsonl', '--tokens', SEED]),
      cli(['analyze', '--format', 'jsonl', '--input-format', 'jsonl', 'fixtures/news/snippets.jsonl', 'fixtures/bad/broken.jsonl']),
      cli(['analyze', '--format', 'jsonl', 'fixtures/bad/invalid-utf8.txt', 'fixtures/bad/binary.png.txt']),
    ];
    let n = 0;
    for (const run of runs) {
      for (const line of run.stdout.trimEnd().split('\n')) {
        const ok = validate(JSON.parse(line));
        expect(ok, JSON.stringify(validate.errors)).toBe(true);
        n++;
      }
    }
    expect(n).toBe(1 + 8 + 3 + 2);
  });

  it('accepts a record dated by --date-field, and rejects a date that is not ISO', () => {
    const input = '{"id":"d","published":"2024年3月5日","text":"今年3月5日，市政府召开会议。"}\n';
    const rec = JSON.parse(cli(['analyze', '--input-format', 'jsonl', '--date-field', 'published', '--format', 'jsonl'], { input }).stdout);
    expect(rec.date).toBe('2024-03-05');
    expect(validate(rec), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...rec, date: '2024年3月5日' })).toBe(false);
  });

  it('rejects a record that breaks the contract', () => {
    const rec = JSON.parse(cli(['analyze', SEED]).stdout) as DocumentRecord;
    (rec.entities[0] as { type: string }).type = 'PERSON';
    expect(validate(rec)).toBe(false);
  });
});

describe('zhnews validate', () => {
  it('passes on the project fixtures', () => {
    const r = cli(['validate', 'fixtures']);
    expect(r.stdout).toMatch(/all match/);
    expect(r.status, r.stdout).toBe(0);
  });

  it('fails with exit 1 and names the entity when one is deleted from an expected file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-validate-'));
    cpSync(join(ROOT, 'fixtures', 'pages'), dir, { recursive: true });
    const expectedPath = join(dir, 'qingdao-west-coast-2022-08.expected.json');
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as DocumentRecord;
    const dropped = expected.entities.find((e) => e.text === '逯鹰')!;
    expected.entities = expected.entities.filter((e) => e !== dropped);
    writeFileSync(expectedPath, JSON.stringify(expected, null, 2));

    const r = cli(['validate', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain(`+ unexpected PER 逯鹰 [${dropped.start},${dropped.end})`);
    expect(r.stdout).not.toMatch(/\u001b\[/); // not a terminal: no colour

    const junit = cli(['validate', '--format', 'junit', dir]);
    expect(junit.stdout).toMatch(/<testsuite name="zhnews validate" tests="\d+" failures="1">/);
    const json = JSON.parse(cli(['validate', '--format', 'json', dir]).stdout);
    expect(json.fixtures.find((f: { status: string }) => f.status === 'differ').differences).toContainEqual({ layer: 'entities', kind: 'unexpected', what: `PER 逯鹰 [${dropped.start},${dropped.end})` });

    expect(cli(['validate', '--only', 'figures,slogans', dir]).status).toBe(0);
    expect(cli(['validate', '--only', 'people', dir]).status).toBe(2);

    expect(cli(['validate', '--update', dir]).status).toBe(0);
    expect(cli(['validate', dir]).status).toBe(0);
  });

  it('reports an expected file it cannot read as a failed fixture and checks the others', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-validate-'));
    writeFileSync(join(dir, 'a.txt'), '国家发展改革委主任郑栅洁在北京出席会议。\n');
    writeFileSync(join(dir, 'a.expected.json'), '{"id": "a.txt", "entities": [');
    writeFileSync(join(dir, 'b.txt'), '黄岛海关设立绿色通道。\n');
    writeFileSync(join(dir, 'b.expected.json'), '{"id": "b.txt", "entities": "none"}');
    // a hand-written expected record with entities only: the layers it leaves out count as empty
    writeFileSync(join(dir, 'c.txt'), '上海\n');
    writeFileSync(join(dir, 'c.expected.json'), '{"id": "c.txt", "entities": [{"type": "LOC", "start": 0, "end": 2, "text": "上海"}]}');
    const r = cli(['validate', '--only', 'entities', dir]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/✗ .*a\.txt {2}expected file unreadable: /);
    expect(r.stdout).toMatch(/✗ .*b\.txt {2}expected file: record 1 is not a zhnews record/);
    expect(r.stdout).toMatch(/✓ .*c\.txt/);
    expect(r.stdout).toContain('3 fixtures, 2 differ');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
    const junit = cli(['validate', '--only', 'entities', '--format', 'junit', dir]).stdout;
    expect(junit).toMatch(/failures="2"/);
  });

  it('exits 1 with a message on a folder without fixtures (nothing checked must not pass a CI job)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-nofixtures-'));
    writeFileSync(join(dir, 'page.txt'), '青岛西海岸新区召开城市更新工作会议。'); // no expected file beside it
    let err = '';
    const io = { ...memoryIO(false), stderr: { write: (s: string) => (err += s) } };
    expect(await main(['node', 'zhnews', 'validate', dir], io)).toBe(1);
    expect(err).toContain(`no fixtures with expected files (X.txt + X.expected.json) in ${dir}`);
  });

  it('exits 2 on a folder that does not exist (a misspelt path must not pass a CI job)', () => {
    const r = cli(['validate', 'fixturez']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('no such file or folder: fixturez');
  });
});

function memoryIO(tty: boolean, env: Record<string, string> = {}): CliIO & { out: () => string } {
  let out = '';
  return {
    stdout: { write: (s: string) => (out += s), isTTY: tty, columns: 60 } as unknown as CliIO['stdout'],
    stderr: { write: () => true },
    readStdin: async () => Buffer.alloc(0),
    env,
    out: () => out,
  };
}

describe('zhnews show', () => {
  it('renders the seed page plain when not on a terminal: articles, bylines, marks in brackets', () => {
    const r = cli(['show', '--width', '60', SEED]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stdout).toMatch(/── \d+ 国产商用车“排队”出海/);
    expect(r.stdout).toContain('记者 丁晓慧 · 通讯员 任保龙');
    expect(r.stdout).toContain('[PER 逯鹰]');
    expect(r.stdout).toContain('{money 5000万美元}');
    expect(r.stdout).toContain('«5+5+7»');
    expect(r.stdout).toMatch(/^legend: /m);
    // entities counted by norm in the header: the page names some more than once
    const [, all, distinct] = /(\d+) entities \((\d+) distinct\)/.exec(r.stdout)!;
    expect(Number(distinct)).toBeLessThan(Number(all));
  });

  it('uses colour on a terminal, and not with NO_COLOR or --no-color', async () => {
    const tty = memoryIO(true);
    expect(await main(['node', 'zhnews', 'show', SEED], tty)).toBe(0);
    expect(tty.out()).toMatch(/\u001b\[/);
    const noColor = memoryIO(true, { NO_COLOR: '1' });
    await main(['node', 'zhnews', 'show', SEED], noColor);
    expect(noColor.out()).not.toMatch(/\u001b\[/);
    const flag = memoryIO(true);
    await main(['node', 'zhnews', 'show', '--no-color', SEED], flag);
    expect(flag.out()).not.toMatch(/\u001b\[/);
  });

  it('wraps to the width, counting ideographs as two columns', async () => {
    const io = memoryIO(false);
    await main(['node', 'zhnews', 'show', '--width', '40', SEED], io);
    const longest = Math.max(...io.out().split('\n').filter((l) => !l.startsWith('──') && !l.startsWith('legend') && !l.startsWith('fixtures') && !l.includes(SEED)).map((l) => [...l].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0)));
    expect(longest).toBeLessThanOrEqual(40);
  });

  it('exits 1 with a message for a file it cannot read', () => {
    const r = cli(['show', 'fixtures/no-such-page.txt']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/ENOENT/);
  });
});
