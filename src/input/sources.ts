// Command-line paths -> byte sources: files as given, directories walked (recursive, sorted, picked by
// a glob), '-' for standard input. The only importer of tinyglobby.
//
// Document ids are the path as given, or for files found in a directory the directory as given joined
// with the file's relative path ("archive/" + "2022/08/a.txt"), so ids are stable across machines.

import { stat } from 'node:fs/promises';
import { posix } from 'node:path';
import { glob } from 'tinyglobby';
import { fileSource, type ByteSource } from './read.js';

export const DEFAULT_GLOB = '**/*.txt';

export async function* expandPaths(paths: string[], pattern: string, readStdin: () => Promise<Buffer>): AsyncGenerator<ByteSource> {
  if (paths.length === 0) paths = ['-'];
  for (const p of paths) {
    if (p === '-') {
      yield { name: '-', read: readStdin };
      continue;
    }
    const info = await stat(p).catch(() => null);
    if (!info?.isDirectory()) {
      // A missing file still becomes a source: reading it yields that path's error record.
      yield fileSource(p, info?.size);
      continue;
    }
    const found = await glob(pattern, { cwd: p, onlyFiles: true, dot: false, followSymbolicLinks: false });
    for (const rel of found.sort()) {
      const full = posix.join(p.split('\\').join('/'), rel);
      const size = (await stat(full).catch(() => null))?.size;
      yield fileSource(full, size);
    }
  }
}
