// A passage longer than the window is analysed window by window (Pipeline.analyzeWindowed): its record
// must be the one the whole passage gives. The line below is news written for this test, joined without
// line breaks as a scraper that drops them would: quotations spanning sentences, a sentence end before
// a closing quote, people introduced with their titles and named bare later, figures, policy slogans,
// an astral character.

import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, Pipeline } from '../src/pipeline.js';
import { JiebaSegmenter } from '../src/segment/jieba.js';
import type { Segmenter } from '../src/segment/segmenter.js';
import { seededRandom } from '../src/tools/bench-scaling.js';

const PARAGRAPHS = [
  '本报讯（记者 程晓燕）11月3日，临沂市河东区召开乡村振兴工作推进会。区委书记邵光明在会上说：“今年是攻坚之年。各镇街要把责任扛在肩上。”',
  '邵光明指出，全区已建成高标准农田4.6万亩，粮食总产量达到38.2万吨，同比增长3.1%。',
  '据介绍，河东区农业农村局联合区财政局安排专项资金2800万元，重点支持冷链物流和农产品深加工项目。',
  '“我们合作社去年的收入翻了一番。”九曲街道果农代表孙秀英告诉记者，“明年还要再扩大种植面积。”',
  '会议要求，坚持“绿水青山就是金山银山”理念，持续推进农村人居环境整治，确保2025年底前完成改厕任务。',
  '山东省农业科学院与临沂大学共建的现代农业研究中心当天揭牌，首批入驻科研人员56名。',
  '区长蒋维东表示，下一步将围绕“一村一品”发展特色产业，力争三年内培育年销售额过亿元的龙头企业10家。',
  '蒋维东还提到，全区农村居民人均可支配收入预计达到2.15万元，高于全省平均水平。',
  '会上，汤头街道、郑旺镇等5个单位作了交流发言。郑旺镇党委书记刘德海说，镇里新建的𠮷祥物流园已吸纳就业420人。',
  '据了解，今年以来河东区累计发放创业担保贷款1.36亿元，帮扶返乡创业人员730余人。',
  '临沂市人民政府办公室有关负责人表示，将及时总结推广河东区的经验做法。',
  '孙秀英说：“现在网上订单多了。快递车每天到村口来收货。”她家的蜜桃每斤能卖到12元。',
];

/** About `chars` characters of the paragraphs above in a seeded order, one line, the first one first. */
function newsLine(chars: number): string {
  const rand = seededRandom(7);
  let line = PARAGRAPHS[0]!;
  while (line.length < chars) line += PARAGRAPHS[Math.floor(rand() * PARAGRAPHS.length)]!;
  return line;
}

/** jieba, noting the longest text it was given. */
function watchedJieba(): Segmenter & { longest: number } {
  const jieba = new JiebaSegmenter({ hmm: true });
  const watched = {
    longest: 0,
    tag(text: string) {
      watched.longest = Math.max(watched.longest, text.length);
      return jieba.tag(text);
    },
    addWords: (words: Iterable<{ word: string; pos: string }>) => jieba.addWords(words),
  };
  return watched;
}

describe('a long passage analysed window by window', () => {
  const line = newsLine(30_000);
  const options = { ...DEFAULT_OPTIONS, tokens: true };

  it('gives the record of the whole passage', () => {
    const whole = watchedJieba();
    const expected = new Pipeline({ ...options, windowChars: 0 }, { segmenter: whole }).analyze('line', line);
    expect(whole.longest).toBe(line.length);
    // A window below the tagger's own (8192 units) counts as one just above it: three or four windows.
    const windowed = watchedJieba();
    const got = new Pipeline({ ...options, windowChars: 1 }, { segmenter: windowed }).analyze('line', line);
    expect(windowed.longest).toBeLessThan(20_000);
    expect(got).toEqual(expected);
    // What the line holds is found (checked by hand on the paragraphs), so the comparison means something.
    const names = new Set(got.entities.map((e) => `${e.type}:${e.text}`));
    for (const n of ['PER:邵光明', 'PER:孙秀英', 'PER:蒋维东', 'LOC:河东区', 'ORG:临沂大学']) expect(names).toContain(n);
    expect(got.figures.some((f) => f.text === '2800万元' && f.value === 28_000_000)).toBe(true);
    expect(got.slogans.some((s) => s.text.includes('绿水青山就是金山银山'))).toBe(true);
    expect(got.keywords.length).toBe(10);
  });

  it('gives the same record with stages disabled', () => {
    const off = { ...options, disable: ['segment', 'keywords'] as const };
    const expected = new Pipeline({ ...off, disable: [...off.disable], windowChars: 0 }).analyze('line', line);
    const got = new Pipeline({ ...off, disable: [...off.disable], windowChars: 1 }).analyze('line', line);
    expect(got).toEqual(expected);
    expect(got.entities.length).toBeGreaterThan(0);
  });

  it('leaves short documents in one piece', () => {
    const short = watchedJieba();
    new Pipeline({ ...options, windowChars: 1 }, { segmenter: short }).analyze('short', PARAGRAPHS.join(''));
    expect(short.longest).toBe(PARAGRAPHS.join('').length);
  });
});
