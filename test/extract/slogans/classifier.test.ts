// The quoted-phrase classifier on phrases and contexts written for these tests (not in its training file).
import { describe, expect, it } from 'vitest';
import { classifyQuoted, quotedFeatures, kindOfQuoted, loadSloganKnowledge, SloganModel } from '../../../src/extract/slogans/index.js';
import { DictFolder } from '../../../src/dicts.js';

/** The package's slogan tables and classifier. */
const model = new SloganModel(loadSloganKnowledge(new DictFolder()));

describe('classifyQuoted', () => {
  it.each<[string, string, string, 'coined' | 'other']>([
    ['推行', '湾长制', '，压实', 'coined'],
    ['全面推行', '容缺后补', '服务', 'coined'],
    ['打造', '康养+', '产业', 'coined'],
    ['推广', '积分制', '治理模式', 'coined'],
    ['实施', '归雁计划', '，吸引', 'coined'],
    ['深化', '一码通办', '改革', 'coined'],
    ['坚持', '生态优先、绿色发展', '，', 'coined'],
    ['他说：', '我们一定要把这条路修好。', '', 'other'],
    ['破解', '瓶颈', '问题', 'other'],
    ['这里成了', '后花园', '，', 'other'],
    ['荣获', '全国五一劳动奖状', '，', 'other'],
    ['以', '数字赋能 智领未来', '为主题', 'other'],
    ['实现', '零', '的突破', 'other'],
    ['由', '单打独斗', '变为“抱团取暖”', 'other'],
  ])('%s“%s”%s -> %s', (before, inner, after, expected) => {
    expect(classifyQuoted(inner, before, after, model)).toBe(expected);
  });

  it('describes a phrase by its length, head word, trigger verb and dictionary status', () => {
    const f = quotedFeatures('河长制', '全面推行', '，落实', model.knowledge);
    expect(f).toEqual(expect.arrayContaining(['len:3', 'bverb', 'apunct', 'dict:unknown']));
    expect(quotedFeatures('瓶颈', '破解', '问题', model.knowledge)).toContain('dict:common');
    expect(quotedFeatures('硬件', '补齐', '和“软件”', model.knowledge)).toContain('pair');
  });
});

describe('kindOfQuoted', () => {
  it.each<[string, string, string, string | null]>([
    ['1+N', '构建', '政策体系', 'formula'],
    ['十四五', '', '时期', 'code'],
    ['2035', '展望', '年', null],
    ['两个维护', '做到', '，', 'numbered'],
    ['放管服', '推进', '改革', 'coined'],
    ['九连冠', '实现', '', null],
    ['三', '排名第', '', null],
  ])('%s -> %s', (inner, before, after, expected) => {
    expect(kindOfQuoted(inner, before, after, model)?.kind ?? null).toBe(expected);
  });
});
