// The zhnews command line: parses flags once into ready options, then runs a command.
//
// main(argv, io) returns the exit status instead of exiting, so tests can run it in-process:
//   0 all inputs fine, 1 some input became an error record, 2 usage error.

import { Command, CommanderError, Option } from 'commander';
import type { CliIO } from './io.js';
import { runAnalyze } from './analyze.js';
import { runSegment } from './segment.js';
import { OUTPUT_FORMATS } from '../output/writer.js';
import { INPUT_FORMATS } from '../input.js';
import { OPTIONAL_STAGES } from '../pipeline.js';

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
  $ zhnews analyze --disable keywords,entities --format jsonl a.txt b.txt`;

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
    .argument('[paths...]', "input files; none or '-' reads standard input")
    .addOption(new Option('--input-format <format>', 'how inputs are framed').choices(INPUT_FORMATS).default('text'))
    .option('--id-field <name>', 'JSONL field holding the document id', 'id')
    .option('--text-field <name>', 'JSONL field holding the document text', 'text')
    .addOption(new Option('--format <format>', 'output format (json: one object, or an array for several documents)').choices(OUTPUT_FORMATS))
    .option('--out <file>', 'write output to this file (atomically) instead of standard output')
    .option('--no-layout', 'treat every document as running text: no page reconstruction')
    .addOption(new Option('--layout <mode>', 'page reconstruction: auto-detect, always, or never').choices(['auto', 'page', 'none']).default('auto'))
    .option('--disable <stages>', `comma-separated stages to skip (${OPTIONAL_STAGES.join(', ')})`)
    .option('--tokens', 'include the token list in each record')
    .option('--year <yyyy>', 'reference year for 今年 and dates without a year')
    .option('--keywords <n>', 'keywords per document', '10')
    .addHelpText('after', ANALYZE_EXAMPLES)
    .action(async (paths: string[], opts) => {
      status = await runAnalyze(paths, parseAnalyzeOptions(opts), io);
    });

  program
    .command('segment')
    .description('segment text into words: one output line per input line, tokens separated by spaces')
    .argument('[paths...]', "input files; none or '-' reads standard input")
    .option('--pos', 'write word/tag')
    .option('--delimiter <s>', 'token separator', ' ')
    .option('--no-hmm', "dictionary-only segmentation (no jieba HMM for unknown words)")
    .addHelpText('after', SEGMENT_EXAMPLES)
    .action(async (paths: string[], opts: { pos?: boolean; delimiter: string; hmm: boolean }) => {
      status = await runSegment(paths, { pos: !!opts.pos, delimiter: opts.delimiter, hmm: opts.hmm }, io);
    });

  try {
    await program.parseAsync(argv, { from: 'node' });
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
    }
    if (e instanceof UsageError) {
      io.stderr.write(`zhnews: ${e.message}\n`);
      return EXIT_USAGE;
    }
    throw e;
  }
  return status;
}

export interface AnalyzeCliOptions {
  inputFormat: (typeof INPUT_FORMATS)[number];
  idField: string;
  textField: string;
  format: (typeof OUTPUT_FORMATS)[number] | undefined;
  out: string | undefined;
  layout: 'auto' | 'page' | 'none';
  disable: (typeof OPTIONAL_STAGES)[number][];
  tokens: boolean;
  year: number | null;
  keywords: number;
}

function parseAnalyzeOptions(o: Record<string, unknown>): AnalyzeCliOptions {
  // commander turns --no-layout into layout=false, which overrides --layout.
  const layout = o.layout === false ? 'none' : (o.layout as AnalyzeCliOptions['layout']);
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
  const keywords = Number(o.keywords);
  if (!Number.isInteger(keywords) || keywords < 0) throw new UsageError(`--keywords: expected a whole number, got "${o.keywords}"`);
  return {
    inputFormat: o.inputFormat as AnalyzeCliOptions['inputFormat'],
    idField: String(o.idField),
    textField: String(o.textField),
    format: o.format as AnalyzeCliOptions['format'],
    out: o.out as string | undefined,
    layout,
    disable: disable as AnalyzeCliOptions['disable'],
    tokens: !!o.tokens,
    year,
    keywords,
  };
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
