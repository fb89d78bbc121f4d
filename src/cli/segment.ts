// `zhnews segment`: one output line per input line, tokens separated by a delimiter (word/tag with --pos).
// The analysis runs on the width-folded text; the words printed are the original characters.

import type { CliIO } from './io.js';
import { decode, expandPaths, DEFAULT_GLOB } from '../input/index.js';
import { JiebaSegmenter } from '../segment/jieba.js';
import { foldWidth } from '../text/chars.js';

export interface SegmentCliOptions {
  pos: boolean;
  delimiter: string;
  hmm: boolean;
}

export async function runSegment(paths: string[], opts: SegmentCliOptions, io: CliIO): Promise<number> {
  const segmenter = new JiebaSegmenter({ hmm: opts.hmm });
  let failed = 0;
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
    const out: string[] = [];
    for (const line of lines) {
      const words = segmenter.tag(foldWidth(line)).filter((w) => w.word.trim());
      out.push(words.map((w) => (opts.pos ? `${line.slice(w.s, w.e)}/${w.pos}` : line.slice(w.s, w.e))).join(opts.delimiter));
    }
    if (out.length) io.stdout.write(out.join('\n') + '\n');
  }
  return failed ? 1 : 0;
}
