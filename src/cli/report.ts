// `zhnews report`: the corpus report page (src/report/) from JSON Lines records, streamed line by line.

import { access } from 'node:fs/promises';
import { OutputError, readLines, type CliIO } from './io.js';
import { writeFileAtomic } from './output-file.js';
import { NotARecord, ReportAggregator, type ReportData } from '../report/aggregate.js';
import { renderReport } from '../report/html.js';

export interface ReportRun {
  paths: string[];
  out: string;
  verbose: boolean;
}

/** Writes the report page to `path`, atomically (used by `report` and by `analyze --report`). */
export async function writeReportFile(path: string, data: ReportData): Promise<void> {
  try {
    writeFileAtomic(path, renderReport(data));
  } catch (e) {
    throw e instanceof OutputError ? e : new OutputError(`cannot write ${path}: ${(e as Error).message}`);
  }
}

export async function runReport(run: ReportRun, io: CliIO): Promise<number> {
  const started = Date.now();
  const paths = run.paths.length ? run.paths : ['-'];
  const report = new ReportAggregator(paths.map((p) => (p === '-' ? 'standard input' : p)));
  let bad = 0;
  for (const p of paths) {
    let i = 0;
    try {
      if (p !== '-') await access(p);
      const lines = p === '-' ? (await io.readStdin()).toString('utf8').split('\n') : readLines(p);
      for await (const line of lines) {
        i++;
        if (!line.trim()) continue;
        // A line that is not JSON, or not a record, is reported and counted; the page is still written.
        try {
          report.add(JSON.parse(line));
        } catch (e) {
          report.addMalformed();
          io.stderr.write(`zhnews: ${p}:${i}: ${e instanceof NotARecord ? e.message : `not JSON (${(e as Error).message})`}\n`);
          bad++;
        }
      }
    } catch (e) {
      io.stderr.write(`zhnews: ${p}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
      bad++;
    }
  }
  const data = report.result();
  await writeReportFile(run.out, data);
  if (run.verbose) {
    io.stderr.write(
      `zhnews: report of ${data.counts.documents} documents in ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
        `peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB, heap in use ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB\n`,
    );
  }
  return bad ? 1 : 0;
}
