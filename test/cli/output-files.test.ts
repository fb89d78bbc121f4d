// Output files: the atomic --out file (src/cli/io.ts) and summary files; a failure is an OutputError
// (one line, exit status 2), never a stack trace or a half file.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtomicFile, OutputError } from '../../src/cli/io.js';
import { writeSummaryFile } from '../../src/cli/summary.js';
import { CorpusSummary } from '../../src/summary/corpus.js';

describe('AtomicFile', () => {
  it('writes to a temporary file and renames it over the name on commit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-atomic-'));
    const f = new AtomicFile(join(dir, 'out.jsonl'));
    await f.open('{"id":"kept"}\n');
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
