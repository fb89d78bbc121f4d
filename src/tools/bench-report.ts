// npm run bench:report: time and memory of `zhnews report` on 10,000 and 100,000 generated records.
//
// The records are the fixtures' golden records (fixtures/**/*.expected.json, error records included),
// repeated with new ids and dates spread over 2015-2024; every document also names one of 2,000 plots
// (LOC 第N号地块) and one of 500 pilot terms (试点N), so that the distinct names and terms grow as in a
// real archive, not only the counts. Each size runs as its own process (`zhnews report --verbose`),
// which prints its seconds, peak RSS and the heap still in use at the end (what the aggregation keeps:
// flat memory means it barely grows from 10,000 to 100,000; the peak also holds garbage not yet collected).
//   node dist/tools/bench-report.js [--sizes 10000,100000]

import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../paths.js';

const args = process.argv.slice(2);
const sizes = (args.includes('--sizes') ? args[args.indexOf('--sizes') + 1]! : '10000,100000').split(',').map(Number);

function goldenRecords(): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith('.expected.json')) {
        const value = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown> | Record<string, unknown>[];
        out.push(...(Array.isArray(value) ? value : [value]));
      }
    }
  };
  walk(join(PACKAGE_ROOT, 'fixtures'));
  return out;
}

async function writeCorpus(path: string, n: number, records: Record<string, unknown>[]): Promise<void> {
  const out = createWriteStream(path);
  for (let i = 0; i < n; i++) {
    const r: Record<string, unknown> = { ...records[i % records.length]!, id: `doc-${String(i).padStart(6, '0')}` };
    if (!('error' in r)) {
      const month = (i * 7) % 120;
      r.date = `${2015 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`;
      r.entities = [...(r.entities as unknown[]), { type: 'LOC', text: `第${i % 2000}号地块`, start: 0, end: 1 }];
      r.slogans = [...(r.slogans as unknown[]), { kind: 'coined', text: `试点${i % 500}`, canonical: `试点${i % 500}`, start: 0, end: 1 }];
    }
    if (!out.write(JSON.stringify(r) + '\n')) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(() => resolve()));
}

const dir = mkdtempSync(join(tmpdir(), 'zhnews-bench-report-'));
try {
  const records = goldenRecords();
  console.log(`zhnews report: ${records.length} golden records repeated; ${new Date().toISOString().slice(0, 10)}, node ${process.version}`);
  for (const n of sizes) {
    const input = join(dir, `records-${n}.jsonl`);
    const html = join(dir, `report-${n}.html`);
    await writeCorpus(input, n, records);
    const started = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'zhnews.js'), 'report', input, '--out', html, '--verbose'], { encoding: 'utf8' });
    const wall = Number(process.hrtime.bigint() - started) / 1e9;
    const [, rss, heap] = /peak RSS (\d+) MB, heap in use (\d+) MB/.exec(run.stderr) ?? [];
    if (run.status !== 0 || !rss || !heap) throw new Error(`zhnews report failed (${run.status}): ${run.stderr}`);
    console.log(
      `${String(n).padStart(7)} documents  input ${(statSync(input).size / 1e6).toFixed(1).padStart(6)} MB  ` +
        `${wall.toFixed(1).padStart(5)} s  peak RSS ${rss.padStart(4)} MB  heap at the end ${heap.padStart(3)} MB  page ${(statSync(html).size / 1e6).toFixed(2)} MB`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
