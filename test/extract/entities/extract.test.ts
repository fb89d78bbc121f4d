// The committed model (dicts/ner/model.bin) end to end: jieba tokens in, entity matches out.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { extractEntities, tagChars } from '../../../src/extract/entities/index.js';
import { Resources } from '../../../src/resources.js';
import { WINDOW } from '../../../src/extract/entities/tagger.js';
import { JiebaSegmenter } from '../../../src/segment/jieba.js';
import { foldWidth } from '../../../src/text/chars.js';
import { LABEL_NAMES, NUM_LABELS } from '../../../src/extract/entities/labels.js';
import {
  CharVocab,
  FeatureKeys,
  NUM_TEMPLATES,
  Passage,
  computeKeys,
  nameLexicon,
} from '../../../src/extract/entities/features.js';
import { EmissionScorer } from '../../../src/extract/entities/scorer.js';
import { modelRow, type NerModel } from '../../../src/extract/entities/model-io.js';
import { decodePrepared, encodePrepared } from '../../../src/extract/entities/tables.js';
import { named } from '../../helpers.js';

const jieba = new JiebaSegmenter({ hmm: true });
const resources = new Resources();

function run(raw: string) {
  const text = foldWidth(raw);
  return extractEntities(text, jieba.tag(text), resources);
}
const show = (raw: string) =>
  run(raw).map((x) => `${x.type}:${raw.slice(x.s, x.e)}${x.titles ? `[${x.titles.join('/')}]` : ''}`);

describe('extractEntities on news sentences', () => {
  it('loads the committed model once per Resources', () => {
    const t = resources.tagger();
    expect(t.model.header.numFeatures).toBeGreaterThan(100_000);
    expect(resources.tagger()).toBe(t);
    expect(t.gazetteers).toBe(resources.gazetteers());
  });

  it.each([
    ['国家发展改革委主任郑栅洁在北京出席会议', ['ORG:国家发展改革委', 'PER:郑栅洁[国家发展改革委主任]', 'LOC:北京']],
    ['外交部发言人毛宁今天在记者会上回答提问', ['ORG:外交部', 'PER:毛宁[外交部发言人]']],
    ['山东省青岛市黄岛区今年新增城镇就业两万人', ['LOC:山东省青岛市黄岛区']],
    ['清华大学教授李强昨天在上海作报告', ['ORG:清华大学', 'PER:李强[清华大学教授]', 'LOC:上海']],
    ['中国石化青岛炼化公司向肯尼亚出口一批柴油', ['ORG:中国石化青岛炼化公司', 'LOC:肯尼亚']],
    ['今天天气很好，我们去公园散步', []],
    // Counties and towns from the generated division list (dicts/ner/divisions.txt), chained to their province.
    ['他出生在甘肃省会宁县，后来到江苏昆山市千灯镇工作', ['LOC:甘肃省会宁县', 'LOC:江苏昆山市千灯镇']],
    // Names the segmentation dictionary holds from the SIGHAN vocabularies, with no POS (tagged x there, as
    // jieba tags the words its HMM finds; a noun tag hid them from the tagger).
    ['青年演员谭元寿的专场演出昨晚开幕。', ['PER:谭元寿[演员]']],
    ['老农孙富民把种子分给乡亲们。', ['PER:孙富民']],
    // Known organisations whatever the model says (东盟 is ORG). A congress is no named body here: People's
    // Daily leaves 十五大 untagged, and a rule that tagged it lowered F1 on held-out training text.
    ['党的二十大以来，中国与东盟各国的贸易持续增长', ['LOC:中国', 'ORG:东盟']],
    // A body keeps the province written before its city: the longest name as written (the news guidelines;
    // held-out MSRA and People's Daily text write it so too).
    ['江苏省徐州市中级人民法院昨天公开审理此案。', ['ORG:江苏省徐州市中级人民法院']],
    // Companies 1990s training text cannot know (known-names.txt): the model alone found none of these,
    // or took 阿里巴巴 and 比亚迪 for people and 中国石化 for a place.
    ['华为、腾讯、阿里巴巴和比亚迪等企业参加了峰会', ['ORG:华为', 'ORG:腾讯', 'ORG:阿里巴巴', 'ORG:比亚迪']],
    ['中国石化、国家电网和工商银行负责人出席签约仪式', ['ORG:中国石化', 'ORG:国家电网', 'ORG:工商银行']],
    // Names that are also common words stay off the list: 美的 here is "beautiful", 小米 millet.
    ['这里有很美的风景，村里种植小米三千亩', []],
    // A foreign name jieba cut into single-character verbs, after its country and title.
    ['美国总统拜登表示将继续推进相关工作', ['LOC:美国', 'PER:拜登[美国总统]']],
    // National-level new areas (dicts/ner/places.txt); a county and its street are one chain.
    ['雄安新区和两江新区的代表来到浙江安吉县递铺街道考察', ['LOC:雄安新区', 'LOC:两江新区', 'LOC:浙江安吉县递铺街道']],
  ])('%s', (raw, expected) => {
    expect(show(raw)).toEqual(expected);
  });

  it('titles on the seed page: 区政协党组书记、主席逯鹰', () => {
    const page = readFileSync(new URL('../../../fixtures/pages/qingdao-west-coast-2022-08.txt', import.meta.url), 'utf8');
    // The page wraps the title over a line break; join the wrapped lines as layout does.
    const lines = page.split('\n');
    const at = lines.findIndex((l) => l.includes('主席逯鹰'));
    const text = (lines[at - 1]! + lines[at]!).replace(/\s/g, '');
    const per = run(text).find((x) => x.type === 'PER' && text.slice(x.s, x.e) === '逯鹰');
    expect(per?.titles).toEqual(['区政协党组书记', '主席']);
  });

  it('works on full-width text through the width fold', () => {
    expect(show('２０２２年８月，李涛在青岛采访')).toEqual(['PER:李涛', 'LOC:青岛']);
  });
});

describe('bad input', () => {
  it.each([
    ['empty', ''],
    ['whitespace', '   \n\t '],
    ['punctuation only', '，。！？“”……——'],
    ['latin and digits', 'abc 123 XYZ'],
    ['astral characters', '𠀋𠀋村的𩸽鱼在𠮷野家'],
    ['lone surrogate', '北京\ud800上海'],
  ])('%s: no throw, valid matches', (_name, raw) => {
    const text = foldWidth(raw);
    const out = extractEntities(text, jieba.tag(text), resources);
    for (const m of out) {
      expect(m.s).toBeGreaterThanOrEqual(0);
      expect(m.e).toBeLessThanOrEqual(text.length);
      expect(m.e).toBeGreaterThan(m.s);
    }
  });

  it('very long input: sorted, non-overlapping, in bounds', () => {
    const unit = '国务院总理李强在北京会见新加坡总理，双方就中国与新加坡合作交换意见。';
    const text = unit.repeat(800);
    const out = extractEntities(text, jieba.tag(text), resources);
    expect(out.length).toBeGreaterThan(800);
    for (let i = 1; i < out.length; i++) expect(out[i]!.s).toBeGreaterThanOrEqual(out[i - 1]!.e);
    expect(out[out.length - 1]!.e).toBeLessThanOrEqual(text.length);
  });

  it('words that do not tile the text are tolerated', () => {
    const text = '李强在北京';
    expect(() => extractEntities(text, [], resources)).not.toThrow();
    expect(() => extractEntities(text, [{ word: 'x', pos: 'x', s: 3, e: 99 }], resources)).not.toThrow();
  });
});

describe('a passage longer than one window (tagger.ts WINDOW)', () => {
  it('is tagged window by window: every sentence keeps its entities, the buffers stay small', () => {
    const unit = '国家发展改革委主任郑栅洁在北京出席会议。';
    const text = unit.repeat(1000); // 20,000 characters, 2.4 windows
    expect(text.length).toBeGreaterThan(2 * WINDOW);
    const out = extractEntities(text, jieba.tag(text), resources);
    expect(resources.tagger().bufferedChars).toBeLessThanOrEqual(2 * WINDOW);
    const want = ['ORG:0:国家发展改革委', 'PER:9:郑栅洁', 'LOC:13:北京'];
    expect(out).toHaveLength(3 * 1000);
    out.forEach((m, i) => {
      const at = Math.floor(i / 3) * unit.length;
      expect(`${m.type}:${m.s - at}:${text.slice(m.s, m.e)}`).toBe(want[i % 3]);
    });
  });

  it('with no place to cut (one endless line of astral characters) still never splits a character', () => {
    const text = '𠀋'.repeat(6000) + '北京' + '𠮷'.repeat(6000);
    const out = resources.tagger().tag(text, jieba.tag(text));
    for (const m of out) {
      expect(m.s % 2, `${m.s}`).toBe(0);
      expect(m.e % 2, `${m.e}`).toBe(0);
    }
  });
});

describe('tagChars', () => {
  it('gives one BIOES label per code point', () => {
    const text = '习近平在𠀋村';
    const { chars, labels } = tagChars(text, jieba.tag(text), resources);
    expect(chars).toHaveLength(6);
    expect(labels).toHaveLength(6);
    expect(Array.from(labels.slice(0, 3), (l) => LABEL_NAMES[l])).toEqual(['B-PER', 'I-PER', 'E-PER']);
  });
});

/**
 * Emission scores the plain way: every template's key looked up in the model, rows added in template
 * order (what the trainer does). The scorer regroups the model for speed; it must give the same bits.
 */
function referenceEmission(keys: FeatureKeys, n: number, model: NerModel): Float64Array {
  const emit = new Float64Array(n * NUM_LABELS);
  for (let j = 0; j < n * NUM_TEMPLATES; j++) {
    if (keys.hi[j]! < 0) continue;
    let at = modelRow(model, keys.hi[j]! * 2 ** 32 + (keys.lo[j]! >>> 0));
    if (at < 0) continue;
    const mask = model.rows[at++]!;
    const row = Math.floor(j / NUM_TEMPLATES) * NUM_LABELS;
    for (let l = 0; l < NUM_LABELS; l++) if (mask & (1 << l)) emit[row + l]! += Math.fround(model.rows[at++]! * model.scale);
  }
  return emit;
}

describe('the scorer gives the reference emission scores, bit for bit', () => {
  const model = resources.tagger().model;
  const vocab = new CharVocab(model.header.chars);
  const lexicon = nameLexicon(model.header.lexicon);
  const scorer = new EmissionScorer(model);
  // The same scorer written to prepared tables and read back (tables.ts): the same bits too.
  const restored = new EmissionScorer(
    decodePrepared(encodePrepared({ header: model.header, scorer: scorer.parts(), lexicon: null }, 'f'), 'f')!.scorer,
  );
  const page = readFileSync(new URL('../../../fixtures/pages/qingdao-west-coast-2022-08.txt', import.meta.url), 'utf8');
  it.each([
    ['国家发展改革委主任郑栅洁在北京出席会议'],
    ['青岛西海岸新区管委会副主任王伟在黄岛区政务服务中心调研'],
    ['2022年8月，山东港口青岛港董家口港区完成吞吐量1.2亿吨，同比增长8.5%。'],
    ['中国石化青岛炼化公司向肯尼亚出口一批柴油'],
    ['𠀋村的王𠀋明说：“ABC公司的iPhone在上海卖得好。”'],
    ['。'],
    [page.slice(0, 3000)],
  ].map(([raw]) => named([raw!], 40)[0]!))('%s', (_, raw) => {
    const text = foldWidth(raw);
    const p = new Passage().load(text, jieba.tag(text));
    const keys = new FeatureKeys();
    computeKeys(p, vocab, resources.gazetteers(), lexicon, keys, true);
    const fast = scorer.score(keys, p.n, new Float64Array(0)).subarray(0, p.n * NUM_LABELS);
    const reference = Array.from(referenceEmission(keys, p.n, model));
    expect(Array.from(fast)).toEqual(reference);
    expect(Array.from(restored.score(keys, p.n, new Float64Array(0)).subarray(0, p.n * NUM_LABELS))).toEqual(reference);
  });
});
