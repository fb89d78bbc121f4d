// Story layout: the shapes single-story files come in, each written for this test (invented news).

import { describe, expect, it } from 'vitest';
import { layoutStory } from '../../src/layout/story.js';
import { layoutRunningText } from '../../src/layout/running-text.js';
import { coverage } from '../../src/layout/coverage.js';
import type { LayoutResult } from '../../src/layout/types.js';
import { loadLayoutCues } from '../../src/layout/cues.js';
import { DictFolder } from '../../src/dicts.js';

/** The layout cues of the package's dicts/. */
const CUES = loadLayoutCues(new DictFolder());

/** The invariants every layout result keeps: nothing lost, nothing twice, paragraphs inside their article. */
function expectAccounted(raw: string, r: LayoutResult): void {
  expect(coverage(raw, r)).toEqual({ unassigned: 0, overlaps: 0 });
  const cps = [...raw];
  for (const p of r.passages) {
    if (p.kind !== 'paragraph' || p.map.length === 0) continue;
    const a = r.articles[p.article];
    expect(a, `paragraph "${p.text.slice(0, 10)}" has an article`).toBeDefined();
    expect(p.map[0]!).toBeGreaterThanOrEqual(a!.start);
    expect(p.map[p.map.length - 1]!).toBeLessThan(a!.end);
  }
  // The span's text is the source of the article: its first and last passages lie at its ends.
  for (const a of r.articles) expect(cps.slice(a.start, a.end).join('').trim().length).toBe(a.end - a.start);
}

const WIRE = [
  '沿海港口集装箱吞吐量同比增长一成',
  '',
  '新华社青岛4月2日电（记者 林海燕 周启明）记者从市港航管理部门获悉，一季度沿海港口完成集装箱吞吐量780万标准箱，同比增长10.2%。',
  '港航部门表示，新开通的三条远洋航线带动了外贸箱量增长。',
  '',
].join('\n');

const WEB = [
  '老旧小区加装电梯今年完成三百部',
  '来源：海滨日报　2024-04-02 09:30',
  '　　记者从市住建局了解到，今年全市计划为老旧小区加装电梯300部，目前已有120部开工。',
  '　　市住建局有关负责人说，加装电梯实行“一梯一策”，居民协商一致后即可申请补贴。（记者 许文静）',
  '[责任编辑：高明]',
  '',
].join('\n');

const LOCAL = [
  '社区食堂开到家门口',
  '——城区推进养老服务提质扩面',
  '□本报记者 赵雪松 通讯员 韩梅',
  '　　本报4月2日讯　城区第十二家社区长者食堂昨天开业，六十岁以上老人就餐可享八折优惠。',
  '　　据介绍，城区今年将新建长者食堂十家，实现街道全覆盖。',
].join('\n');

const BROADCAST = [
  '【春耕时节农机手忙播种】',
  '　　央视网消息（朝闻天下）：连日来，东北地区气温回升，各地农机手抢抓农时开展播种作业。',
  '　　黑龙江今年计划投入大型农机具三万余台套，保障春播顺利进行。',
].join('\n');

const TWO_LINE = [
  '夜间经济点亮',
  '滨海老街烟火气',
  '',
  '　　入夜，滨海老街游人如织，新开的二十余家特色小吃店排起长队。',
  '　　街道负责人表示，老街夜间客流较去年同期增长三成。',
  '（文/钱晓帆）',
  '编辑：孙立',
].join('\n');

describe('layoutStory: the shapes of single-story files', () => {
  it('wire copy: headline, blank line, dateline with its bracketed byline', () => {
    const r = layoutStory(WIRE, CUES);
    expect(r.articles).toHaveLength(1);
    const a = r.articles[0]!;
    expect(a.title).toBe('沿海港口集装箱吞吐量同比增长一成');
    expect(a.dateline).toBe('4月2日');
    expect(a.reporters).toEqual(['林海燕', '周启明']);
    expect(a.paragraphs).toHaveLength(2);
    expect(a.paragraphs[0]).toMatch(/^新华社青岛4月2日电（记者 林海燕 周启明）记者从/u);
    expect(a.start).toBe(0);
    expectAccounted(WIRE, r);
  });

  it('a web page saved as text: source line and editor line are furniture, the closing byline no paragraph text', () => {
    const r = layoutStory(WEB, CUES);
    const a = r.articles[0]!;
    expect(a.title).toBe('老旧小区加装电梯今年完成三百部');
    expect(a.reporters).toEqual(['许文静']);
    expect(a.paragraphs).toHaveLength(2);
    expect(a.paragraphs[1]).toMatch(/即可申请补贴。$/u);
    // The editor is no reporter, and no paragraph.
    expect(a.paragraphs.join('')).not.toMatch(/责任编辑|来源/u);
    expect(r.furniture).toHaveLength(2);
    // The span runs from the headline to the closing byline, not over the editor line.
    expect([...WEB].slice(a.end - 1, a.end).join('')).toBe('）');
    expectAccounted(WEB, r);
  });

  it('a local-paper story: subtitle, □byline, dated dateline', () => {
    const r = layoutStory(LOCAL, CUES);
    const a = r.articles[0]!;
    expect(a.title).toBe('社区食堂开到家门口');
    expect(a.subtitle).toBe('城区推进养老服务提质扩面');
    expect(a.reporters).toEqual(['赵雪松']);
    expect(a.correspondents).toEqual(['韩梅']);
    expect(a.dateline).toBe('4月2日');
    expect(a.paragraphs[0]).toMatch(/^本报4月2日讯/u);
    expectAccounted(LOCAL, r);
  });

  it('a broadcast item: the 【headline】 is what the brackets hold', () => {
    const r = layoutStory(BROADCAST, CUES);
    const a = r.articles[0]!;
    expect(a.title).toBe('春耕时节农机手忙播种');
    expect(a.paragraphs).toHaveLength(2);
    expect(a.reporters).toEqual([]);
    expectAccounted(BROADCAST, r);
  });

  it('a two-line headline is joined; 文/ names no reporter; 编辑： is furniture', () => {
    const r = layoutStory(TWO_LINE, CUES);
    const a = r.articles[0]!;
    expect(a.title).toBe('夜间经济点亮滨海老街烟火气');
    expect(a.reporters).toEqual([]);
    expect(a.paragraphs).toHaveLength(2);
    expect(r.passages.filter((p) => p.kind === 'byline').map((p) => p.text)).toEqual(['（文/钱晓帆）']);
    expectAccounted(TWO_LINE, r);
  });

  it('a body without a headline keeps every line as a paragraph', () => {
    const raw = '　　今年以来，全市新增城镇就业五万人。\n　　就业形势保持总体稳定。\n（记者 孟凡）';
    const r = layoutStory(raw, CUES);
    expect(r.articles[0]!.title).toBeNull();
    expect(r.articles[0]!.paragraphs).toEqual(['今年以来，全市新增城镇就业五万人。', '就业形势保持总体稳定。']);
    expect(r.articles[0]!.reporters).toEqual(['孟凡']);
    expectAccounted(raw, r);
  });
});

describe('layoutStory: running text stays running text', () => {
  it.each([
    '今年以来，全市经济运行稳中有进。\n全年新增就业5万人。',
    '一行没有句号的文字',
    '第一行\n第二行',
    '全市新增就业岗位\n第二段也没有标点\n第三段同样没有',
    '　　今年以来，全市经济运行稳中有进。',
  ])('%s', (raw) => {
    expect(layoutStory(raw, CUES)).toEqual(layoutRunningText(raw, CUES));
  });

  it('three headline-like lines before the body are no headline', () => {
    const raw = '春天来了\n花开了\n草绿了\n　　公园里游人渐多，赏花的市民络绎不绝。';
    const r = layoutStory(raw, CUES);
    expect(r.articles[0]!.title).toBeNull();
    expect(r.articles[0]!.paragraphs).toHaveLength(4);
  });

  it.each(['', '   \n\n', '\u3000'])('empty input %j gives no article and does not throw', (raw) => {
    expect(layoutStory(raw, CUES)).toEqual({ articles: [], passages: [] });
  });

  it('a Traditional story is read through a Simplified copy; names keep their characters', () => {
    const raw = '港口貨運量創新高\n\n新華社香港4月2日電（記者 陳嘉儀）香港港口上月貨運量按年增長百分之八。';
    const r = layoutStory(raw, CUES);
    expect(r.articles[0]!.title).toBe('港口貨運量創新高');
    expect(r.articles[0]!.reporters).toEqual(['陳嘉儀']);
    expect(r.articles[0]!.dateline).toBe('4月2日');
    expectAccounted(raw, r);
  });
});
