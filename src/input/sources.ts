// Command-line paths -> byte sources: files as given, directories walked (recursive, sorted, picked by
// a glob), '-' for standard input. The only importer of tinyglobby.
//
// Document ids are the path as given, or for files found in a directory the directory as given joined
// with the file's relative path ("archive/" + "2022/08/a.txt"), so ids are stable across machines.

import { statSync, type Stats } from 'node:fs';
import { posix } from 'node:path';
import { glob } from 'tinyglobby';
import { fileSource, type ByteSource } from './read.js';

export const DEFAULT_GLOB = '**/*.txt';

export async function* expandPaths(
  paths: string[],
  pattern: string,
  readStdin: () => Promise<Buffer>,
  stdinChunks?: () => AsyncIterable<Buffer>,
): AsyncGenerator<ByteSource> {
  if (paths.length === 0) paths = ['-'];
  for (const p of paths) {
    if (p === '-') {
      yield { name: '-', read: readStdin, ...(stdinChunks ? { chunks: stdinChunks } : {}) };
      continue;
    }
    // Sizes (for the progress bar) by statSync: an awaited stat per file was a round trip to libuv's
    // threads, 0.6 s for 5,000 files before the first was read; a file the walk has just listed is a
    // cached inode, and statSync answers in microseconds.
    const info = statOf(p);
    if (!info?.isDirectory()) {
      // A missing file still becomes a source: reading it yields that path's error record.
      yield fileSource(p, info?.size);
      continue;
    }
    const found = await glob(pattern, { cwd: p, onlyFiles: true, dot: false, followSymbolicLinks: false });
    for (const rel of found.sort()) {
      const full = posix.join(p.split('\\').join('/'), rel);
      const size = statOf(full)?.size;
      yield fileSource(full, size);
    }
  }
}

/** The path's stats, or undefined when it cannot be stat'ed (reading it will say why). */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
