// `zhnews report`: the corpus report page (src/report/) from JSON Lines records, streamed line by line.

import { OutputError, forEachRecordLine, type CliIO } from './io.js';
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
  // A line that is not JSON, or not a record, is reported and counted; the page is still written.
  const bad = await forEachRecordLine(
    paths,
    io,
    (line) => report.add(JSON.parse(line)),
    (e) => {
      report.addMalformed();
      return e instanceof NotARecord ? e.message : `not JSON (${(e as Error).message})`;
    },
  );
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
