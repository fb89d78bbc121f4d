// The named table of the tagger's feature templates (src/extract/entities/feature-templates.ts): its ids
// are part of every key of the shipped model, so the table, the features written and the model must agree.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import {
  FEATURE_TEMPLATES,
  NUM_TEMPLATES,
  countByGroup,
  templateId,
  templateOfKey,
  templatesInGroup,
  templatesLaidOut,
  type TemplateGroup,
  type TemplateLayout,
  type TemplateName,
} from '../../../src/extract/entities/feature-templates.js';
import { CharVocab, FeatureKeys, Passage, computeKeys, nameLexicon } from '../../../src/extract/entities/features.js';
import { Resources } from '../../../src/resources.js';
import { LABEL_NAMES } from '../../../src/extract/entities/labels.js';
import { ModelFormatError, checkHeader, decodeModel } from '../../../src/extract/entities/model-io.js';
import { dictPath } from '../../../src/paths.js';
import { JiebaSegmenter } from '../../../src/segment/jieba.js';

const GROUPS: TemplateGroup[] = ['characters', 'bias', 'words', 'places', 'organisations', 'titles', 'lexicon'];
const LAYOUTS: TemplateLayout[] = ['unigram', 'bigram', 'trigram', 'skip', 'word', 'char-pos', 'always', 'word-pos', 'rare'];
const all = FEATURE_TEMPLATES.map((t) => t.id);

describe('the feature template table', () => {
  it('numbers the templates 0, 1, 2 … in row order, as the model keys expect', () => {
    expect(FEATURE_TEMPLATES.map((t, row) => t.id - row).every((d) => d === 0)).toBe(true);
    expect(NUM_TEMPLATES).toBe(36);
    expect(new Set(all).size).toBe(NUM_TEMPLATES);
  });

  it('gives each template one unique name', () => {
    const names = FEATURE_TEMPLATES.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z0-9+-]+$/);
  });

  it.each([
    ['char-3', 0],
    ['char-1', 2],
    ['char+0', 3],
    ['bigram+0+1', 9],
    ['trigram+0+1+2', 13],
    ['skip-1+1', 14],
    ['bias', 16],
    ['word', 18],
    ['char-word-pos', 24],
    ['gazetteer-place', 25],
    ['title-before', 29],
    ['lexicon-window', 35],
  ] as [TemplateName, number][])('%s has id %i', (name, id) => {
    expect(templateId(name)).toBe(id);
  });

  it('refuses a name it does not have', () => {
    expect(() => templateId('char-4' as TemplateName)).toThrow(/no feature template char-4/);
  });

  it('puts every template in exactly one group and one layout, and leaves none empty', () => {
    for (const [parts, of] of [
      [GROUPS, templatesInGroup],
      [LAYOUTS, templatesLaidOut],
    ] as const) {
      const ids = parts.flatMap((p) => (of as (x: string) => number[])(p));
      expect(ids.sort((a, b) => a - b)).toEqual(all);
      for (const p of parts) expect((of as (x: string) => number[])(p).length).toBeGreaterThan(0);
    }
    expect(templatesInGroup('titles')).toEqual([29, 30]);
    expect(templatesLaidOut('unigram')).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('is the table docs/entity-features.md shows', () => {
    const doc = readFileSync(new URL('../../../docs/entity-features.md', import.meta.url), 'utf8');
    for (const t of FEATURE_TEMPLATES) expect(doc).toContain(`| ${t.id} | \`${t.name}\` | ${t.group} | ${t.layout} |`);
  });

  it('reads the template back from a key', () => {
    expect(templateOfKey(25 * 2 ** 48 + 10)).toBe(25);
    expect(templateOfKey(0)).toBe(0);
    expect(templateOfKey(35 * 2 ** 48 + 2 ** 40)).toBe(35);
  });

  it('counts keys by group for the training log', () => {
    expect(countByGroup([0, 3 * 2 ** 48 + 5, 16 * 2 ** 48, 29 * 2 ** 48 + 2])).toBe('characters 2, bias 1, titles 1');
    expect(countByGroup([])).toBe('');
  });
});

describe('the features written, the table and the model agree', () => {
  const resources = new Resources();
  const model = resources.tagger().model;
  const jieba = new JiebaSegmenter({ hmm: true });
  // 国0 家1 发2 展3 改4 革5 委6 主7 任8 郑9 栅10 洁11 在12 北13 京14 出15 席16 会17 议18 ，19 青20 岛21 炼22 化23 公24 司25
  const text = '国家发展改革委主任郑栅洁在北京出席会议，青岛炼化公司';
  const p = new Passage().load(text, jieba.tag(text));
  const keys = new FeatureKeys();
  computeKeys(p, new CharVocab(model.header.chars), resources.gazetteers(), nameLexicon([['郑栅洁', 1]]), keys, true);
  const at = (i: number, name: TemplateName) => {
    const j = i * NUM_TEMPLATES + templateId(name);
    return keys.hi[j]! < 0 ? null : (keys.hi[j]! % 65536) * 2 ** 32 + (keys.lo[j]! >>> 0);
  };

  it('writes every template of the table, each in its own slot', () => {
    const fired = new Set<number>();
    for (let j = 0; j < p.n * NUM_TEMPLATES; j++) {
      if (keys.hi[j]! < 0) continue;
      const t = keys.hi[j]! >>> 16;
      expect(t).toBe(j % NUM_TEMPLATES);
      fired.add(t);
    }
    expect([...fired].sort((a, b) => a - b)).toEqual(all);
  });

  it('writes the gazetteer, title and lexicon templates where a reader expects them', () => {
    expect(at(9, 'title-before')).toBe(2); // 主任 ends just before 郑
    expect(at(6, 'title-after')).toBe(2); // 主任 starts just after 委
    expect(at(8, 'title-before')).toBeNull();
    expect(at(13, 'gazetteer-place')).toBe(1 * 8 + 2); // 北: B of 北京, a province
    expect(at(14, 'gazetteer-place')).toBe(3 * 8 + 2); // 京: E
    expect(at(25, 'org-head-ending')).toBe(2 * 4 + 2); // 公司: length 2, strong
    expect(at(23, 'org-head-next')).toBe(2 * 4 + 2);
    // 郑: B of a lexicon name of type 1: 1 * 8 + 1 = 9, rounded as a double above 2^53 rounds it (to 8).
    expect(at(9, 'lexicon')).toBe(8);
    expect(at(12, 'lexicon')).toBeNull();
    expect(at(0, 'bias')).toBe(0);
  });

  it('the committed model has keys of every template and of no other', () => {
    const per = new Int32Array(NUM_TEMPLATES + 1);
    for (const k of model.keys) per[Math.min(templateOfKey(k), NUM_TEMPLATES)]!++;
    expect(per[NUM_TEMPLATES]).toBe(0);
    // char-3 … char+3 may be sparse, but no template of the table is unused by the model.
    for (let t = 0; t < NUM_TEMPLATES; t++) expect(per[t], FEATURE_TEMPLATES[t]!.name).toBeGreaterThan(0);
  });

  it("the committed model was made for this table's template count and labels.ts's labels", () => {
    const m = decodeModel(readFileSync(dictPath('ner/model.bin')));
    expect(m.header.numTemplates).toBe(NUM_TEMPLATES);
    expect(m.header.labels).toEqual(LABEL_NAMES);
  });
});

describe('a model made for other templates or labels is refused when it loads', () => {
  const good = { version: 1, numTemplates: NUM_TEMPLATES, labels: [...LABEL_NAMES] };
  it('accepts its own header', () => {
    expect(() => checkHeader(good)).not.toThrow();
  });
  it.each([
    ['one template more', { ...good, numTemplates: NUM_TEMPLATES + 1 }, /made for 37 feature templates, this code has 36/],
    ['labels in another order', { ...good, labels: ['O', 'B-LOC', ...LABEL_NAMES.slice(2)] }, /labels O B-LOC/],
    ['a label missing', { ...good, labels: LABEL_NAMES.slice(0, 12) }, /do not match/],
    ['no labels at all', { ...good, labels: undefined as unknown as string[] }, /do not match/],
    ['another format', { ...good, version: 2 }, /format version 2/],
  ])('%s', (_what, header, message) => {
    expect(() => checkHeader(header)).toThrow(ModelFormatError);
    expect(() => checkHeader(header)).toThrow(message);
  });
});
