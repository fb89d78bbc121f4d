// `zhnews segment`: one output line per input line, tokens separated by a delimiter (word/tag with --pos).
// The analysis runs on the width-folded text (Simplified, for Traditional input); the words printed are
// the original characters.
// Numbers, entities and slogans found in a line are one token each (src/tokens/merge.ts says what
// is merged by default and why); `merge` chooses the kinds, an empty list gives jieba's words alone.

import { drained, type CliIO } from './io.js';
import { decode, expandPaths, DEFAULT_GLOB } from '../input/index.js';
import { JiebaSegmenter } from '../segment/jieba.js';
import { DEFAULT_MERGE, MERGE_KINDS, MergingSegmenter, type MergeKind } from '../tokens/merge.js';
import { toPkuTag } from '../segment/pku-tags.js';
import { foldWidth } from '../text/chars.js';
import { isTraditional, toSimplified } from '../normalize/script.js';
import { Resources } from '../resources.js';

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
  const segmenter = new MergingSegmenter(new JiebaSegmenter({ hmm: opts.hmm }), opts.merge ?? DEFAULT_MERGE, new Resources(opts.dicts));
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
    // Traditional text is segmented through a Simplified copy of the same length, as `analyze` reads it:
    // jieba's dictionaries are Simplified (臺北市政府將投入 fell apart into single characters).
    const traditional = isTraditional(text);
    const out: string[] = [];
    for (const line of lines) {
      const folded = foldWidth(line);
      const words = segmenter.tag(traditional ? toSimplified(folded) : folded).filter((w) => w.word.trim());
      out.push(
        words
          .map((w) => {
            const word = line.slice(w.s, w.e).trim();
            return opts.pos ? `${word}/${toPkuTag(w.pos, word)}` : word;
          })
          .join(opts.delimiter),
      );
    }
    for (; reported < segmenter.problems.length; reported++) io.stderr.write(`zhnews: warning: ${segmenter.problems[reported]}\n`);
    if (out.length) io.stdout.write(out.join('\n') + '\n');
    await drained(io.stdout);
  }
  return failed ? 1 : 0;
}
