// The formula guard against a real spreadsheet: a CSV with hostile cells, opened by LibreOffice Calc
// (headless, formulas evaluated on import), holds no formula cell. The same cells unguarded do become
// formulas, so the test can fail. Needs Debian's libreoffice-calc-nogui: installed here when missing
// (run as root, as CI does). Not in `npm test`: `npm run test:libreoffice`.

import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWriter } from '../../src/output/writer.js';
import type { DocumentRecord } from '../../src/types.js';

// Cells an attacker controls in a crawl (a title, a URL) and in the text (an entity's text).
const HOSTILE = [
  '=1+1',
  '\u0000=HYPERLINK("http://evil.example","点击")',
  '\n=2+2',
  '  =3+3',
  '\t=4+4',
  '\r=5+5',
  '\uFEFF=6+6',
  '\u200B=7+7',
  '＝8+8',
  '@SUM(1+1)',
  '+9+9',
  '-10+10',
];

function hostileCsv(formulaGuard: boolean): string {
  const doc: DocumentRecord = {
    id: 'hostile',
    schemaVersion: '1.0',
    date: '2024-05-08',
    meta: Object.fromEntries(HOSTILE.map((h, i) => [`f${i}`, h])),
    articles: [],
    entities: HOSTILE.map((text, i) => ({ type: 'ORG' as const, text, start: i, end: i + 1, norm: text })),
    figures: [{ type: 'number', text: '-3', start: 20, end: 22, value: -3, unit: null }, { type: 'date', text: '5月8日', start: 23, end: 27, value: '--05-08', unit: null }],
    slogans: [],
    keywords: [],
  };
  let out = '';
  const w = createWriter('csv', (s) => (out += s), { keep: HOSTILE.map((_, i) => `f${i}`), formulaGuard });
  w.write(doc);
  w.close();
  return out;
}

function soffice(): string | null {
  const which = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : null;
}

/** The cells of the CSV as LibreOffice Calc reads it, saved as flat ODF: formula cells and shown values. */
function openInCalc(csv: string): { formulas: string[]; text: string } {
  const dir = mkdtempSync(join(tmpdir(), 'zhnews-lo-'));
  writeFileSync(join(dir, 'out.csv'), csv);
  // CSV import options: comma, double quote, UTF-8, from line 1, …, token 13 "evaluate formulas" on.
  execFileSync(soffice()!, ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--infilter=CSV:44,34,76,1,,0,false,true,false,false,false,-1,true', '--convert-to', 'fods', '--outdir', dir, join(dir, 'out.csv')], {
    stdio: 'pipe',
    timeout: 120_000,
  });
  const fods = readFileSync(join(dir, 'out.fods'), 'utf8');
  return { formulas: [...fods.matchAll(/table:formula="([^"]*)"/g)].map((m) => m[1]!), text: fods };
}

describe('formula guard in LibreOffice Calc', () => {
  beforeAll(() => {
    if (soffice()) return;
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', 'libreoffice-calc-nogui'], { stdio: 'inherit', env });
  }, 900_000);

  it('unguarded, the hostile cells become formulas (the test can fail)', () => {
    expect(openInCalc(hostileCsv(false)).formulas.length).toBeGreaterThan(0);
  });

  it('guarded, no cell is a formula, and numbers and ISO dates are left as they are', () => {
    const csv = hostileCsv(true);
    const { formulas, text } = openInCalc(csv);
    expect(formulas).toEqual([]);
    expect(csv).toMatch(/,-3,/);
    expect(csv).toContain(',--05-08,');
    expect(text).toContain('office:value="-3"');
  });
});
