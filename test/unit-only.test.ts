// `npm test` runs unit tests only: a test that spawns the built CLI belongs in test/e2e/ (`npm run
// test:e2e`), where a slow spawn on a busy machine does not hold up the unit suite.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/** The suites with their own config: end to end, the browser, LibreOffice. */
const OWN_SUITES = ['e2e', 'browser', 'libreoffice'];

function unitTests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return dir === join(ROOT, 'test') && OWN_SUITES.includes(e.name) ? [] : unitTests(p);
    return e.name.endsWith('.test.ts') ? [p] : [];
  });
}

/** Runs the CLI binary: the helpers' `cli(…)`, or `BIN` (bin/zhnews.js) handed to a spawn. */
export const spawnsCli = (source: string) => /\bcli\(\[|\bBIN\b|bin\/zhnews\.js/.test(source);

describe('the unit suite', () => {
  it('spawns no CLI', () => {
    const self = fileURLToPath(import.meta.url); // its examples below name the forms it looks for
    const spawning = unitTests(join(ROOT, 'test')).filter((f) => f !== self && spawnsCli(readFileSync(f, 'utf8')));
    expect(spawning.map((f) => relative(ROOT, f))).toEqual([]);
  });

  it.each([
    ["const r = cli(['analyze', SEED]);", true],
    ["spawn(process.execPath, [BIN, 'analyze'])", true],
    ["const status = await main(['node', 'zhnews', 'analyze'], io);", false],
  ])('tells a spawn of the CLI: %s', (source, expected) => {
    expect(spawnsCli(source)).toBe(expected);
  });
});
