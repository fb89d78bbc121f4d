// npm run train:ner is reproducible: the same data and seed give the same model bytes (issue 5). Trained
// twice on a small sample of the training corpora, in separate processes as a user would run it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';

const TRAIN = join(ROOT, '..', 'shared', 'train', 'ner');
const dir = mkdtempSync(join(tmpdir(), 'zhnews-train-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function train(out: string, seed = 7): Buffer {
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'dist', 'tools', 'train-ner.js'), 'train', '--limit', '300', '--epochs', '2', '--seed', String(seed), '--out', out],
    { encoding: 'utf8', cwd: ROOT },
  );
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(out);
}

describe.skipIf(!existsSync(TRAIN))('train:ner (needs ../shared/train)', () => {
  it('writes byte-identical models from the same data and seed, and another model from another seed', () => {
    const a = train(join(dir, 'a.bin'));
    const b = train(join(dir, 'b.bin'));
    expect(a.length).toBeGreaterThan(1000);
    expect(b.equals(a)).toBe(true);
    const c = train(join(dir, 'c.bin'), 8);
    expect(c.equals(a)).toBe(false);
  }, 120_000);
});
