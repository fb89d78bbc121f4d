// `zhnews segment`: one output line per input line, tokens separated by a delimiter (word/tag with --pos).
// Each line is a document of the analysis Pipeline with fewer stages (segmentationStages: the line as
// it is, jieba, the extractors `merge` asks for, the tokens), run on the width-folded text (Simplified,
// for Traditional input); the words printed are the original characters.
// Numbers, entities and slogans found in a line are one token each (src/tokens/merge.ts says what
// is merged by default and why); `merge` chooses the kinds, an empty list gives jieba's words alone.

import { drained, type CliIO } from './io.js';
import { decode, expandPaths, DEFAULT_GLOB } from '../input/index.js';
import { JiebaSegmenter } from '../segment/jieba.js';
import { DEFAULT_MERGE, MERGE_KINDS, type MergeKind } from '../tokens/merge.js';
import { toPkuTag } from '../segment/pku-tags.js';
import { isTraditional } from '../normalize/script.js';
import { BATCH_CHARS, DEFAULT_OPTIONS, Pipeline, segmentationStages, type AnalysisState } from '../pipeline.js';

/** Lines analysed together, stage by stage (Pipeline.runMany): short lines gain as documents do. */
const BATCH_LINES = 64;

export interface SegmentCliOptions {
  pos: boolean;
  delimiter: string;
  hmm: boolean;
  /** What becomes one token; DEFAULT_MERGE when absent, nothing when empty. */
  merge?: readonly MergeKind[];
  /** The dicts folder the entity model and word lists come from (default: the package's dicts/). */
  dicts?: string | undefined;
}

/**
 * `--merge` / `--no-merge` as the command line gives them -> the kinds to merge, or an error that
 * names the allowed values. `--no-merge` (merge === false) merges nothing.
 */
export function parseMerge(merge: string | boolean | undefined): readonly MergeKind[] | { error: string } {
  if (merge === false) return [];
  if (merge === undefined || merge === true) return DEFAULT_MERGE;
  const kinds = merge.split(',').map((k) => k.trim()).filter(Boolean);
  if (kinds.length === 1 && kinds[0] === 'none') return [];
  const bad = kinds.filter((k) => !(MERGE_KINDS as readonly string[]).includes(k));
  if (bad.length) return { error: `--merge: unknown kind "${bad.join(', ')}" (allowed: ${MERGE_KINDS.join(', ')}, none)` };
  return kinds as MergeKind[];
}

export async function runSegment(paths: string[], opts: SegmentCliOptions, io: CliIO): Promise<number> {
  const problems: string[] = [];
  // windowChars 0: a line is segmented whole, however long. The stages read the Pipeline's Resources,
  // from --dicts when given.
  const options = {
    ...DEFAULT_OPTIONS,
    tokens: true,
    windowChars: 0,
    stages: segmentationStages(opts.merge ?? DEFAULT_MERGE, problems),
    ...(opts.dicts ? { dicts: opts.dicts } : {}),
  };
  const pipeline = new Pipeline(options, { segmenter: new JiebaSegmenter({ hmm: opts.hmm }) });
  const print = (state: AnalysisState) => {
    const line = state.raw;
    return (state.tokens[0] ?? [])
      .filter((w) => w.word.trim())
      .map((w) => {
        const word = line.slice(w.s, w.e).trim();
        return opts.pos ? `${word}/${toPkuTag(w.pos, word)}` : word;
      })
      .join(opts.delimiter);
  };
  let failed = 0;
  let reported = 0;
  for await (const source of expandPaths(paths, DEFAULT_GLOB, io.readStdin)) {
    let text: string;
    try {
      const d = decode(await source.read());
      if ('error' in d) throw new Error(d.error);
      text = d.text;
    } catch (e) {
      failed++;
      io.stderr.write(`zhnews: ${source.name}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}, skipped\n`);
      continue;
    }
    const lines = text.split(/\r?\n/);
    if (lines[lines.length - 1] === '') lines.pop();
    // Traditional text is segmented through a Simplified copy of the same length, as `analyze` reads it
    // (jieba's dictionaries are Simplified: 臺北市政府將投入 fell apart into single characters); the file
    // decides, not each line.
    const script = isTraditional(text) ? 'traditional' : 'simplified';
    const out: string[] = [];
    for (let at = 0; at < lines.length; ) {
      let end = at;
      for (let size = 0; end < lines.length && end - at < BATCH_LINES && size < BATCH_CHARS; end++) size += lines[end]!.length;
      const docs = lines.slice(at, end).map((raw, k) => ({ id: `${source.name}:${at + k + 1}`, raw, meta: { script } as const }));
      pipeline.runMany(docs).forEach((state, k) => {
        if (!(state instanceof Error)) return out.push(print(state));
        // Kept to one line per line: the line stays empty, the run goes on and ends with status 1.
        failed++;
        io.stderr.write(`zhnews: ${docs[k]!.id}: ${state.message}\n`);
        out.push('');
      });
      at = end;
    }
    for (; reported < problems.length; reported++) io.stderr.write(`zhnews: warning: ${problems[reported]}\n`);
    if (out.length) io.stdout.write(out.join('\n') + '\n');
    await drained(io.stdout);
  }
  return failed ? 1 : 0;
}
