// Odd inputs never throw, and whatever comes back obeys the invariants of a SloganMatch list; and the
// founding page yields the slogans its notes list.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractSlogans, loadSloganKnowledge, SloganModel } from '../../../src/extract/slogans/index.js';
import { foldWidth } from '../../../src/text/chars.js';
import { DictFolder } from '../../../src/dicts.js';

/** The package's slogan tables and classifier. */
const model = new SloganModel(loadSloganKnowledge(new DictFolder()));

function checkInvariants(text: string): void {
  const ms = extractSlogans(text, model);
  let last = 0;
  for (const m of ms) {
    expect(m.s).toBeGreaterThanOrEqual(last);
    expect(m.e).toBeGreaterThan(m.s);
    expect(m.e).toBeLessThanOrEqual(text.length);
    expect(/\s/.test(m.canonical)).toBe(false);
    last = m.e;
  }
}

describe('bad input', () => {
  it.each<[string, string]>([
    ['empty', ''],
    ['whitespace', ' \n\t\u3000 '],
    ['only quotes', '“”“”‘’""'],
    ['unbalanced quotes', '”微改革“'],
    ['lone surrogate', '\ud800推行“河长制”\udc00'],
    ['emoji', '🎉“一带一路”🎉'],
    ['symbols', '+++···5+·+N+'],
    ['numerals only', '一二三四五六七八九十百千万'.repeat(20)],
    ['very long', '推行“河长制”，发展5+5+7产业，实施五大工程。'.repeat(3000)],
    ['control characters', '\u0000\u0001“放管服”\u0007'],
  ])('%s', (_name, text) => {
    expect(() => extractSlogans(text, model)).not.toThrow();
    checkInvariants(text);
  });

  it('tolerates a non-string at run time', () => {
    expect(extractSlogans(null as unknown as string, model)).toEqual([]);
    expect(extractSlogans(undefined as unknown as string, model)).toEqual([]);
  });
});

describe('the founding page', () => {
  it('yields the slogans listed in its notes', () => {
    const raw = readFileSync(new URL('../../../fixtures/pages/qingdao-west-coast-2022-08.txt', import.meta.url), 'utf8');
    const text = foldWidth(raw);
    // Policy terms written without quotation marks (kind term) are not among the page's annotated slogans.
    const got = extractSlogans(text, model).filter((m) => m.kind !== 'term').map((m) => `${m.kind}:${m.canonical}`).sort();
    expect(got).toEqual([
      'code:一四四六',
      'coined:一家亲', 'coined:微改革', 'coined:微改革', 'coined:标准地', 'coined:汽车出口绿色通道',
      'coined:策划带动，规划引领', 'coined:红色引擎', 'coined:要素跟着项目走', 'coined:西海岸经验',
      'coined:链主', 'coined:随到随检，随检随放',
      'formula:5+5+7', 'formula:5+5+7', 'formula:5+5+7',
      'numbered:一项目一策', 'numbered:五个振兴', 'numbered:五位一体', 'numbered:五大工程', 'numbered:十大创新',
    ].sort());
  });
});
