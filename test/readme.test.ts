// The README's library example runs as written against the build (import 'zhnews' -> dist/index.js).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

describe('README', () => {
  it('library example: runs against the build and finds the figures of its sentences', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## As a library'));
    const code = /```ts\n([^]*?)```/.exec(section)?.[1];
    expect(code, 'a ts block under "## As a library"').toBeTruthy();
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-readme-'));
    try {
      const file = join(dir, 'example.mjs');
      const main = pathToFileURL(join(ROOT, 'dist', 'index.js')).href;
      writeFileSync(
        file,
        code!.replace(/from 'zhnews'/g, `from '${main}'`) +
          'process.stdout.write(JSON.stringify({ one: record.figures.map((f) => f.value), many: records.map((r) => r.figures.map((f) => f.value)) }));\n',
      );
      const r = spawnSync(process.execPath, [file], { encoding: 'utf8', cwd: dir });
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout) as { one: unknown[]; many: unknown[][] };
      // 新华社北京3月5日电 … 全年新增就业1.2万人: the dateline's date and 12,000 people
      expect(out.one).toEqual(expect.arrayContaining(['--03-05', 12000]));
      // 今年3月份出口商用车28500余辆, dated 2024-04-02: March of that year and 28,500 vehicles
      expect(out.many).toHaveLength(1);
      expect(out.many[0]).toEqual(expect.arrayContaining([28500]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
