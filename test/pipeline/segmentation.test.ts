// The segmentation pipeline (segmentationStages: what `zhnews segment` runs on each line): jieba's
// words with what the extractors found made one token.

import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JiebaSegmenter } from '../../src/segment/jieba.js';
import { DEFAULT_MERGE, type MergeKind } from '../../src/tokens/merge.js';
import type { EntityTagger } from '../../src/extract/entities/index.js';
import { Resources } from '../../src/resources.js';
import { DICTS_DIR } from '../../src/paths.js';
import { foldWidth } from '../../src/text/chars.js';
import type { WordToken } from '../../src/segment/segmenter.js';
import { DEFAULT_OPTIONS, Pipeline, segmentationStages } from '../../src/pipeline.js';
import { named } from '../helpers.js';

const jieba = new JiebaSegmenter({ hmm: true });
const resources = new Resources();

/** The tokens of one line, as `zhnews segment` makes them; `problems` gathers what was left out. */
function segmenter(merge: readonly MergeKind[] = DEFAULT_MERGE, res: Resources = resources) {
  const problems: string[] = [];
  const stages = segmentationStages(merge, problems);
  const pipeline = new Pipeline({ ...DEFAULT_OPTIONS, tokens: true, windowChars: 0, stages }, { segmenter: jieba, resources: res });
  return { problems, tag: (text: string): WordToken[] => pipeline.run('line', text).tokens[0] ?? [] };
}
const words = (ws: WordToken[]) => ws.map((w) => w.word);
const tiles = (text: string, ws: WordToken[]) => {
  expect(ws.map((w) => w.word).join('')).toBe(text);
  ws.forEach((w, i) => i > 0 && expect(w.s).toBe(ws[i - 1]!.e));
};

describe('segmentation stages: what was found is one token', () => {
  const seg = segmenter();

  it.each([
    // entities (the tagger model in dicts/ner)
    ['国家发展改革委主任郑栅洁在青岛出席会议', ['国家发展改革委', '郑栅洁', '青岛']],
    ['泽连斯基表示，乌克兰将继续抵抗', ['泽连斯基', '乌克兰']],
    ['总书记在山东省青岛市考察', ['山东省青岛市']],
    // slogans
    ['全面推进“五位一体”总体布局', ['五位一体']],
    ['深化“放管服”改革，优化营商环境', ['放管服']],
    // numbers
    ['前7个月外贸进出口同比增长13.5%', ['13.5%']],
    ['上半年实现营业收入1824.6万元', ['1824.6万']],
    ['2022年8月11日上午', ['2022年', '8月', '11日']],
  ])('%s keeps %j whole', (text, whole) => {
    const ws = seg.tag(text);
    tiles(text, ws);
    for (const w of whole) expect(words(ws)).toContain(w);
  });

  it('tags merged tokens: entity types as PKU proper-noun tags, slogans nz, numbers m / t', () => {
    const ws = seg.tag('郑栅洁强调，“五位一体”总体布局下增长13.5%，2022年');
    const tag = (w: string) => ws.find((x) => x.word === w)?.pos;
    expect(tag('郑栅洁')).toBe('nr');
    expect(tag('五位一体')).toBe('nz');
    expect(tag('13.5%')).toBe('m');
    expect(tag('2022年')).toBe('t');
  });

  it('merges figures only when asked: 28500余辆 is then one token', () => {
    const text = '全年出口商用车28500余辆';
    expect(words(seg.tag(text))).not.toContain('28500余辆');
    expect(words(segmenter([...DEFAULT_MERGE, 'figures']).tag(text))).toContain('28500余辆');
  });

  it('never makes a quoted clause with punctuation one token', () => {
    const text = '提出“守好南大门，奔向新时代”的口号';
    const ws = seg.tag(text);
    tiles(text, ws);
    expect(ws.every((w) => !/[，]/.test(w.word) || w.word === '，')).toBe(true);
  });

  it('merges nothing with an empty list: jieba words as they come', () => {
    const text = '同比增长13.5%';
    expect(words(segmenter([]).tag(text))).toEqual(words(jieba.tag(text)));
  });

  it.each(named(['', '   ', '，。！', '\u0000\uFFFF', 'abc 123', '１３．５％'.repeat(3000)]))('does not throw on %s and tiles it', (_, raw) => {
    const text = foldWidth(raw);
    const ws = seg.tag(text);
    if (text) tiles(text, ws);
  });
});

/** The package's knowledge with a tagger that fails on a line naming 青岛, as a model that breaks mid-run. */
class BreaksOnQingdao extends Resources {
  override tagger(): EntityTagger {
    const real = super.tagger();
    const tag = (text: string, ws: WordToken[]) => {
      if (text.includes('青岛')) throw new Error('model gone');
      return real.tag(text, ws);
    };
    return { tag } as unknown as EntityTagger;
  }
}

describe('segmentation stages without an entity model', () => {
  it('goes on without entities and says why, once', () => {
    // A copy of dicts/ without the model: the problem names the file it lacks.
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-no-model-'));
    cpSync(DICTS_DIR, dir, { recursive: true });
    rmSync(join(dir, 'ner', 'model.bin'));
    const seg = segmenter(DEFAULT_MERGE, new Resources(dir));
    const text = '郑栅洁在青岛强调，增长13.5%';
    const ws = seg.tag(text);
    seg.tag(text);
    tiles(text, ws);
    expect(words(ws)).toContain('13.5%');
    expect(seg.problems).toHaveLength(1);
    expect(seg.problems[0]).toContain(`entities are not merged: ${join(dir, 'ner', 'model.bin')}: no such file`);
  });

  it('in a batch of lines, as line by line: the lines before the first failure keep their entities, the rest go without', () => {
    const problems: string[] = [];
    const options = { ...DEFAULT_OPTIONS, tokens: true, windowChars: 0, stages: segmentationStages(DEFAULT_MERGE, problems) };
    const pipeline = new Pipeline(options, { segmenter: jieba, resources: new BreaksOnQingdao() });
    const lines = ['国家发展改革委主任郑栅洁出席会议', '郑栅洁在青岛强调', '国家发展改革委主任郑栅洁出席会议'];
    const out = pipeline.runMany(lines.map((raw, k) => ({ id: String(k), raw }))).map((s) => words((s as { tokens: WordToken[][] }).tokens[0]!));
    expect(out[0]).toContain('郑栅洁');
    expect(out[2]).not.toContain('郑栅洁');
    expect(problems).toEqual(['entities are not merged: model gone']);
  });
});
