// Keywords: jieba's IDF table, and TF-IDF over zhnews's tokens.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadIdf, parseIdf, topKeywords } from '../../src/keywords/tfidf.js';
import { jiebaIdfPath } from '../../src/segment/jieba.js';

describe('parseIdf', () => {
  const table = parseIdf(['经济 3.57', '城市更新 9.5', '微改革 13.2', '经济 4.0', '坏行', '开门红 10.25', ''].join('\n'));

  it('finds every word, the later line winning for a word listed twice', () => {
    expect(table.get('城市更新')).toBe(9.5);
    expect(table.get('微改革')).toBe(13.2);
    expect(table.get('经济')).toBe(4.0);
    expect(table.size).toBe(4);
  });

  it('answers undefined for a word not listed, a prefix of a word, or a longer word', () => {
    expect(table.get('城市')).toBeUndefined();
    expect(table.get('城市更新行动')).toBeUndefined();
    expect(table.get('坏行')).toBeUndefined(); // a line without a value
    expect(table.get('')).toBeUndefined();
  });

  it('takes the median value for unknown words, as jieba does', () => {
    // the table's values (经济 once, at 4.0): 4.0 9.5 10.25 13.2 -> the upper middle one, as jieba's
    // sort-and-take-size/2 does
    expect(table.unknown).toBe(10.25);
  });

  it('reads every value as Number() would, odd forms and CRLF line ends included', () => {
    const values = ['9.5', '13.900677652', '7', '.25', '12.', '1e1', '+3.5', ' 4.5', '0.1000000000000000055511', '12345678901234567', ''];
    const t = parseIdf(values.map((v, i) => `词${i} ${v}\r`).join('\n') + '\n坏值 1.2.3\n');
    values.forEach((v, i) => expect(t.get(`词${i}`), v).toBe(Number(v)));
    expect(t.get('坏值')).toBeUndefined(); // NaN: not listed, as before
    expect(t.size).toBe(values.length);
  });

  it('reads jieba\'s own table exactly (every line, as Number() reads it)', () => {
    const text = readFileSync(jiebaIdfPath(), 'utf8');
    const t = loadIdf(jiebaIdfPath());
    const lines = text.split('\n').filter((l) => l.includes(' '));
    expect(t.size).toBe(lines.length);
    for (const line of lines.filter((_, i) => i % 97 === 0)) {
      const sp = line.lastIndexOf(' ');
      expect(t.get(line.slice(0, sp))).toBe(Number(line.slice(sp + 1)));
    }
  });
});

describe('topKeywords', () => {
  const table = parseIdf('城市更新 9.5\n经济 3.0\n项目 4.0\n');
  it('weights content words by frequency x IDF, skipping function words, numbers and single characters', () => {
    const tokens = [
      { word: '城市更新', pos: 'n' },
      { word: '项目', pos: 'n' },
      { word: '项目', pos: 'n' },
      { word: '的', pos: 'uj' },
      { word: '推进', pos: 'v' }, // a verb: not a topic word
      { word: '2023', pos: 'm' },
      { word: '区', pos: 'n' },
    ];
    // content words: 城市更新, 项目, 项目 -> 城市更新 1/3 x 9.5 = 3.1667, 项目 2/3 x 4.0 = 2.6667
    expect(topKeywords(tokens, table, 5)).toEqual([
      { word: '城市更新', weight: 3.1667 },
      { word: '项目', weight: 2.6667 },
    ]);
  });
});
