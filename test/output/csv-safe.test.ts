import { describe, expect, it } from 'vitest';
import { looksLikeFormula, neutralizeCell } from '../../src/output/csv-safe.js';

// OWASP CSV Injection: a cell that starts with = + - @ (or tab / CR) runs as a formula; spreadsheets
// skip invisible leading characters and some fold full-width forms before they decide.
describe('formula guard', () => {
  it.each([
    ['=HYPERLINK("http://evil.example","点击查看")', '\'=HYPERLINK("http://evil.example","点击查看")'],
    ['+1+cmd|\' /C calc\'!A0', '\'+1+cmd|\' /C calc\'!A0'],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'=1+1"],
    ['\r=1+1', "'=1+1"],
    ['\u0000=HYPERLINK("http://evil.example")', '\'=HYPERLINK("http://evil.example")'],
    ['\n=1+1', "'=1+1"],
    ['  =1+1', "'=1+1"],
    ['\uFEFF=1+1', "'=1+1"],
    ['\u200B=1+1', "'=1+1"],
    ['\u3000@SUM(A1)', "'@SUM(A1)"],
    ['＝1+1', "'＝1+1"],
    ['＋86 10 1234', "'＋86 10 1234"],
    ['－5', "'－5"],
    ['＠某人', "'＠某人"],
    ['-3℃', "'-3℃"],
  ])('neutralises %j', (cell, safe) => {
    expect(looksLikeFormula(cell)).toBe(true);
    expect(neutralizeCell(cell)).toBe(safe);
  });

  it.each([
    ['黄岛口岸共出口商用车28500余辆'],
    ['5+5+7'],
    ['电子邮件 a@b.cn'],
    [' 本报讯'],
    [''],
  ])('leaves text that cannot start a formula: %j', (cell) => {
    expect(looksLikeFormula(cell)).toBe(false);
    expect(neutralizeCell(cell)).toBe(cell);
  });

  it.each([[-3], [2.5], [0], [null], [true]])('never touches a number or other non-text cell: %j', (cell) => {
    expect(neutralizeCell(cell)).toBe(cell);
  });

  it.each([['-3'], ['+2.5'], ['-1e6'], ['--05-08'], ['2024-03'], ['2024-03-05'], ['2022-01/2022-07'], ['--08']])(
    'leaves a plain number or an ISO date written as text: %j',
    (cell) => {
      expect(neutralizeCell(cell)).toBe(cell);
    },
  );
});

describe('formula guard: a leading NUL (ASVS 1.2.10)', () => {
  it('is guarded whatever follows, and dropped', () => {
    expect(neutralizeCell('\u0000青岛')).toBe("'青岛");
  });
});
