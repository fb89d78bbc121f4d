// `zhnews analyze`: read documents, run the pipeline, write one record per document in input order.

import type { CliIO } from './io.js';
import { AtomicFile, sourcesFor } from './io.js';
import type { AnalyzeCliOptions } from './main.js';
import { fileSource, readDocuments, errorRecord } from '../input.js';
import { Pipeline } from '../pipeline.js';
import { createWriter } from '../output/writer.js';
import { isErrorRecord } from '../types.js';

export async function runAnalyze(paths: string[], opts: AnalyzeCliOptions, io: CliIO): Promise<number> {
  const sources = sourcesFor(paths, io, fileSource);
  // One document in, one JSON object out; several documents default to JSON Lines.
  const format = opts.format ?? (sources.length > 1 || opts.inputFormat === 'jsonl' ? 'jsonl' : 'json');
  const file = opts.out ? new AtomicFile(opts.out) : null;
  const writer = createWriter(format, file ? file.write : (s) => io.stdout.write(s));
  const pipeline = new Pipeline({
    layout: opts.layout,
    disable: opts.disable,
    tokens: opts.tokens,
    referenceYear: opts.year,
    keywords: opts.keywords,
  });

  let failed = 0;
  for await (const item of readDocuments(sources, { format: opts.inputFormat, idField: opts.idField, textField: opts.textField })) {
    let record;
    if (isErrorRecord(item)) record = item;
    else {
      try {
        record = pipeline.analyze(item.id, item.text);
      } catch (e) {
        // A bug on one document must not cost the others: report it as that document's error.
        record = errorRecord(item.id, `analysis failed: ${(e as Error).message}`);
      }
    }
    if (isErrorRecord(record)) {
      failed++;
      io.stderr.write(`zhnews: ${record.id}: ${record.error}\n`);
    }
    writer.write(record);
  }
  writer.close();
  if (file) await file.commit();
  return failed ? 1 : 0;
}
