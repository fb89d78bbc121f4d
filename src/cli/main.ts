// The zhnews command line: parses flags once into ready options, then runs a command.
//
// main(argv, io) returns the exit status instead of exiting, so tests can run it in-process:
//   0 all inputs fine, 1 some input became an error record, 2 usage error or an output that cannot be written.

import { Command, CommanderError, Option } from 'commander';
import { OutputError, type CliIO } from './io.js';
import { outputPathProblem } from './output-file.js';
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { NoInputError, runAnalyze, type AnalyzeRun } from './analyze.js';
import { runSegment, parseMerge } from './segment.js';
import { MERGE_KINDS, DEFAULT_MERGE } from '../tokens/merge.js';
import { runSummary } from './summary.js';
import { runReport } from './report.js';
import { RECORD_SCHEMA } from '../output/schema.js';
import { runValidate } from './validate.js';
import { runShow } from './show.js';
import { LAYERS, type Layer } from '../validate/diff.js';
import { OUTPUT_FORMATS, type OutputFormat } from '../output/writer.js';
import { CSV_LAYERS } from '../output/columns.js';
import { INPUT_FORMATS, ENCODINGS, DEFAULT_GLOB } from '../input/index.js';
import { parseShard } from '../input/shard.js';
import { runMerge } from './merge.js';
import { DEFAULT_OPTIONS, OPTIONAL_STAGES } from '../pipeline.js';
import { Resources } from '../resources.js';
import { DictError } from '../dicts.js';

export const EXIT_OK = 0;
export const EXIT_INPUT_ERRORS = 1;
export const EXIT_USAGE = 2;

class UsageError extends Error {}

const ANALYZE_EXAMPLES = `
Examples:
  $ zhnews analyze fixtures/pages/qingdao-west-coast-2022-08.txt
  $ zhnews analyze --format csv --out page.csv page.txt
  $ cat news.jsonl | zhnews analyze --input-format jsonl --format jsonl --no-layout
  $ zhnews analyze --input-format jsonl --id-field doc_id --text-field body crawl.jsonl
  $ zhnews analyze --disable keywords,entities --format jsonl a.txt b.txt
  $ zhnews analyze --jobs 2 --format jsonl --out archive.jsonl --resume archive/
  $ zhnews analyze --shard 0/4 --out shard-0.jsonl --resume archive/     # …3/4, then zhnews merge
  $ zhnews analyze --input-format csv --text-field 正文 --encoding gb18030 export.csv
  $ zhnews analyze --input-format jsonl --keep-fields title,source.url --format csv --layers figures crawl.jsonl`;

const SEGMENT_EXAMPLES = `
Examples:
  $ zhnews segment corpus.txt > corpus.seg.txt
  $ echo '出口商用车28500余辆' | zhnews segment --pos`;

export async function main(argv: string[], io: CliIO): Promise<number> {
  let status = EXIT_OK;
  const program = new Command()
    .name('zhnews')
    .description('Chinese news text to structured data: articles, entities, figures, policy slogans, keywords.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    .showHelpAfterError('(run with --help for usage)');

  program
    .command('analyze')
    .description('analyse documents and write one record per document')
    .argument('[paths...]', "input files or directories; none or '-' reads standard input")
    .addOption(new Option('--input-format <format>', 'text: one document per file; jsonl: one per line; csv: one per row').choices(INPUT_FORMATS).default('text'))
    .option('--id-field <name>', 'JSONL/CSV field holding the document id (JSONL: a.b reaches into nested objects)', 'id')
    .option('--text-field <name>', 'JSONL/CSV field holding the document text (JSONL: a.b reaches into nested objects; a list of strings is read as paragraphs)', 'text')
    .option('--date-field <name>', "JSONL/CSV field holding the document's date (2024-03-05, 2024年3月5日, a Unix time ...): written to the record, the year 今年 and month-day dates resolve to, and the date of the corpus summary")
    .option('--title-field <name>', "JSONL/CSV field holding the headline, when the record carries it apart from the text: it becomes the (first) article's title; offsets stay offsets into the text field")
    .addOption(new Option('--encoding <name>', 'input encoding; auto detects UTF-8/16, GB18030/GBK, Big5').choices(ENCODINGS).default('auto'))
    .option('--glob <pattern>', 'files to take from directories', DEFAULT_GLOB)
    .option('--jobs <n>', 'worker threads (1: in-process)', String(availableParallelism()))
    .option('--resume', 'with --out FILE (JSONL): FILE is a journal: keep its records, redo its error records, append each new record as it finishes')
    .option('--shard <I/N>', 'analyse only shard I of N (0 ≤ I < N): each document goes to one shard by a hash of its id; `zhnews merge` joins the N outputs')
    .option('--verbose', 'print a one-line summary (documents, errors, MB/s) on standard error')
    .addOption(new Option('--format <format>', 'output format (json: one object, or an array for several documents)').choices(OUTPUT_FORMATS))
    .option('--out <file>', 'write output to this file (atomically; an existing path must be a regular file) instead of standard output')
    .option('--no-layout', 'treat every document as running text: no page reconstruction')
    .addOption(new Option('--layout <mode>', 'page reconstruction: auto-detect, always, or never').choices(['auto', 'page', 'none']).default('auto'))
    .option('--disable <stages>', `comma-separated stages to skip (${OPTIONAL_STAGES.join(', ')})`)
    .option('--tokens', 'include the token list in each record')
    .option('--explain', 'write on each entity the post-rules that added or changed it ("rules")')
    .option('--dicts <dir>', "read the entity model, gazetteers, word lists, layout cues, figure and slogan tables from DIR (a copy of the package's dicts/) instead")
    .option('--year <yyyy>', 'reference year for 今年 and dates without a year')
    .option('--keywords <n>', 'keywords per document', '10')
    .option('--summary <file>', 'also write the corpus summary of this run (with --resume: of all of --out) to FILE, atomically (CSV for *.csv, else JSON; - for standard output)')
    .option('--report <file>', 'also write the corpus report of this run to FILE (an HTML page)')
    .option('--keep-fields <names>', 'JSONL/CSV: comma-separated input fields (a.b reaches into nested objects) carried into each record\'s "meta" and CSV columns')
    .option('--layers <layers>', `CSV: which rows to write (${CSV_LAYERS.join(', ')}; default all)`)
    .option('--bom', 'CSV: start with a UTF-8 byte-order mark (for Excel)')
    .option('--no-formula-guard', 'CSV: write text cells that start with = + - @ as they are (for pipelines that never reach a spreadsheet)')
    .addHelpText('after', ANALYZE_EXAMPLES)
    .action(async (paths: string[], opts) => {
      status = await runAnalyze(parseAnalyzeOptions(paths, opts), io);
    });

  program
    .command('segment')
    .description('segment text into words: one output line per input line, tokens separated by spaces')
    .argument('[paths...]', "input files; none or '-' reads standard input")
    .option('--pos', 'write word/tag')
    .option('--delimiter <s>', 'token separator', ' ')
    .option('--no-hmm', "dictionary-only segmentation (no jieba HMM for unknown words)")
    .option('--merge <kinds>', `what becomes one token: ${MERGE_KINDS.join(', ')} or none (default ${DEFAULT_MERGE.join(',')})`)
    .option('--no-merge', 'jieba words only')
    .option('--dicts <dir>', "read the entity model, word lists, layout cues, figure and slogan tables from DIR (a copy of the package's dicts/) instead")
    .addHelpText('after', SEGMENT_EXAMPLES)
    .action(async (paths: string[], opts: { pos?: boolean; delimiter: string; hmm: boolean; merge?: string | boolean; dicts?: string }) => {
      const merge = parseMerge(opts.merge);
      if ('error' in merge) throw new UsageError(merge.error);
      status = await runSegment(paths, { pos: !!opts.pos, delimiter: opts.delimiter, hmm: opts.hmm, merge, dicts: dictsFolder(opts.dicts) }, io);
    });

  program
    .command('summary')
    .description('aggregate analysis records (JSON Lines from `zhnews analyze`) into one corpus summary')
    .argument('[records...]', "JSONL files of records; none or '-' reads standard input")
    .addOption(new Option('--format <format>', 'summary format').choices(['json', 'csv']).default('json'))
    .option('--out <file>', 'write to FILE instead of standard output')
    .option('--bom', 'CSV: start with a UTF-8 byte-order mark (for Excel)')
    .option('--no-formula-guard', 'CSV: write text cells that start with = + - @ as they are')
    .option('--top <n>', 'rows per list (entities of each type, keywords)', '50')
    .addHelpText('after', `
Examples:
  $ zhnews analyze --format jsonl archive/ > records.jsonl && zhnews summary records.jsonl
  $ zhnews summary --format csv --bom --out summary.csv records.jsonl`)
    .action(async (paths: string[], o: { format: 'json' | 'csv'; out?: string; bom?: boolean; top: string; formulaGuard: boolean }) => {
      status = await runSummary(
        { paths, format: o.format, out: outputPath('--out', o.out), bom: !!o.bom, top: wholeNumber('--top', o.top, 1), formulaGuard: o.formulaGuard !== false },
        io,
      );
    });

  program
    .command('report')
    .description('write the corpus report, one HTML page to open in a browser, from analysis records (JSON Lines)')
    .argument('[records...]', "JSONL files of records; none or '-' reads standard input")
    .requiredOption('--out <file>', 'the HTML file to write')
    .option('--verbose', 'print documents, seconds, peak RSS and the heap in use on standard error')
    .addHelpText('after', `
Examples:
  $ zhnews analyze --format jsonl --out records.jsonl archive/ && zhnews report records.jsonl --out report.html
  $ zhnews analyze --format jsonl --out records.jsonl --report report.html archive/`)
    .action(async (paths: string[], o: { out: string; verbose?: boolean }) => {
      status = await runReport({ paths, out: outputPath('--out', o.out)!, verbose: !!o.verbose }, io);
    });

  program
    .command('merge')
    .description('join the JSON Lines outputs of `analyze --shard I/N` runs into the output of one run: records sorted by id')
    .argument('<shards...>', 'JSONL outputs of the shards, every one of them (shard-0.jsonl … shard-3.jsonl)')
    .addOption(new Option('--format <format>', 'output format').choices(OUTPUT_FORMATS).default('jsonl'))
    .option('--out <file>', 'write to FILE (atomically) instead of standard output')
    .option('--summary <file>', 'also write the corpus summary of the merged records to FILE (CSV for *.csv, else JSON)')
    .option('--bom', 'CSV: start with a UTF-8 byte-order mark (for Excel)')
    .addHelpText('after', `
Records come out sorted by id (compared as JavaScript compares strings, the order analyze walks a
directory in), records of one id in their shard's order: the records, order and summary of one run
over a directory. Shards are sorted on disk (beside --out) when they are not in id order already, so
memory stays bounded. Exit status: 0 merged; 1 a line that is not a record, or an id in two shards
(shards of different runs?): reported on standard error; 2 usage error (a shard file missing).
Examples:
  $ zhnews merge shard-0.jsonl shard-1.jsonl shard-2.jsonl shard-3.jsonl --out merged.jsonl --summary summary.csv
  $ zhnews merge run/shard-{0..15}.jsonl > merged.jsonl     # braces, not *: a missing shard is then an error`)
    .action(async (paths: string[], o: { format: OutputFormat; out?: string; summary?: string; bom?: boolean }) => {
      for (const p of paths) {
        if (!statSync(p, { throwIfNoEntry: false })?.isFile()) throw new UsageError(`merge: no such file: ${p} (every shard's output is needed)`);
      }
      status = await runMerge({ paths, format: o.format, out: outputPath('--out', o.out), summary: outputPath('--summary', o.summary), bom: !!o.bom }, io);
    });

  program
    .command('validate')
    .description('analyse fixtures that have an expected file (X.txt + X.expected.json) and report differences')
    .argument('[dirs...]', 'fixture directories or files', [])
    .option('--update', 'write the expected files from the current output')
    .option('--only <layers>', `compare only these layers (${LAYERS.join(', ')})`)
    .option('--ignore-keywords', 'do not compare keywords')
    .option('--value-tolerance <x>', 'numbers within this relative difference count as equal', '0')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'json', 'junit']).default('text'))
    .option('--no-color', 'no colour even on a terminal')
    .option('--no-layout', 'treat every fixture as running text')
    .option('--year <yyyy>', 'reference year for 今年 and dates without a year')
    .addHelpText('after', `
Exit status: 0 all fixtures match, 1 some differ, 2 usage error.
Examples:
  $ zhnews validate fixtures/
  $ zhnews validate --only entities,figures --format junit fixtures/ > validate.xml
  $ zhnews validate --update fixtures/pages/my-page.txt`)
    .action(async (dirs: string[], o: Record<string, unknown>) => {
      let only: Layer[] = [...LAYERS];
      if (o.only) {
        only = String(o.only).split(',').map((x) => x.trim()) as Layer[];
        for (const l of only) if (!LAYERS.includes(l)) throw new UsageError(`--only: unknown layer "${l}" (allowed: ${LAYERS.join(', ')})`);
      }
      if (o.ignoreKeywords) only = only.filter((l) => l !== 'keywords');
      const tolerance = Number(o.valueTolerance);
      if (!(tolerance >= 0)) throw new UsageError(`--value-tolerance: expected a number ≥ 0, got "${o.valueTolerance}"`);
      status = await runValidate(
        {
          dirs,
          update: !!o.update,
          compare: { only, valueTolerance: tolerance },
          format: o.format as 'text' | 'json' | 'junit',
          color: o.color !== false,
          pipeline: { ...DEFAULT_OPTIONS, layout: o.layout === false ? 'none' : 'auto', referenceYear: o.year === undefined ? null : Number(o.year) },
        },
        io,
      );
    });

  program
    .command('show')
    .description('show a page in the terminal: articles, bylines, and entities, figures and slogans in colour')
    .argument('<file>', 'a text file')
    .option('--no-color', 'no colour (also when NO_COLOR is set or output is not a terminal): marks in brackets instead')
    .option('--width <n>', 'wrap to this many columns (default: the terminal width, or 80)')
    .option('--no-layout', 'treat the file as running text')
    .action(async (path: string, o: Record<string, unknown>) => {
      status = await runShow(
        { path, color: o.color !== false, width: o.width === undefined ? undefined : wholeNumber('--width', o.width, 20), layout: o.layout === false ? 'none' : 'auto' },
        io,
      );
    });

  program
    .command('schema')
    .description('print the JSON Schema (draft 2020-12) of the output record')
    .action(() => {
      io.stdout.write(JSON.stringify(RECORD_SCHEMA, null, 2) + '\n');
    });

  try {
    await program.parseAsync(argv, { from: 'node' });
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (e instanceof UsageError || e instanceof OutputError || e instanceof NoInputError) {
      io.stderr.write(`zhnews: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
  return status;
}

/**
 * An output file's path, checked before anything is read (output-file.ts: outputPathProblem): a run
 * over a whole archive should not fail at its end for a typo, nor replace /dev/null or a FIFO. `-` is
 * standard output (undefined).
 */
function outputPath(flag: string, path: string | undefined): string | undefined {
  if (path === undefined || path === '-') return undefined;
  const problem = outputPathProblem(path);
  if (problem) throw new UsageError(`${flag}: ${problem}`);
  return path;
}

function parseAnalyzeOptions(paths: string[], o: Record<string, unknown>): AnalyzeRun {
  // commander turns --no-layout into layout=false, which overrides --layout.
  const layout = o.layout === false ? 'none' : (o.layout as 'auto' | 'page' | 'none');
  const disable = String(o.disable ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  for (const d of disable) {
    if (!(OPTIONAL_STAGES as readonly string[]).includes(d)) {
      throw new UsageError(`--disable: unknown stage "${d}" (allowed: ${OPTIONAL_STAGES.join(', ')})`);
    }
  }
  let year: number | null = null;
  if (o.year !== undefined) {
    year = Number(o.year);
    if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new UsageError(`--year: expected a four-digit year, got "${o.year}"`);
  }
  const keywords = wholeNumber('--keywords', o.keywords, 0);
  const jobs = wholeNumber('--jobs', o.jobs, 1);
  const format = o.format as AnalyzeRun['format'];
  if (o.resume && (!o.out || o.out === '-' || (format !== undefined && format !== 'jsonl'))) {
    throw new UsageError('--resume needs --out FILE and JSON Lines output');
  }
  const keepFields = list(o.keepFields);
  if (keepFields.length && o.inputFormat === 'text') throw new UsageError('--keep-fields needs --input-format jsonl or csv');
  const layers = o.layers === undefined ? undefined : list(o.layers);
  for (const l of layers ?? []) if (!CSV_LAYERS.includes(l)) throw new UsageError(`--layers: unknown layer "${l}" (allowed: ${CSV_LAYERS.join(', ')})`);
  if (layers && format !== 'csv') throw new UsageError('--layers needs --format csv');
  const out = outputPath('--out', o.out as string | undefined);
  // '-' is standard output, after the records.
  const summary = o.summary === '-' ? '-' : outputPath('--summary', o.summary as string | undefined);
  const report = outputPath('--report', o.report as string | undefined);
  for (const [a, b] of [[out, summary], [out, report], [summary, report]] as const)
    if (a && b && a !== '-' && resolve(a) === resolve(b)) throw new UsageError('--out, --summary and --report must name different files');
  const dicts = dictsFolder(o.dicts);
  const shard = o.shard === undefined ? null : parseShard(String(o.shard));
  if (shard && 'error' in shard) throw new UsageError(`--shard: ${shard.error}`);
  return {
    paths,
    input: {
      format: o.inputFormat as AnalyzeRun['input']['format'],
      idField: String(o.idField),
      textField: String(o.textField),
      dateField: o.dateField === undefined ? undefined : String(o.dateField),
      titleField: o.titleField === undefined ? undefined : String(o.titleField),
      keepFields,
      encoding: o.encoding as AnalyzeRun['input']['encoding'],
      glob: String(o.glob),
    },
    format: o.resume ? 'jsonl' : format,
    out,
    resume: !!o.resume,
    jobs,
    verbose: !!o.verbose,
    summary,
    report,
    csv: { bom: !!o.bom, layers, keep: keepFields, formulaGuard: o.formulaGuard !== false },
    shard,
    pipeline: {
      ...DEFAULT_OPTIONS,
      layout,
      disable: disable as AnalyzeRun['pipeline']['disable'],
      tokens: !!o.tokens,
      ...(o.explain ? { explain: true } : {}),
      referenceYear: year,
      keywords,
      ...(dicts ? { dicts } : {}),
    },
  };
}

/**
 * `--dicts DIR` as an absolute path (worker threads get it as it is), checked before any input is read:
 * what a Pipeline reads from it is loaded once here, so a folder that lacks one of its files, or has a
 * bad line in one, is a usage error naming the file, not an error record for every document.
 */
function dictsFolder(dir: unknown): string | undefined {
  if (dir === undefined) return undefined;
  const path = resolve(String(dir));
  if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) throw new UsageError(`--dicts: not a directory: ${path}`);
  try {
    const resources = new Resources(path);
    resources.tagger();
    resources.lexicon();
    resources.figures();
    resources.slogans();
    resources.stopWords();
    resources.layoutCues();
  } catch (e) {
    if (e instanceof DictError) throw new UsageError(`--dicts: ${e.message}`);
    throw e;
  }
  return path;
}

/** "a, b,c" -> ["a", "b", "c"]. */
function list(value: unknown): string[] {
  return value === undefined ? [] : String(value).split(',').map((s) => s.trim()).filter(Boolean);
}

function wholeNumber(flag: string, value: unknown, min: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`${flag}: expected a whole number ≥ ${min}, got "${value}"`);
  return n;
}

/** Entry point of bin/zhnews.js. */
export async function run(argv: string[]): Promise<void> {
  const { processIO } = await import('./io.js');
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // `zhnews analyze ... | head` closes the pipe early: that is not a failure.
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  process.exitCode = await main(argv, processIO());
}
