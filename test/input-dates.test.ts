// A document's date from its input record (--date-field): the shapes crawler exports use.

import { describe, expect, it } from 'vitest';
import { documentDate } from '../src/input/document-date.js';

describe('documentDate', () => {
  it.each<[unknown, string]>([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5 08:30', '2024-03-05'],
    ['2024.03.05', '2024-03-05'],
    // the date as written: a late evening in UTC stays that day
    ['2024-03-05T23:30:00Z', '2024-03-05'],
    ['2024-03-05T08:30:00+08:00', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['2024年3月5日 08:30', '2024-03-05'],
    ['2024年3月5日08时', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['  2024-03-05 ', '2024-03-05'],
    ['2024年3月', '2024-03'],
    ['2024-03', '2024-03'],
    ['2024年', '2024'],
    ['2024', '2024'],
    [2024, '2024'],
    // Unix time, seconds or milliseconds, read in China Standard Time: 2024-03-05 00:30 UTC is 08:30 there
    [1709598600, '2024-03-05'],
    ['1709598600', '2024-03-05'],
    [1709598600000, '2024-03-05'],
    // 2024-03-04 20:00 UTC is already the 5th in Beijing
    [1709582400, '2024-03-05'],
    ['2024-02-29', '2024-02-29'],
  ])('%j -> %s', (value, iso) => {
    expect(documentDate(value)).toBe(iso);
  });

  it.each<unknown>(['2023-02-29', '2024-02-30', '2024-13-01', '2024-00-10', '昨天', '', 'Mar 5, 2024', '202403051', 12, 99999999999999, null, undefined, {}, ['2024-03-05']])(
    '%j is no date',
    (value) => {
      expect(documentDate(value)).toBeNull();
    },
  );
});
