// Output files: the atomic --out file (src/cli/io.ts) and summary files; a failure is an OutputError
// (one line, exit status 2), never a stack trace or a half file.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { AtomicFile, OutputError, drained, readLines } from '../../src/cli/io.js';
import { writeSummaryFile } from '../../src/cli/summary.js';
import { CorpusSummary } from '../../src/summary/corpus.js';

describe('AtomicFile', () => {
  it('writes to a temporary file and renames it over the name on commit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-atomic-'));
    const f = new AtomicFile(join(dir, 'out.jsonl'));
    await f.open();
    f.write('{"id":"kept"}\n');
    f.write('{"id":"new"}\n');
    expect(readdirSync(dir)).toEqual([`.out.jsonl.${process.pid}.tmp`]);
    await f.commit();
    expect(readdirSync(dir)).toEqual(['out.jsonl']);
  });

  it('rejects with an OutputError when the file cannot be created (its folder went away)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-atomic-'));
    const f = new AtomicFile(join(dir, 'out.jsonl'));
    rmSync(dir, { recursive: true });
    const opened = f.open();
    await expect(opened).rejects.toBeInstanceOf(OutputError);
    await expect(opened).rejects.toThrow(/cannot write .*out\.jsonl: ENOENT/);
  });

  it('a write that fails during the run (disk full) fails the commit and leaves no file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-atomic-'));
    const f = new AtomicFile(join(dir, 'out.jsonl'));
    await f.open();
    f.write('{"id":"a"}\n');
    // What the stream reports when the device is full (white box: no full disk to hand in a test).
    (f as unknown as { stream: NodeJS.EventEmitter }).stream.emit('error', new Error('ENOSPC: no space left on device, write'));
    await expect(f.commit()).rejects.toThrow(/cannot write .*out\.jsonl: ENOSPC/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('writeSummaryFile', () => {
  it('turns a write that fails into an OutputError', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-summary-'));
    writeFileSync(join(dir, 'plain.txt'), '不是目录');
    const write = writeSummaryFile(join(dir, 'plain.txt', 'summary.json'), new CorpusSummary().result(), false);
    await expect(write).rejects.toBeInstanceOf(OutputError);
    await expect(write).rejects.toThrow(/cannot write .*summary\.json: ENOTDIR/);
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
