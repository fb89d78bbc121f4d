// npm run train:ner is reproducible: the same data and seed give the same model bytes. Trained
// twice on a small sample of the training corpora, in separate processes as a user would run it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { decodeModel, type NerModel } from '../../src/extract/entities/model-io.js';

const TRAIN = join(ROOT, '..', 'shared', 'train', 'ner');
const dir = mkdtempSync(join(tmpdir(), 'zhnews-train-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function run(out: string, seed: number, extra: string[]): string {
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'dist', 'tools', 'train-ner.js'), 'train', '--limit', '300', '--epochs', '2', '--seed', String(seed), '--out', out, ...extra],
    { encoding: 'utf8', cwd: ROOT },
  );
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

function train(out: string, seed = 7, extra: string[] = []): Buffer {
  run(out, seed, extra);
  return readFileSync(out);
}

// A small corpus of our own: a company, a place and a person per sentence.
const SENTENCES = [
  ['星海电子公司今天在青岛发布了新一代芯片，董事长王立新出席。', [['ORG', 0, 6], ['LOC', 9, 11], ['PER', 23, 26]]],
  ['记者从宁波港集团获悉，总经理陈海涛表示今年吞吐量稳步增长。', [['ORG', 3, 8], ['PER', 14, 17]]],
  ['来自成都的李晓梅在市体育馆拿下女子组冠军。', [['LOC', 2, 4], ['PER', 5, 8]]],
] as const;

function corpus(file: string, masked: boolean): void {
  const lines = [];
  for (let k = 0; k < 20; k++) {
    for (const [text, ents] of SENTENCES) {
      const entities = ents.map(([type, start, end]) => ({ type, start, end }));
      const n = [...text].length;
      lines.push(JSON.stringify({ id: `s${k}`, text, entities, masked: masked ? [{ start: 0, end: n }] : [] }));
    }
  }
  writeFileSync(file, lines.join('\n') + '\n');
}

describe.skipIf(!existsSync(TRAIN))('train:ner (needs ../shared/train)', () => {
  it('writes byte-identical models from the same data and seed, and another model from another seed', () => {
    const a = train(join(dir, 'a.bin'));
    const b = train(join(dir, 'b.bin'));
    expect(a.length).toBeGreaterThan(1000);
    expect(b.equals(a)).toBe(true);
    const c = train(join(dir, 'c.bin'), 8);
    expect(c.equals(a)).toBe(false);
  });

  it('drops a feature whole when none of its weights reaches --min-feature-weight, and keeps the others as they were', () => {
    const all = decodeModel(train(join(dir, 'all.bin'), 7, ['--min-feature-weight', '0']));
    const pruned = decodeModel(train(join(dir, 'pruned.bin'), 7, ['--min-feature-weight', '1.5']));
    const largest = (m: NerModel, f: number) => {
      const at = m.at[f]!;
      let x = 0;
      for (let j = 1, k = bitCount(m.rows[at]!); j <= k; j++) x = Math.max(x, Math.abs(m.rows[at + j]! * m.scale));
      return x;
    };
    expect(pruned.scale).toBe(all.scale);
    expect(pruned.keys.length).toBeGreaterThan(0);
    let kept = 0;
    for (let f = 0; f < all.keys.length; f++) {
      const g = modelRowIndex(pruned, all.keys[f]!);
      // Quantisation rounds a weight by at most half a step: compare with that margin.
      if (largest(all, f) >= 1.5 + all.scale) expect(g, `feature ${all.keys[f]}`).toBeGreaterThanOrEqual(0);
      if (largest(all, f) < 1.5 - all.scale) expect(g).toBe(-1);
      if (g < 0) continue;
      kept++;
      const a = all.at[f]!;
      const b = pruned.at[g]!;
      expect(Array.from(pruned.rows.subarray(b, b + 1 + bitCount(pruned.rows[b]!)))).toEqual(Array.from(all.rows.subarray(a, a + 1 + bitCount(all.rows[a]!))));
    }
    expect(kept).toBe(pruned.keys.length);
    expect(kept).toBeLessThan(all.keys.length);
  });
});

describe('train:ner masked spans', () => {
  it("learns nothing from characters whose gold labels are masked, and learns from the same sentences unmasked", () => {
    const data = join(dir, 'corpus');
    mkdirSync(data, { recursive: true });
    corpus(join(data, 'masked.jsonl'), true);
    corpus(join(data, 'plain.jsonl'), false);
    const opts = (f: string) => ['--train', data, '--files', f, '--min-count', '1', '--min-feature-weight', '0'];
    const nonzero = (stdout: string) => Number(/([0-9]+) non-zero weights/.exec(stdout)?.[1]);
    expect(nonzero(run(join(dir, 'masked.bin'), 7, opts('masked.jsonl')))).toBe(0);
    expect(nonzero(run(join(dir, 'plain.bin'), 7, opts('plain.jsonl')))).toBeGreaterThan(100);
  });

  it('--hold-out K/N trains without the sentences at i % N === K of each file, and records it in the model', () => {
    const data = join(dir, 'hold');
    mkdirSync(data, { recursive: true });
    corpus(join(data, 'plain.jsonl'), false);
    const opts = ['--train', data, '--files', 'plain.jsonl', '--min-count', '1'];
    const meta = (extra: string[]) => decodeModel(train(join(dir, 'hold.bin'), 7, [...opts, ...extra])).header.meta;
    // 60 sentences: 0/3 leaves out 20 of them.
    expect(meta(['--hold-out', '0/3'])).toMatchObject({ sentences: 40, heldOut: '0/3' });
    expect(meta([])).toMatchObject({ sentences: 60 });
    expect(meta([])).not.toHaveProperty('heldOut');
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'tools', 'train-ner.js'), 'train', ...opts, '--hold-out', '3/3'], { encoding: 'utf8', cwd: ROOT });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('K/N');
  });

  it('refuses a corpus that is not in the training folder', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'tools', 'train-ner.js'), 'train', '--train', dir, '--files', 'nowhere.jsonl'], { encoding: 'utf8', cwd: ROOT });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('nowhere.jsonl');
  });
});

function bitCount(mask: number): number {
  let k = 0;
  for (let m = mask; m; m &= m - 1) k++;
  return k;
}

/** Index of `key` among m's features, or -1. */
function modelRowIndex(m: NerModel, key: number): number {
  let lo = 0;
  let hi = m.keys.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (m.keys[mid] === key) return mid;
    if (m.keys[mid]! < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
