// JiebaSegmenter.tag = nodejieba.cut + cppjieba's tag lookup, which must give exactly nodejieba.tag's words
// and tags (it exists only because tag() is slow across the native boundary).
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { CUT_WINDOW, JiebaSegmenter, lookupTag } from '../../src/segment/jieba.js';

const require = createRequire(import.meta.url);
const jieba = new JiebaSegmenter({ hmm: true });
jieba.tag('预热'); // loads zhnews's dictionaries into the process-wide nodejieba
const nodejieba = require('nodejieba') as { tag(s: string): { word: string; tag: string }[] };

describe('JiebaSegmenter.tag', () => {
  it.each([
    '青岛西海岸新区今年上半年出口商用车28500余辆，同比增长13.5%。',
    '记者从市商务局获悉，iPhone 15 Pro和华为Mate60在当地热销，GDP增长5.2%。',
    '拉姆斯菲尔德与普京在莫斯科会谈，双方签署了3项协议。',
    'ABC公司的CEO说：“我们在2023年投资了5000万美元。”',
    '５月１１日，Ｗｉ－Ｆｉ信号覆盖全区。',
  ])('gives nodejieba.tag’s words and tags: %s', (text) => {
    const ours = jieba.tag(text).map((w) => [w.word, w.pos]);
    expect(ours).toEqual(nodejieba.tag(text).map((w) => [w.word, w.tag]));
  });
});

describe('lookupTag (cppjieba PosTagger rules)', () => {
  const none = new Map<string, string>();
  it.each([
    ['经济', new Map([['经济', 'n']]), 'n'],
    ['马斯克', none, 'x'], // no ASCII at all
    ['2023', none, 'm'], // its ASCII characters are all digits
    ['iPhone', none, 'eng'],
    ['5', none, 'x'], // a one-character word: cppjieba's loop stops before it looks (size / 2 = 0)
    ['G20峰会', none, 'eng'], // the loop ends once half the word is seen to be ASCII: G, 2 -> a letter among them
    ['20G网络', none, 'm'], // 2, 0 seen, all digits: the G is never looked at
  ])('%s -> %s', (word, table, tag) => {
    expect(lookupTag(word, table)).toBe(tag);
  });

  it('a word added with addWords keeps the tag it was added with', () => {
    const seg = new JiebaSegmenter({ hmm: true });
    seg.addWords([{ word: '翡翠之光地块', pos: 'ns' }]);
    expect(seg.tag('翡翠之光地块开工').map((w) => `${w.word}/${w.pos}`)).toContain('翡翠之光地块/ns');
  });
});

describe("zhnews's dictionary tags (npm run build:dicts)", () => {
  // Words only the SIGHAN vocabularies know carry no POS: x, as jieba tags what its HMM finds (the
  // entity tagger learnt that over jieba's own dictionary), except numbers and dates read off the word.
  it.each([
    ['谭元寿', 'x'],
    ['孙富民', 'x'],
    ['一九九八年三月', 't'],
    ['一万五千六百', 'm'],
    ['经济', 'n'], // jieba's own words keep their tags
  ])('%s -> %s', (word, tag) => {
    expect(lookupTag(word)).toBe(tag);
  });
});

describe('a passage longer than one cut window (CUT_WINDOW)', () => {
  it("is cut at jieba's own separators: the same words and tags as one nodejieba.tag call", () => {
    const text = '青岛西海岸新区今年上半年出口商用车28500余辆，同比增长13.5%。新区坚持实业立区、制造强区 推进城市更新\n'.repeat(700);
    expect(text.length).toBeGreaterThan(2 * CUT_WINDOW);
    const ours = jieba.tag(text);
    expect(ours.map((w) => `${w.word}/${w.pos}`)).toEqual(nodejieba.tag(text).map((w) => `${w.word}/${w.tag}`));
    ours.forEach((w, i) => expect(w.s).toBe(i === 0 ? 0 : ours[i - 1]!.e));
    expect(ours.every((w) => text.slice(w.s, w.e) === w.word)).toBe(true);
  });

  it('with no separator at all is cut hard, and the tokens still tile the text', () => {
    const text = '中华人民共和国'.repeat(5000);
    const ours = jieba.tag(text);
    expect(ours.map((w) => w.word).join('')).toBe(text);
    ours.forEach((w, i) => expect(w.s).toBe(i === 0 ? 0 : ours[i - 1]!.e));
  });
});
