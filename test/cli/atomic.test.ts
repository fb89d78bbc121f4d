// The atomic output file (src/cli/io.ts): failures become OutputErrors, never a half file.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AtomicFile, OutputError } from '../../src/cli/io.js';

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
