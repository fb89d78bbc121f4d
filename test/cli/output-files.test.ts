// Output files: path checks, the atomic --out file (src/cli/output-file.ts) and summary files; a failure is an OutputError
// (one line, exit status 2), never a stack trace or a half file.
import { describe, expect, it } from 'vitest';
import { chmodSync, closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Writable } from 'node:stream';
import { drained, readLines } from '../../src/cli/io.js';
import { AtomicFile, FileSink, OutputError, outputPathProblem, strayTemps, tempName, writeFileAtomic } from '../../src/cli/output-file.js';
import { writeSummaryFile } from '../../src/cli/summary.js';
import { CorpusSummary } from '../../src/summary/corpus.js';

describe('AtomicFile', () => {
  it('writes to a temporary file with a random name (O_EXCL) and renames it over the name on commit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-atomic-'));
    const f = new AtomicFile(join(dir, 'out.jsonl')).open();
    const g = new AtomicFile(join(dir, 'out.jsonl'));
    f.write('{"id":"kept"}\n');
    f.write('{"id":"new"}\n');
    expect(readdirSync(dir)).toEqual([basename(f.tmp)]);
    expect(basename(f.tmp)).toMatch(/^\.out\.jsonl\.zhnews-[0-9a-f]{12}\.tmp$/);
    expect(g.tmp).not.toBe(f.tmp); // not predictable from the pid
    f.commit();
    expect(readdirSync(dir)).toEqual(['out.jsonl']);
    expect(readFileSync(join(dir, 'out.jsonl'), 'utf8')).toBe('{"id":"kept"}\n{"id":"new"}\n');
  });

  it('keeps the mode of the file it replaces (0600 stays 0600)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-atomic-'));
    const out = join(dir, 'private.jsonl');
    writeFileSync(out, 'old\n', { mode: 0o600 });
    chmodSync(out, 0o600);
    const f = new AtomicFile(out).open();
    f.write('new\n');
    f.commit();
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readFileSync(out, 'utf8')).toBe('new\n');
  });

  it('never writes through a file planted at its temporary name (O_EXCL)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-atomic-'));
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, '别人的文件\n');
    const f = new AtomicFile(join(dir, 'out.jsonl'));
    symlinkSync(victim, f.tmp);
    expect(() => f.open()).toThrow(OutputError);
    expect(readFileSync(victim, 'utf8')).toBe('别人的文件\n');
  });

  it('throws an OutputError when the file cannot be created (its folder went away)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-atomic-'));
    const f = new AtomicFile(join(dir, 'out.jsonl'));
    rmSync(dir, { recursive: true });
    expect(() => f.open()).toThrow(/cannot write .*out\.jsonl: ENOENT/);
  });

  it('a full disk (ENOSPC) throws at the write that fails, removes the temporary file and leaves the earlier file whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-atomic-'));
    const out = join(dir, 'out.jsonl');
    writeFileSync(out, '{"id":"earlier"}\n');
    const f = new AtomicFile(out).open();
    // /dev/full answers every write with ENOSPC: a real full disk, behind the temporary file's sink.
    const full = openSync('/dev/full', 'w');
    const sink = (f as unknown as { sink: FileSink }).sink;
    closeSync(sink.fd);
    (f as unknown as { sink: FileSink }).sink = new FileSink(full, out, 0);
    expect(() => f.write('{"id":"a"}\n')).toThrow(/cannot write .*out\.jsonl: ENOSPC/);
    expect(readdirSync(dir)).toEqual(['out.jsonl']);
    expect(readFileSync(out, 'utf8')).toBe('{"id":"earlier"}\n');
  });
});

describe('FileSink', () => {
  it('hands every chunk to the kernel at once without a buffer, gathers up to the buffer size with one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-sink-'));
    const path = join(dir, 'x');
    const fd = openSync(path, 'w');
    const direct = new FileSink(fd, path);
    direct.write('甲\n');
    expect(readFileSync(path, 'utf8')).toBe('甲\n');
    const buffered = new FileSink(fd, path, 1024);
    buffered.write('乙\n');
    expect(readFileSync(path, 'utf8')).toBe('甲\n');
    buffered.flush();
    expect(readFileSync(path, 'utf8')).toBe('甲\n乙\n');
    closeSync(fd);
  });
});

describe('output paths', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhnews-paths-'));
  writeFileSync(join(dir, 'plain.jsonl'), '');
  symlinkSync(join(dir, 'plain.jsonl'), join(dir, 'link.jsonl'));
  execFileSync('mkfifo', [join(dir, 'pipe')]);
  it.each([
    ['/dev/null', /\/dev\/null exists and is not a regular file \(a device\)/],
    [join(dir, 'pipe'), /pipe exists and is not a regular file \(a FIFO\)/],
    [dir, /exists and is not a regular file \(a folder\)/],
    [join(dir, 'link.jsonl'), /link\.jsonl is a symbolic link/],
    [join(dir, 'missing', 'out.jsonl'), /no such folder: .*missing/],
    [join(dir, 'plain.jsonl', 'out.jsonl'), /no such folder/],
  ])('refuses %s', (path, message) => {
    expect(outputPathProblem(path)).toMatch(message);
  });

  it('takes a regular file or a new name in a writable folder', () => {
    expect(outputPathProblem(join(dir, 'plain.jsonl'))).toBeNull();
    expect(outputPathProblem(join(dir, 'new.jsonl'))).toBeNull();
  });

  it('names stray temporary files of a path, and only of that path', () => {
    const d = mkdtempSync(join(tmpdir(), 'zhnews-stray-'));
    const out = join(d, 'out.jsonl');
    for (const n of ['.out.jsonl.zhnews-0123456789ab.tmp', '.out.jsonl.zhnews-ffffffffffff.tmp', '.other.jsonl.zhnews-0123456789ab.tmp', '.out.jsonl.4242.tmp', 'out.jsonl']) {
      writeFileSync(join(d, n), '');
    }
    expect(strayTemps(out).map((p) => basename(p)).sort()).toEqual(['.out.jsonl.zhnews-0123456789ab.tmp', '.out.jsonl.zhnews-ffffffffffff.tmp']);
    expect(basename(tempName(out))).toMatch(/^\.out\.jsonl\.zhnews-[0-9a-f]{12}\.tmp$/);
  });
});

describe('summary files', () => {
  it('writeSummaryFile turns a write that fails into an OutputError', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-summary-'));
    writeFileSync(join(dir, 'plain.txt'), '不是目录');
    const write = writeSummaryFile(join(dir, 'plain.txt', 'summary.json'), new CorpusSummary().result(), false);
    await expect(write).rejects.toBeInstanceOf(OutputError);
    await expect(write).rejects.toThrow(/cannot write .*summary\.json: ENOTDIR/);
  });

  it('writeFileAtomic replaces the file whole, leaving no temporary file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-summary-'));
    const path = join(dir, 'summary.json');
    writeFileSync(path, '{"documents":1}\n');
    writeFileAtomic(path, '{"documents":2}\n');
    expect(readFileSync(path, 'utf8')).toBe('{"documents":2}\n');
    expect(readdirSync(dir)).toEqual(['summary.json']);
  });
});

describe('drained (backpressure on the output)', () => {
  /** A sink that takes a chunk only when told to. */
  function slowSink() {
    const pending: (() => void)[] = [];
    const stream = new Writable({ highWaterMark: 16, write: (_chunk, _enc, done) => void pending.push(() => done()) });
    return { stream, release: () => pending.splice(0).forEach((f) => f()) };
  }

  it('waits while more than the high-water mark is unwritten, and goes on once it is taken', async () => {
    const { stream, release } = slowSink();
    stream.write('{"id":"a","text":"黄岛海关设立汽车出口绿色通道"}\n');
    let done = false;
    const wait = drained(stream).then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    release();
    await wait;
    expect(done).toBe(true);
  });

  it('returns at once when nothing waits, and never hangs on a stream that failed or was destroyed', async () => {
    await drained(slowSink().stream);
    await drained({ write: () => true }); // a test double of stdout
    const failing = slowSink();
    failing.stream.on('error', () => undefined);
    failing.stream.write('x'.repeat(64));
    const wait = drained(failing.stream);
    failing.stream.destroy(new Error('EPIPE'));
    await wait;
    const gone = slowSink();
    gone.stream.write('x'.repeat(64));
    const waiting = drained(gone.stream);
    gone.stream.destroy(); // closed without an error: no 'drain' will come
    await waiting;
    await drained(gone.stream);
  });
});

describe('readLines (records files, --resume)', () => {
  it('streams the lines of a file, CRLF or LF, and none of a file that does not exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-lines-'));
    writeFileSync(join(dir, 'r.jsonl'), '{"id":"甲"}\r\n{"id":"乙"}\n{"id":"丙"}');
    const lines: string[] = [];
    for await (const l of readLines(join(dir, 'r.jsonl'))) lines.push(l);
    expect(lines).toEqual(['{"id":"甲"}', '{"id":"乙"}', '{"id":"丙"}']);
    const none: string[] = [];
    for await (const l of readLines(join(dir, 'missing.jsonl'))) none.push(l);
    expect(none).toEqual([]);
  });
});
