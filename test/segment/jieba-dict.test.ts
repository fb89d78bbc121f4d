import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EXTRACTOR_STUB, JiebaSegmenter, loadedDictionaries, NEWS_DICT, NEWS_USER_DICT } from '../../src/segment/jieba.js';
import { dictPath } from '../../src/paths.js';

const jieba = new JiebaSegmenter({ hmm: true });
const cut = (text: string) => jieba.tag(text).map((w) => w.word);

describe("zhnews's jieba dictionaries (dicts/seg-news.*)", () => {
  it('are what jieba loaded', () => {
    expect(loadedDictionaries()).toEqual({ dict: dictPath(NEWS_DICT), userDict: dictPath(NEWS_USER_DICT) });
  });

  it.each([NEWS_DICT, NEWS_USER_DICT])('%s has exactly `word freq tag` on every line (cppjieba aborts otherwise)', (name) => {
    const lines = readFileSync(dictPath(name), 'utf8').split('\n');
    expect(lines.pop()).toBe('');
    const bad = lines.filter((l) => !/^[^\s]+ [1-9]\d* [A-Za-z]+$/.test(l));
    expect(bad.slice(0, 5)).toEqual([]);
    expect(lines.length).toBeGreaterThan(name === NEWS_DICT ? 50000 : 100);
  });

  it('gives jieba a one-line IDF / stop-word stand-in that cppjieba parses without complaint', () => {
    // Any line but `word idf` makes cppjieba log an error to stderr (and an empty file fails an assert).
    expect(readFileSync(dictPath(EXTRACTOR_STUB), 'utf8')).toMatch(/^[^\s]+ \d+(\.\d+)?\n$/);
    expect(readFileSync(dictPath('seg-news.README'), 'utf8')).toContain(EXTRACTOR_STUB);
  });

  it('has its header in a sidecar README that names the command', () => {
    const readme = readFileSync(dictPath('seg-news.README'), 'utf8');
    expect(readme).toMatch(/npm run build:dicts/);
    expect(readme).toMatch(/build-seg-dict/);
    expect(existsSync(dictPath(NEWS_DICT))).toBe(true);
  });

  it.each([
    // a compound jieba's own dictionary joins, both standards split
    ['国有企业改革取得进展', ['国有', '企业']],
    // training-vocabulary words jieba lacks
    ['他们在沿街摆摊', ['沿街']],
    // a character the HMM may not glue to a neighbour: 是 stays alone
    ['这是一个好消息', ['这', '是']],
    // modern news words (seg-modern-words.tsv) the 1998-2005 sources lack, which jieba alone split
    ['直播间里的预制菜卖得很火，电商平台也开始带货', ['直播间', '预制菜', '电商', '带货']],
    ['城中村改造和充电桩建设纳入专项债支持范围', ['城中村', '充电桩', '专项债']],
  ])('%s -> contains %j', (text, expected) => {
    const words = cut(text);
    for (const w of expected) expect(words).toContain(w);
  });

  it('still joins an unknown name with the HMM, and only with it', () => {
    expect(cut('逯鹰出席会议')).toContain('逯鹰');
    expect(new JiebaSegmenter({ hmm: false }).tag('逯鹰出席会议').map((w) => w.word)).toEqual(['逯', '鹰', '出席', '会议']);
  });
});
