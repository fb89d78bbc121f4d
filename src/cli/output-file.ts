// Output files: the checks an output path must pass before a run starts, the atomic file (a temporary
// file renamed over the name on success), and the synchronous sink both it and the resume journal
// (journal.ts) write through.
//
// Paths: `-` is standard output. Anything else must be a regular file or not exist yet, in a folder
// that exists, is writable and has space: `/dev/null`, a FIFO, a folder or a symbolic link is refused
// (replacing it by a regular file breaks the machine, blocks forever, or writes where the link points).
//
// Temporary files sit beside the target, so that the rename is atomic: `.NAME.zhnews-<12 hex>.tmp`,
// created with O_EXCL (an existing file or a planted symbolic link of that name fails the open instead
// of being written through) and a random part (nobody can plant it in advance). A killed run leaves one
// behind; `analyze --resume` finds and removes them (strayTemps).

import { closeSync, constants, fchmodSync, fstatSync, fsyncSync, lstatSync, openSync, readdirSync, renameSync, rmSync, statfsSync, statSync, writeSync, accessSync, type Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';

/** The output file could not be written (no permission, disk full ...): the run stops, exit status 2. */
export class OutputError extends Error {}

const TEMP = /^\.(.+)\.zhnews-[0-9a-f]{12}\.tmp$/;

/** A fresh temporary name beside `path`: `.out.jsonl.zhnews-3f9c0a1b2c4d.tmp`. */
export function tempName(path: string): string {
  return join(dirname(path), `.${basename(path)}.zhnews-${randomBytes(6).toString('hex')}.tmp`);
}

/** Temporary files that runs writing `path` left behind (killed before their rename). */
export function strayTemps(path: string): string[] {
  const dir = dirname(path);
  const name = basename(path);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.filter((e) => TEMP.exec(e)?.[1] === name).map((e) => join(dir, e));
}

/**
 * Why `path` cannot be an output file, or null when it can: it exists and is not a regular file, its
 * folder is missing, not writable or full. Checked before anything is read, so that a run over a whole
 * archive does not fail at its end for a typo.
 */
export function outputPathProblem(path: string): string | null {
  const info = statOrNull(path, lstatSync);
  if (info?.isSymbolicLink()) return `${path} is a symbolic link: give the path of the file itself`;
  if (info && !info.isFile()) return `${path} exists and is not a regular file (${kindOf(path)}): refusing to replace it`;
  const dir = dirname(resolve(path));
  if (!statOrNull(dir, statSync)?.isDirectory()) return `no such folder: ${dir}`;
  try {
    accessSync(dir, constants.W_OK | constants.X_OK);
  } catch (e) {
    return `cannot write in ${dir}: ${(e as NodeJS.ErrnoException).code}`;
  }
  try {
    if (statfsSync(dir).bavail === 0) return `no space left on the device of ${dir}`;
  } catch {
    // statfs is not everywhere (some network file systems): the first write will tell.
  }
  return null;
}

/** Stats of a path, null when there is nothing there (a file on the way counts: ENOTDIR). */
function statOrNull(path: string, stat: typeof statSync): Stats | null {
  try {
    return stat(path, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

function kindOf(path: string): string {
  const s = statSync(path);
  return s.isDirectory() ? 'a folder' : s.isFIFO() ? 'a FIFO' : s.isCharacterDevice() || s.isBlockDevice() ? 'a device' : s.isSocket() ? 'a socket' : 'not a file';
}

/**
 * Text into a file descriptor with write(2) on this thread: once `write` returns, the kernel has the
 * text, so a process killed after it (kill -9 included) loses none of it. `buffer` bytes are gathered
 * first (0: every chunk goes out as it comes, as the journal needs). A failed write (ENOSPC ...) throws
 * an OutputError at once: a run on a full disk stops there instead of analysing on for nothing.
 */
export class FileSink {
  private pending: string[] = [];
  private pendingBytes = 0;

  constructor(
    readonly fd: number,
    readonly path: string,
    private readonly buffer = 0,
  ) {}

  write = (chunk: string): void => {
    if (this.buffer === 0) return this.put(chunk);
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (this.pendingBytes >= this.buffer) this.flush();
  };

  flush(): void {
    if (!this.pending.length) return;
    const text = this.pending.join('');
    this.pending = [];
    this.pendingBytes = 0;
    this.put(text);
  }

  private put(text: string): void {
    const bytes = Buffer.from(text);
    try {
      // write(2) may take part of it (a full disk mid-chunk): the rest, or the error, comes next round.
      for (let at = 0; at < bytes.length; ) at += writeSync(this.fd, bytes, at);
    } catch (e) {
      throw new OutputError(`cannot write ${this.path}: ${(e as Error).message}`);
    }
  }
}

/**
 * An output file written atomically: everything goes to a temporary file beside it, renamed over the
 * real name only when the run completes, so an interrupted or failed run never leaves half a file under
 * that name (an earlier file stays as it was). The file replaced keeps its permissions.
 */
export class AtomicFile {
  readonly tmp: string;
  private sink: FileSink | null = null;
  private readonly onSignal = (signal: NodeJS.Signals) => {
    // Synchronously: an asynchronous removal waited for the analysis loop to yield again, which could
    // be the end of the run.
    this.abort();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };

  constructor(readonly path: string) {
    this.tmp = tempName(path);
  }

  /** Creates the temporary file (O_EXCL) with the mode of the file it will replace. */
  open(): this {
    const replaced = statOrNull(this.path, statSync);
    let fd: number;
    try {
      fd = openSync(this.tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, replaced ? replaced.mode & 0o7777 : 0o666);
      // The mode given to open passes through the umask; the file replaced had what it had.
      if (replaced) fchmodSync(fd, replaced.mode & 0o7777);
    } catch (e) {
      throw new OutputError(`cannot write ${this.path}: ${(e as Error).message}`);
    }
    this.sink = new FileSink(fd, this.path, 1 << 16);
    process.on('SIGINT', this.onSignal);
    process.on('SIGTERM', this.onSignal);
    return this;
  }

  write = (chunk: string): void => {
    try {
      this.sink!.write(chunk);
    } catch (e) {
      this.abort();
      throw e;
    }
  };

  /** Writes what is buffered, syncs it to the disk and renames the file over the name. */
  commit(): void {
    const sink = this.sink!;
    try {
      sink.flush();
      fsyncSync(sink.fd);
      closeSync(sink.fd);
      this.sink = null;
      renameSync(this.tmp, this.path);
    } catch (e) {
      this.abort();
      throw e instanceof OutputError ? e : new OutputError(`cannot write ${this.path}: ${(e as Error).message}`);
    } finally {
      this.release();
    }
  }

  /** Removes the temporary file; the real name keeps what it had. */
  abort(): void {
    if (this.sink) {
      try {
        closeSync(this.sink.fd);
      } catch {
        // already closed
      }
      this.sink = null;
    }
    rmSync(this.tmp, { force: true });
    this.release();
  }

  private release(): void {
    process.off('SIGINT', this.onSignal);
    process.off('SIGTERM', this.onSignal);
  }
}

/** `text` into `path` atomically (summaries): a full disk or a kill leaves the earlier file whole. */
export function writeFileAtomic(path: string, text: string): void {
  const f = new AtomicFile(path).open();
  f.write(text);
  f.commit();
}

/** A descriptor's file is a regular file (what was checked before the run may have been swapped). */
export function isRegular(fd: number): boolean {
  return fstatSync(fd).isFile();
}
