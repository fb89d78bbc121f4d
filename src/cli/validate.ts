// `zhnews validate`: analyse every fixture that has an expected file beside it and report differences.
//
//   fixtures/pages/x.txt      + fixtures/pages/x.expected.json   (the record `analyze --format json` prints)
//   fixtures/news/y.jsonl     + fixtures/news/y.expected.json    (the array of its records)
//
// Exit 0 when every fixture matches, 1 when any differs or none is found,
// 2 on usage errors. --update writes the expected files from the current output.

import { readFile, writeFile } from 'node:fs/promises';
import { existsSync, statSync } from 'node:fs';
import { glob } from 'tinyglobby';
import { posix } from 'node:path';
import type { CliIO } from './io.js';
import { colors, type Colors } from './colors.js';
import { Pipeline, type AnalyzeOptions } from '../pipeline.js';
import { readDocuments, fileSource } from '../input/index.js';
import { analyseBatch, documentBatches } from './batch.js';
import { LAYERS, compareRecords, type CompareOptions, type Difference } from '../validate/diff.js';
import { unknownFields } from '../output/schema.js';
import type { OutputRecord } from '../types.js';

export interface ValidateRun {
  dirs: string[];
  update: boolean;
  compare: CompareOptions;
  format: 'text' | 'json' | 'junit';
  color: boolean;
  pipeline: AnalyzeOptions;
}

interface FixtureResult {
  input: string;
  expected: string;
  status: 'match' | 'differ' | 'broken' | 'no-expected' | 'updated';
  differences: Difference[];
  records: number;
  /** Why the expected file could not be used (status 'broken'). */
  problem?: string;
}

const EXPECTED = (input: string) => input.replace(/\.(txt|jsonl)$/, '.expected.json');

export async function findFixtures(dirs: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const d of dirs) {
    if (existsSync(d) && statSync(d).isFile()) out.push(d);
    else for (const f of (await glob(['**/*.txt', '**/*.jsonl'], { cwd: d, onlyFiles: true })).sort()) out.push(posix.join(d, f));
  }
  return out.filter((f) => !/\.expected\./.test(f));
}

export async function runValidate(run: ValidateRun, io: CliIO): Promise<number> {
  // A misspelt folder in a CI job must fail it, not pass it with nothing checked.
  const missing = run.dirs.filter((d) => !existsSync(d));
  if (missing.length) {
    io.stderr.write(`zhnews: validate: no such file or folder: ${missing.join(', ')}\n`);
    return 2;
  }
  const pipeline = new Pipeline(run.pipeline);
  const results: FixtureResult[] = [];
  for (const input of await findFixtures(run.dirs.length ? run.dirs : ['fixtures'])) {
    const expectedPath = EXPECTED(input);
    const jsonl = input.endsWith('.jsonl');
    if (!existsSync(expectedPath) && !run.update) {
      // Test pages and bad inputs without an expected file are not validation fixtures.
      continue;
    }
    const actual: OutputRecord[] = [];
    const items = readDocuments([fileSource(input)], { format: jsonl ? 'jsonl' : 'text', idField: 'id', textField: 'text' });
    for await (const batch of documentBatches(items)) {
      // Ids of files are their paths; the fixture is compared under a stable name, wherever it is run from.
      actual.push(...analyseBatch(pipeline, batch, (d) => (jsonl ? d.id : posix.basename(input))));
    }
    if (run.update) {
      await writeFile(expectedPath, JSON.stringify(jsonl ? actual : actual[0], null, 2) + '\n');
      results.push({ input, expected: expectedPath, status: 'updated', differences: [], records: actual.length });
      continue;
    }
    const expected = await readExpected(expectedPath);
    if (typeof expected === 'string') {
      results.push({ input, expected: expectedPath, status: 'broken', differences: [], records: actual.length, problem: expected });
      continue;
    }
    const differences: Difference[] = [];
    const byId = new Map(actual.map((r) => [r.id, r]));
    for (const e of expected) {
      const a = byId.get(e.id);
      if (!a) differences.push({ layer: 'record', kind: 'missing', what: `record ${e.id}` });
      else differences.push(...compareRecords(e, a, run.compare).map((d) => (jsonl ? { ...d, what: `${e.id}: ${d.what}` } : d)));
      byId.delete(e.id);
    }
    for (const id of byId.keys()) differences.push({ layer: 'record', kind: 'unexpected', what: `record ${id}` });
    results.push({ input, expected: expectedPath, status: differences.length ? 'differ' : 'match', differences, records: actual.length });
  }

  // A folder with no fixture in it checks nothing: a CI job pointed at the wrong one must not pass.
  if (!results.length) {
    io.stderr.write(`zhnews: validate: no fixtures with expected files (X.txt + X.expected.json) in ${(run.dirs.length ? run.dirs : ['fixtures']).join(', ')}\n`);
    return 1;
  }
  const c = colors((io.stdout as { isTTY?: boolean }).isTTY, io.env, run.color);
  io.stdout.write(run.format === 'json' ? JSON.stringify({ fixtures: results }, null, 2) + '\n' : run.format === 'junit' ? junit(results) : text(results, c));
  return results.some((r) => r.status === 'differ' || r.status === 'broken') ? 1 : 0;
}

/** The records of an expected file, or why they cannot be read. */
async function readExpected(path: string): Promise<OutputRecord[] | string> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    return `expected file unreadable: ${(e as Error).message}`;
  }
  const records = Array.isArray(parsed) ? parsed : [parsed];
  // A layer left out of an expected record counts as empty; one that is there must be a list.
  const bad = records.findIndex(
    (r) =>
      typeof r !== 'object' ||
      r === null ||
      typeof (r as { id?: unknown }).id !== 'string' ||
      LAYERS.some((l) => l in r && !Array.isArray((r as Record<string, unknown>)[l])),
  );
  if (bad >= 0) return `expected file: record ${bad + 1} is not a zhnews record (an object with a string id, its layers lists)`;
  // A misspelt key would otherwise pass unseen (an extra field) or read as an empty layer.
  for (const [i, r] of (records as OutputRecord[]).entries()) {
    const unknown = unknownFields(r);
    if (unknown.length) return `expected file: record ${i + 1} has fields the record schema does not define: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''}`;
  }
  return records as OutputRecord[];
}

function show(v: unknown): string {
  return JSON.stringify(v) ?? 'undefined';
}

function text(results: FixtureResult[], c: Colors): string {
  const lines: string[] = [];
  for (const r of results) {
    if (r.status === 'updated') lines.push(`${c.cyan('updated')} ${r.expected}`);
    else if (r.status === 'match') lines.push(`${c.green('✓')} ${r.input}`);
    else if (r.status === 'broken') lines.push(`${c.red('✗')} ${r.input}  ${r.problem}`);
    else {
      lines.push(`${c.red('✗')} ${r.input}  ${c.dim(`(${r.differences.length} differences)`)}`);
      for (const d of r.differences) {
        const mark = d.kind === 'missing' ? c.red('- missing   ') : d.kind === 'unexpected' ? c.green('+ unexpected') : c.yellow('~ changed   ');
        const change = d.kind === 'changed' ? `  ${d.field}: ${show(d.expected)} -> ${show(d.actual)}` : '';
        lines.push(`    ${d.layer.padEnd(9)} ${mark} ${d.what}${change}`);
      }
    }
  }
  const differ = results.filter((r) => r.status === 'differ' || r.status === 'broken').length;
  lines.push(results.length ? `${results.length} fixtures, ${differ ? c.red(`${differ} differ`) : c.green('all match')}` : 'no fixtures with expected files found');
  return lines.join('\n') + '\n';
}

const xml = (s: string) => s.replace(/[<>&"]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[ch]!);

function junit(results: FixtureResult[]): string {
  const failures = results.filter((r) => r.status === 'differ' || r.status === 'broken').length;
  const cases = results.map((r) => {
    const head = `  <testcase classname="zhnews.validate" name="${xml(r.input)}">`;
    if (r.status === 'broken') return `${head}\n    <failure message="${xml(r.problem ?? '')}"></failure>\n  </testcase>`;
    if (r.status !== 'differ') return `${head}</testcase>`;
    const body = r.differences.map((d) => `${d.layer} ${d.kind} ${d.what}${d.kind === 'changed' ? ` ${d.field}: ${show(d.expected)} -> ${show(d.actual)}` : ''}`).join('\n');
    return `${head}\n    <failure message="${r.differences.length} differences">${xml(body)}</failure>\n  </testcase>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuite name="zhnews validate" tests="${results.length}" failures="${failures}">\n${cases.join('\n')}\n</testsuite>\n`;
}
