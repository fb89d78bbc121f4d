// `zhnews summary`: aggregate analysis records (JSON Lines from `zhnews analyze`) into one corpus summary.

import { forEachRecordLine, type CliIO } from './io.js';
import { writeFileAtomic } from './output-file.js';
import { CorpusSummary, type CorpusSummaryRecord } from '../summary/corpus.js';
import { summaryCsv } from '../summary/csv.js';
import type { OutputRecord } from '../types.js';

export interface SummaryRun {
  paths: string[];
  format: 'json' | 'csv';
  out: string | undefined;
  bom: boolean;
  top: number;
  /** CSV: neutralise formula-looking text cells (default true). */
  formulaGuard?: boolean;
}

export function renderSummary(s: CorpusSummaryRecord, format: 'json' | 'csv', bom: boolean, formulaGuard = true): string {
  return format === 'csv' ? summaryCsv(s, bom, formulaGuard) : JSON.stringify(s, null, 2) + '\n';
}

/** Writes a summary where `analyze --summary FILE` asked: CSV for *.csv, JSON otherwise. */
export async function writeSummaryFile(path: string, s: CorpusSummaryRecord, bom: boolean, formulaGuard = true): Promise<void> {
  await writeOutput(path, renderSummary(s, /\.csv$/i.test(path) ? 'csv' : 'json', bom, formulaGuard));
}

/** A summary file is written atomically: a full disk or a kill leaves an earlier one whole. */
async function writeOutput(path: string, text: string): Promise<void> {
  writeFileAtomic(path, text);
}

export async function runSummary(run: SummaryRun, io: CliIO): Promise<number> {
  const summary = new CorpusSummary(run.top);
  const bad = await forEachRecordLine(
    run.paths.length ? run.paths : ['-'],
    io,
    (line) => {
      const r = JSON.parse(line) as OutputRecord;
      if (typeof r !== 'object' || r === null || typeof r.id !== 'string') throw new Error('not a zhnews record');
      summary.add(r);
    },
    (e) => (e as Error).message,
  );
  const out = renderSummary(summary.result(), run.format, run.bom, run.formulaGuard !== false);
  if (run.out) await writeOutput(run.out, out);
  else io.stdout.write(out);
  return bad ? 1 : 0;
}
