// Nothing is lost: over random compositions of the shapes news files come in (headlines, 【headlines】,
// subtitles, bylines, datelines, closing bylines, source / editor / masthead / share lines, body
// paragraphs whole or hard-wrapped, blank lines), every non-whitespace character ends up in exactly one
// passage or furniture range, and every body passage lies inside the span of its article. The texts are
// generated here from pieces written for this test, with a seeded generator (the same cases every run).

import { describe, expect, it } from 'vitest';
import { layoutStory } from '../../src/layout/story.js';
import { layoutPage } from '../../src/layout/page.js';
import { layoutRunningText } from '../../src/layout/running-text.js';
import { coverage } from '../../src/layout/coverage.js';
import type { LayoutResult } from '../../src/layout/types.js';
import { loadLayoutCues } from '../../src/layout/cues.js';
import { mulberry32 } from '../../src/text/random.js';
import { DictFolder } from '../../src/dicts.js';

/** The layout cues of the package's dicts/. */
const CUES = loadLayoutCues(new DictFolder());

/** A seeded generator, so a failing case can be replayed from its seed. */
const rng = mulberry32;

const HEADLINES = ['城区新建五座口袋公园', '跨海大桥主体结构完工', '春季招聘会提供岗位两万个', '老街改造留住城市记忆', '还能这样？无人机送快递进社区'];
const SENTENCES = [
  '今年以来，城区新建口袋公园五座，新增绿地面积三万平方米。',
  '项目建成后，将有效缓解早晚高峰的交通压力。',
  '“我们每周都来这里锻炼。”家住附近的居民王阿姨说。',
  '据统计，一季度全市实现地区生产总值1250.6亿元，同比增长6.1%。',
  '下一步，有关部门将加大督查力度，确保各项措施落到实处。',
  'The report, released on Monday, covers 12 cities.',
];
const FURNITURE = ['来源：海滨日报　2024-04-02 09:30', '[责任编辑：高明]', '责任编辑：孙立', '2024年3月12日星期二海滨日报3', '分享到：微信 微博', '发布时间：2024-04-02 10:15　　来源：海滨网　　字号：大 中 小', '（完）'];
const BYLINES = ['□本报记者 赵雪松', '（记者 许文静）', '□记者 林海 通讯员 韩梅', '（文/钱晓帆）'];
const DATELINES = ['新华社北京3月5日电（记者 王强）', '本报讯（记者 周敏 通讯员 李佳）', '本报4月2日讯　', '央视网消息（朝闻天下）：', ''];
const INDENTS = ['', '　　', '  '];

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function paragraph(r: () => number, lead = ''): string {
  const n = 1 + Math.floor(r() * 3);
  let s = lead;
  for (let k = 0; k < n; k++) s += pick(r, SENTENCES);
  return s;
}

/** A paragraph hard-wrapped at a column width, as a PDF page prints it. */
function wrapped(r: () => number, text: string): string[] {
  const w = 12 + Math.floor(r() * 6);
  const cs = [...text];
  const out: string[] = [];
  for (let k = 0; k < cs.length; k += w) out.push(cs.slice(k, k + w).join(''));
  out[0] = '　　' + out[0];
  return out;
}

/** One story in one of the shapes; `columns`: hard-wrapped lines as on a page. */
function story(r: () => number, columns: boolean): string[] {
  const lines: string[] = [];
  const shape = r();
  if (shape < 0.2) lines.push(`【${pick(r, HEADLINES)}】`);
  else if (shape < 0.8) {
    lines.push(pick(r, HEADLINES));
    if (r() < 0.3) lines.push(pick(r, HEADLINES).slice(0, 6));
  }
  if (r() < 0.3) lines.push(`——${pick(r, HEADLINES)}`);
  if (r() < 0.3) lines.push(pick(r, BYLINES));
  if (r() < 0.4) lines.push(pick(r, FURNITURE));
  if (r() < 0.5) lines.push('');
  const n = 1 + Math.floor(r() * 4);
  for (let k = 0; k < n; k++) {
    let text = paragraph(r, k === 0 ? pick(r, DATELINES) : '');
    if (k === n - 1 && r() < 0.3) text += pick(r, ['（记者 许文静）', '（记者 林海 周启明）']);
    if (columns) lines.push(...wrapped(r, text));
    else lines.push(pick(r, INDENTS) + text);
    if (r() < 0.3) lines.push('');
  }
  if (r() < 0.3) lines.push(pick(r, BYLINES));
  if (r() < 0.5) lines.push(pick(r, FURNITURE));
  return lines;
}

function expectAccounted(raw: string, res: LayoutResult, seed: number): void {
  expect(coverage(raw, res), `seed ${seed}: ${JSON.stringify(raw.slice(0, 80))}`).toEqual({ unassigned: 0, overlaps: 0 });
  for (const p of res.passages) {
    if (p.kind !== 'paragraph' || p.map.length === 0) continue;
    const a = res.articles[p.article];
    expect(a, `seed ${seed}: paragraph without article`).toBeDefined();
    expect(p.map[0]!, `seed ${seed}`).toBeGreaterThanOrEqual(a!.start);
    expect(p.map[p.map.length - 1]!, `seed ${seed}`).toBeLessThan(a!.end);
  }
}

const SEEDS = Array.from({ length: 150 }, (_, k) => k + 1);

describe('every character is in exactly one passage or furniture range', () => {
  it('single-story files (story layout)', () => {
    for (const seed of SEEDS) {
      const r = rng(seed);
      const raw = story(r, false).join(r() < 0.5 ? '\n' : '\r\n');
      expectAccounted(raw, layoutStory(raw, CUES), seed);
    }
  });

  it('pages of several hard-wrapped stories with furniture between (page layout)', () => {
    for (const seed of SEEDS) {
      const r = rng(seed * 7919);
      const lines: string[] = [];
      if (r() < 0.5) lines.push(pick(r, FURNITURE));
      const n = 1 + Math.floor(r() * 4);
      for (let k = 0; k < n; k++) lines.push(...story(r, true), '');
      const raw = lines.join('\n');
      expectAccounted(raw, layoutPage(raw, CUES), seed);
    }
  });

  it('running text', () => {
    for (const seed of SEEDS.slice(0, 30)) {
      const r = rng(seed * 104729);
      const raw = story(r, false).join('\n');
      expectAccounted(raw, layoutRunningText(raw, CUES), seed);
    }
  });

  it.each([
    ['empty', ''],
    ['a byte-order mark', '\uFEFF标题\n\n\uFEFF正文第一段。'],
    ['no-break and em spaces', '\u00a0标题\u00a0\n\u2003正文。\u00a0'],
    ['a zero-width space', '标题\u200b\n正文。\u200b'],
    ['a lone surrogate', '标题\uD800\n正文\uDC00。'],
    ['astral characters', '𠀀𠀁标题\n　　𠀂正文。（记者 张𠀃）'],
    ['CR line endings', '标题\r来源：海滨日报\r正文。\r责任编辑：高明'],
    ['punctuation only', '。。。\n——\n【】\n（）'],
    ['a bracket that never closes', '【标题\n正文。'],
    ['a very long line', '发展。'.repeat(30_000)],
  ])('odd input: %s', (_name, raw) => {
    for (const layout of [layoutStory, layoutPage, layoutRunningText]) expectAccounted(raw, layout(raw, CUES), 0);
  });

  it('counts what a layout leaves out', () => {
    const raw = '标题\n正文。';
    const full = layoutStory(raw, CUES);
    expect(coverage(raw, full).unassigned).toBe(0);
    // Drop the headline passage: its two characters are unassigned.
    const lost = { ...full, passages: full.passages.filter((p) => p.kind !== 'headline') };
    expect(coverage(raw, lost)).toEqual({ unassigned: 2, overlaps: 0 });
    // Claim the body twice: three characters overlap.
    const twice = { ...full, passages: [...full.passages, ...full.passages.filter((p) => p.kind === 'paragraph')] };
    expect(coverage(raw, twice)).toEqual({ unassigned: 0, overlaps: 3 });
  });
});

describe('the golden records lose nothing', () => {
  it('every fixture record has unassigned 0', async () => {
    const { glob } = await import('tinyglobby');
    const { readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { ROOT } = await import('../helpers.js');
    const files = await glob(['fixtures/**/*.expected.json'], { cwd: ROOT });
    let documents = 0;
    for (const f of files) {
      const parsed = JSON.parse(readFileSync(join(ROOT, f), 'utf8')) as unknown;
      for (const r of (Array.isArray(parsed) ? parsed : [parsed]) as Record<string, unknown>[]) {
        if ('error' in r) continue;
        documents++;
        expect(r.unassigned, `${f}: ${String(r.id)}`).toBe(0);
      }
    }
    expect(documents).toBeGreaterThan(10);
  });
});
