// Keywords: jieba's IDF table, and TF-IDF over zhnews's tokens.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IdfTable, idfFingerprint, loadIdf, parseIdf, topKeywords } from '../../src/keywords/tfidf.js';
import { jiebaIdfPath } from '../../src/segment/jieba.js';
import { decodeBundle, encodeBundle, readBundle, writeBundle } from '../../src/prepared.js';
import { PACKAGE_ROOT } from '../../src/paths.js';

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

describe('the IDF table prepared by the build', () => {
  const bytes = readFileSync(jiebaIdfPath());
  const built = new IdfTable(bytes);
  const lines = bytes.toString('utf8').split('\n').filter((l) => l.includes(' '));

  it('answers exactly as the table built from the file, for listed and unlisted words', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-idf-'));
    const path = join(dir, 'idf.tables');
    writeBundle(path, built.parts(), idfFingerprint(bytes));
    const back = readBundle(path, idfFingerprint(bytes), (b) => new IdfTable(bytes, b))!;
    expect(back).not.toBeNull();
    expect(back.size).toBe(built.size);
    expect(back.unknown).toBe(built.unknown);
    for (const line of lines.filter((_, i) => i % 211 === 0)) {
      const word = line.slice(0, line.lastIndexOf(' '));
      expect(back.get(word), word).toBe(built.get(word));
    }
    for (const word of ['城市更新行动方案', '微改革', '', '西海岸新区管委']) expect(back.get(word)).toBe(built.get(word));
  });

  it('is not used for another IDF file, and a table of another layout is refused', () => {
    const other = Buffer.concat([bytes, Buffer.from('微改革 13.2\n')]);
    const file = encodeBundle(built.parts(), idfFingerprint(bytes));
    expect(decodeBundle(file, idfFingerprint(other))).toBeNull();
    const small = parseIdf('经济 3.57\n城市更新 9.5\n');
    // The small table's arrays with the big file's bytes: sizes disagree with the numbers it carries.
    const mixed = encodeBundle({ ...small.parts(), numbers: { size: built.size, unknown: 1 } }, 'p');
    expect(() => new IdfTable(bytes, decodeBundle(mixed, 'p')!)).toThrow(RangeError);
  });

  it('the built CLI reads the index `npm run build` wrote', () => {
    const script =
      `const t = await import(${JSON.stringify(join(PACKAGE_ROOT, 'dist', 'keywords', 'tfidf.js'))});` +
      `const fs = await import('node:fs');` +
      `const bytes = fs.readFileSync(${JSON.stringify(jiebaIdfPath())});` +
      `const p = await import(${JSON.stringify(join(PACKAGE_ROOT, 'dist', 'prepared.js'))});` +
      `console.log(p.readBundle(t.PREPARED_IDF_PATH, t.idfFingerprint(bytes), (b) => new t.IdfTable(bytes, b))?.size);`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(Number(r.stdout.trim())).toBe(built.size);
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
    expect(topKeywords(tokens, table, new Set(), 5)).toEqual([
      { word: '城市更新', weight: 3.1667 },
      { word: '项目', weight: 2.6667 },
    ]);
    // A stop word is not counted at all: 城市更新 is then the only content word, 1/1 x 9.5.
    expect(topKeywords(tokens, table, new Set(['项目']), 5)).toEqual([{ word: '城市更新', weight: 9.5 }]);
  });
});
