// Post-rules on hand-made tagger output, so each rule is pinned without the model: one describe block per
// rule file of src/extract/entities/post-rules/, named for it.
import { describe, expect, it } from 'vitest';
import {
  trimEdges,
  addDoctrineAuthors,
  addRegions,
  addKnownNames,
  attachTitles,
  extendOrganisations,
  joinPlaceSuffixes,
  mergeAdminChains,
  repairOrganisations,
  snapToNameWords,
  splitJointBodies,
  addTitledForeignNames,
  startAfterTitles,
  addListedNames,
  snapPersons,
  joinDashedNames,
  trimPlaceCounts,
  bodiesNotPlaces,
  addDepartments,
} from '../../../../src/extract/entities/post-rules/index.js';
import { Resources } from '../../../../src/resources.js';
import { NOT_ENTITIES } from '../../../../src/extract/entities/post-rules/not-entities.js';
import type { EntityMatch } from '../../../../src/extract/types.js';
import type { WordToken } from '../../../../src/segment/segmenter.js';
import { shortForm, wordName } from '../../../../src/tools/build-divisions.js';
import { readDict } from '../../../../src/dicts.js';
import { ents, tokens } from './passage.js';

/** Table rows: tokens spec, the model's entities, the expected result. */
type Cases = [string, [EntityMatch['type'], string][], string[]][];

const show = (text: string, out: EntityMatch[]) =>
  out.map((x) => `${x.type}:${text.slice(x.s, x.e)}${x.titles ? `[${x.titles.join('/')}]` : ''}`);

const resources = new Resources();
const gaz = resources.gazetteers();
const lex = resources.lexicon();

/** A table row's check: `rule` over the row's tokens and the model's entities gives the expected ones. */
const checks =
  (rule: (text: string, words: WordToken[], input: EntityMatch[]) => EntityMatch[]) =>
  (spec: string, input: [EntityMatch['type'], string][], expected: string[]) => {
    const { text, words } = tokens(spec);
    expect(show(text, rule(text, words, ents(text, input)))).toEqual(expected);
  };

describe('admin-chains (mergeAdminChains)', () => {
  it.each([
    ['山东省青岛市黄岛区', [['LOC', '山东省'], ['LOC', '青岛市'], ['LOC', '黄岛区']], ['LOC:山东省青岛市黄岛区']],
    ['河南洛阳', [['LOC', '河南'], ['LOC', '洛阳']], ['LOC:河南洛阳']],
    // A street (街道) is a level of its own, as a town is.
    ['崂山区沙子口街道', [['LOC', '崂山区'], ['LOC', '沙子口街道']], ['LOC:崂山区沙子口街道']],
    // Not adjacent: two places.
    ['北京和上海', [['LOC', '北京'], ['LOC', '上海']], ['LOC:北京', 'LOC:上海']],
    // A country before a place is not an administrative chain head.
    ['中国东北亚', [['LOC', '中国'], ['LOC', '东北亚']], ['LOC:中国', 'LOC:东北亚']],
  ] as Cases)('%s', checks((text, words, input) => mergeAdminChains(text, input, gaz)));
});

describe('org-extension (extendOrganisations)', () => {
  it.each([
    [
      '中国石化/nt|青岛/ns|炼化/n|公司/n|出口/v',
      [['ORG', '中国石化'], ['LOC', '青岛']],
      ['ORG:中国石化青岛炼化公司'],
    ],
    ['山东/ns|科技/n|大学/n|文法/n|学院/n', [['ORG', '山东科技大学']], ['ORG:山东科技大学文法学院']],
    // A verb stops the walk: 推动 is not part of the name, and without a named head nothing changes.
    ['推动/v|炼化/n|公司/n|发展/vn', [], []],
    // The model already tagged the whole organisation.
    ['青岛/ns|大学/n', [['ORG', '青岛大学']], ['ORG:青岛大学']],
    [
      '区委/j|非公有制/b|经济/n|组织/n|和/c|社会/n|组织/n|工委/n',
      [['ORG', '区委']],
      ['ORG:区委非公有制经济组织和社会组织工委'],
    ],
    // 和 between two places without an ORG head in front: no merge.
    ['青岛/ns|和/c|烟台/ns|分公司/n', [['LOC', '青岛'], ['LOC', '烟台']], ['LOC:青岛', 'LOC:烟台']],
    // Verbs that stand inside body names (org-name-words.txt) continue the name; a bare 区 opens it.
    ['近日/t|区/n|社会/n|治理/v|中心/n|联合/v', [], ['ORG:区社会治理中心']],
    ['市/n|政务/n|服务/v|中心/n|发布/v', [], ['ORG:市政务服务中心']],
    [
      '区委/n|非公有制/n|经济/n|组织/v|和/c|社会/n|组织/v|工委/n',
      [['ORG', '区委']],
      ['ORG:区委非公有制经济组织和社会组织工委'],
    ],
    // A generic modifier ends the walk: a listed company of the exchange, not a body named so.
    ['深交所/j|上市/vn|公司/n|数量/n', [['ORG', '深交所']], ['ORG:深交所']],
    // Any other verb ends the walk: 推动 is no part of a name.
    ['在/p|青岛/ns|推动/v|炼化/n|公司/n|发展/vn', [['LOC', '青岛']], ['LOC:青岛']],
    // Two bodies joined by 和/与: each keeps its own name.
    [
      '由/p|青年/n|文摘/n|杂志社/n|和/c|浙江省/ns|围棋/n|协会/n|主办/v',
      [['ORG', '青年文摘杂志社'], ['ORG', '浙江省围棋协会']],
      ['ORG:青年文摘杂志社', 'ORG:浙江省围棋协会'],
    ],
    // The model's name that opens with a place is complete: the common noun before it stays out.
    [
      '来到/v|城关镇/ns|民营企业/n|青山/ns|机械/n|有限公司/n|报到/v',
      [['LOC', '城关镇'], ['ORG', '青山机械有限公司']],
      ['LOC:城关镇', 'ORG:青山机械有限公司'],
    ],
    // A country and 政府 is no organisation, even with a noun further left (代表 is no part of it).
    ['代表/n|加拿大/ns|政府/n|致辞/v', [['LOC', '加拿大']], ['LOC:加拿大']],
    // A head inside a longer word is no head: 中心城市 is a city, not a centre.
    ['建设/v|杭州/ns|区域/n|物流/n|中心城市/n', [['LOC', '杭州']], ['LOC:杭州']],
    // A dash between two named parties belongs to the name.
    ['中国/ns|—/x|中亚/ns|合作/vn|中心/n|成立/v', [['LOC', '中国'], ['LOC', '中亚']], ['ORG:中国—中亚合作中心']],
    // ...but not when the model's name ends at the head: it is complete on its own.
    ['成都/ns|—/x|重庆/ns|高速/n|公司/n', [['LOC', '成都'], ['ORG', '重庆高速公司']], ['LOC:成都', 'ORG:重庆高速公司']],
    // A word linking two bodies ends the name: 所属.
    [
      '农业部/nt|所属/v|华南/ns|农业/n|研究所/n',
      [['ORG', '农业部'], ['ORG', '华南农业研究所']],
      ['ORG:农业部', 'ORG:华南农业研究所'],
    ],
    // Across 和, one bureau where a place opens the name and the words before 和 are a field, not a body.
    [
      '胶州市/ns|发展/vn|和/c|改革/vn|委员会/n|发布/v',
      [['LOC', '胶州市'], ['ORG', '改革委员会']],
      ['ORG:胶州市发展和改革委员会'],
    ],
    // ...not where they are a body or a person, or where a known body follows.
    ['黄岛区/ns|公安局/n|和/c|管理/vn|委员会/n|联合/v', [['LOC', '黄岛区'], ['ORG', '管理委员会']], ['LOC:黄岛区', 'ORG:管理委员会']],
    ['在/p|京/ns|委员/n|和/c|全国/n|政协/j|委员/n', [['LOC', '京'], ['ORG', '全国政协']], ['LOC:京', 'ORG:全国政协']],
  ] as Cases)('%s', checks((text, words, input) => extendOrganisations(input, { text, words, gaz, lex })));
});

describe('bare-regions (addRegions)', () => {
  it.each([
    ['实施/v|西部/f|大/a|开发/v|战略/n', [], ['LOC:西部']],
    ['许多/m|毕业生/n|奔赴/v|西部/f|支教/v', [], ['LOC:西部']],
    // Modifying a noun, in a list, next to a conjunction, after a place: no name.
    ['西部/f|省份/n|人口/n|增加/v', [], []],
    ['东部/f|、/x|中部/f|、/x|西部/f|、/x|东北/ns|地区/n', [['LOC', '东北']], ['LOC:东北']],
    ['甘肃/ns|北部/f|和/c|西部/f|有/v|大风/n', [['LOC', '甘肃']], ['LOC:甘肃']],
    ['加拿大/ns|西部/f|发生/v|山火/n', [['LOC', '加拿大']], ['LOC:加拿大']],
  ] as Cases)('%s', checks((text, words, input) => addRegions(text, words, input, lex)));
});

describe('doctrine-authors (addDoctrineAuthors)', () => {
  it.each([
    ['党员/n|认真/ad|学习/v|毛泽东思想/nr|和/c|邓小平理论/nr', [], ['PER:毛泽东', 'PER:邓小平']],
    // Doctrines that are no one's name: untouched.
    ['坚持/v|社会主义/n|道路/n|，/x|发扬/v|爱国主义/n|精神/n', [], []],
    // Inside an organisation the model found: left to it.
    ['邓小平理论/nr|研究会/n|成立/v', [['ORG', '邓小平理论研究会']], ['ORG:邓小平理论研究会']],
  ] as Cases)('%s', checks((text, words, input) => addDoctrineAuthors(words, input)));
});

describe('edges (trimEdges)', () => {
  it.each([
    // Edge punctuation goes...
    ['”/x|市/n|工委/n|组织部/n', [['ORG', '”市工委组织部']], ['ORG:市工委组织部']],
    ['《/x|光明日报/nt|》/x', [['ORG', '《光明日报》']], ['ORG:光明日报']],
    // ...but a quoted part of the name stays, and a closing mark pulls in its opening one.
    ['“/x|春蕾/nz|计划/n|”/x|办公室/n', [['ORG', '“春蕾计划”办公室']], ['ORG:“春蕾计划”办公室']],
    ['《/x|读者/n|》/x|杂志社/n|编辑/n', [['ORG', '读者》杂志社']], ['ORG:《读者》杂志社']],
  ] as Cases)('%s', checks((text, words, input) => trimEdges(text, input)));
});

describe('known-names (addKnownNames)', () => {
  it('adds a two-character county the model missed, after its province', () => {
    const { text, words } = tokens('河南/ns|杞/n|县/zg|梨园/n|开花/v');
    const out = addKnownNames(ents(text, [['LOC', '河南']]), { text, words, gaz, lex });
    expect(show(text, out)).toEqual(['LOC:河南', 'LOC:杞县']);
  });
  it('adds a county that jieba lists as an ordinary word (divisions-words.txt), the tagger never having seen it', () => {
    const { text, words } = tokens('山东/ns|冠县/n|的/uj|鸭梨/n|丰收/v');
    expect(gaz.places.has('冠县')).toBe(false);
    const out = addKnownNames(ents(text, [['LOC', '山东']]), { text, words, gaz, lex });
    expect(show(text, out)).toEqual(['LOC:山东', 'LOC:冠县']);
    expect(show(text, mergeAdminChains(text, out, gaz))).toEqual(['LOC:山东冠县']);
  });
  it('gives a known name its listed type where the model found the same span', () => {
    const { text, words } = tokens('中国/ns|与/p|东盟/ns|各国/r|加强/v|合作/vn');
    expect(show(text, addKnownNames(ents(text, [['LOC', '中国'], ['LOC', '东盟']]), { text, words, gaz, lex }))).toEqual([
      'LOC:中国',
      'ORG:东盟',
    ]);
  });
  it('adds a known body cut inside a word (全国人大|代表), but no ministry out of 部门 or 部分', () => {
    const run = (spec: string) => {
      const { text, words } = tokens(spec);
      return show(text, addKnownNames([], { text, words, gaz, lex }));
    };
    expect(run('他/r|是/v|全国人大代表/nr|。/x')).toEqual(['ORG:全国人大']);
    expect(run('各级/r|财政/n|部门/n|加强/v|监管/vn')).toEqual([]);
    expect(run('公安部门/n|和/c|教育/vn|部门/n|配合/v')).toEqual([]);
    expect(run('其中/r|教育/vn|部分/n|占/v|一半/m')).toEqual([]);
    expect(run('财政部/nt|发布/v|通知/n')).toEqual(['ORG:财政部']);
    // A body of the 1990s' State Council, as the archives name it.
    expect(run('外经贸部/nt|副/b|部长/n|孙振宇/nr')).toEqual(['ORG:外经贸部']);
  });
  it("starts an organisation at a known name whose head the model cut off, and retypes a renamed capital", () => {
    const run = (spec: string, model: [EntityMatch['type'], string][]) => {
      const { text, words } = tokens(spec);
      return show(text, addKnownNames(ents(text, model), { text, words, gaz, lex }));
    };
    // jieba knows no 比亚迪 and cuts 比 off as a preposition; the model follows it.
    expect(run('比/p|亚迪/x|股份/n|有限公司/n|在/p|匈牙利/ns|建厂/v', [['ORG', '亚迪股份有限公司'], ['LOC', '匈牙利']])).toEqual([
      'ORG:比亚迪股份有限公司',
      'LOC:匈牙利',
    ]);
    // Only a model ORG is moved: a person running on past the name's tail stays as the model found it.
    expect(run('比/p|亚迪克/x|说/v', [['PER', '亚迪克']])).toEqual(['PER:亚迪克']);
    // A capital renamed since the training text (汉城 -> 首尔), which the model took for an organisation.
    expect(run('在/p|首/m|尔/nr|出席/v|会议/n', [['ORG', '首尔']])).toEqual(['LOC:首尔']);
  });
});

describe('org-repair (repairOrganisations)', () => {
  it.each([
    // The model's ORG starts inside a place (a line break fell inside it): grows to the place's start.
    ['西海岸/ns|新区/n|新/a|市民/n|学院/n|成立/v', [['ORG', '新区新市民学院']], ['ORG:西海岸新区新市民学院']],
    ['雄安/ns|新区/n|管委会/n|发布/v', [['ORG', '新区管委会']], ['ORG:雄安新区管委会']],
    // Not over the entity before it (here the model's person took the place's first character).
    ['张明/nr|西海岸/ns|新区/n|管委会/n', [['PER', '张明西'], ['ORG', '海岸新区管委会']], ['PER:张明西', 'ORG:海岸新区管委会']],
    // A place right after the entity before it is clear of it: the body grows to its start.
    ['张明/nr|西海岸/ns|新区/n|管委会/n', [['PER', '张明'], ['ORG', '海岸新区管委会']], ['PER:张明', 'ORG:西海岸新区管委会']],
    // Spans are no longer moved to jieba's word boundaries: a club the model read right stays as it is
    // though jieba glued the character before it (盘卡|塔尼亚), and an end inside a word stays too.
    ['让球/v|盘卡/n|塔尼亚/nr|主场/n|获胜/v', [['ORG', '卡塔尼亚']], ['ORG:卡塔尼亚']],
    ['联盟/n|杯/n|小组赛/n', [['ORG', '联盟杯']], ['ORG:联盟杯']],
    // A bare company head is no name.
    ['该/r|公司/n|表示/v', [['ORG', '公司']], []],
    ['有限公司/n|成立/v', [['ORG', '有限公司']], []],
    // Named bodies and other entities stay as they are.
    ['青岛海关/nt|发布/v', [['ORG', '青岛海关']], ['ORG:青岛海关']],
    ['政协/n|委员/n|张明/nr', [['ORG', '政协'], ['PER', '张明']], ['ORG:政协', 'PER:张明']],
  ] as Cases)('%s', checks((text, words, input) => repairOrganisations(text, words, input, gaz, lex)));
});

describe('joint-bodies (splitJointBodies)', () => {
  it('splits two bodies the model read as one across a verb of joint action', () => {
    const { text, words } = tokens('区/n|教育局/n|联合/v|市公安局/x|开展/v|检查/vn');
    expect(show(text, splitJointBodies(text, words, ents(text, [['ORG', '区教育局联合市公安局']]), gaz))).toEqual(['ORG:区教育局', 'ORG:市公安局']);
  });

  it('keeps a name with 联合 in a word of its own, and one whose parts are not both bodies', () => {
    const un = tokens('联合国/nt|开发/v|计划署/n|发布/v|报告/n');
    expect(show(un.text, splitJointBodies(un.text, un.words, ents(un.text, [['ORG', '联合国开发计划署']]), gaz))).toEqual(['ORG:联合国开发计划署']);
    const half = tokens('中国/ns|联合/v|航空/n|公司/n|开通/v|航线/n');
    expect(show(half.text, splitJointBodies(half.text, half.words, ents(half.text, [['ORG', '中国联合航空公司']]), gaz))).toEqual(['ORG:中国联合航空公司']);
  });

  it('splits two bodies joined by 与 or 和, a branch ending the first; keeps 和 between two fields of one', () => {
    const two = tokens('山东/ns|大学/n|青岛/ns|校区/x|与/p|海尔集团/nt|共建/v|实验室/n');
    expect(show(two.text, splitJointBodies(two.text, two.words, ents(two.text, [['ORG', '山东大学青岛校区与海尔集团']]), gaz))).toEqual([
      'ORG:山东大学青岛校区',
      'ORG:海尔集团',
    ]);
    const one = tokens('国家/n|劳动/n|和/c|社会保障/n|部/n|发布/v');
    expect(show(one.text, splitJointBodies(one.text, one.words, ents(one.text, [['ORG', '国家劳动和社会保障部']]), gaz))).toEqual(['ORG:国家劳动和社会保障部']);
  });
});

describe('foreign-names (addTitledForeignNames)', () => {
  it('makes a PER of single characters jieba cut after a country and a title', () => {
    const { text, words } = tokens('美国/ns|总统/n|拜/v|登/v|表示/v|，/x');
    expect(show(text, addTitledForeignNames(words, ents(text, [['LOC', '美国']]), gaz))).toEqual(['LOC:美国', 'PER:拜登']);
  });

  it('leaves them alone after a bare title, before a function word, or where an entity stands', () => {
    const bare = tokens('主席/n|登/v|上/v|主席台/n');
    expect(show(bare.text, addTitledForeignNames(bare.words, [], gaz))).toEqual([]);
    const fn = tokens('美国/ns|总统/n|也/d|说/v|过/u');
    expect(show(fn.text, addTitledForeignNames(fn.words, ents(fn.text, [['LOC', '美国']]), gaz))).toEqual(['LOC:美国']);
    const taken = tokens('德国/ns|总理/n|朔/x|尔/x|茨/x|访华/v');
    const had = ents(taken.text, [['LOC', '德国'], ['PER', '朔尔茨']]);
    expect(show(taken.text, addTitledForeignNames(taken.words, had, gaz))).toEqual(['LOC:德国', 'PER:朔尔茨']);
  });

  it('joins a character and a shorter name jieba knows, over an entity of the model inside them', () => {
    const { text, words } = tokens('美国/ns|总统/n|布/nr|林肯/nr|表示/v');
    expect(show(text, addTitledForeignNames(words, ents(text, [['LOC', '美国'], ['ORG', '林肯']]), gaz))).toEqual(['LOC:美国', 'PER:布林肯']);
  });

  it('leaves a run alone where an entity reaches out of it, or a name word is too long to be a piece', () => {
    const out = tokens('英国/ns|首相/n|约/v|翰/x|逊说/x');
    const had = ents(out.text, [['LOC', '英国'], ['PER', '翰逊说']]);
    expect(show(out.text, addTitledForeignNames(out.words, had, gaz))).toEqual(['LOC:英国', 'PER:翰逊说']);
    const long = tokens('法国/ns|总统/n|马/nr|克龙马克龙/nr|表示/v');
    expect(show(long.text, addTitledForeignNames(long.words, ents(long.text, [['LOC', '法国']]), gaz))).toEqual(['LOC:法国']);
  });
});

describe('title-starts (startAfterTitles)', () => {
  it.each([
    // The model read the end of a title as the start of a name: the name starts after the title.
    ['特斯拉/nrt|首席/n|执行官/n|马斯克/nr|宣布/v', [['ORG', '特斯拉'], ['PER', '席执行官马斯克']], ['ORG:特斯拉', 'PER:马斯克']],
    ['财政司/n|司长/n|江文华/nr|表示/v', [['ORG', '财政司'], ['LOC', '长江'], ['PER', '文华']], ['ORG:财政司', 'PER:文华']],
    ['区/n|教育局/n|局长/n|王芳/nr', [['PER', '长王芳']], ['PER:王芳']],
    // jieba splits the title-like pair (湖南省|长沙市: 省长): no word crosses the start, the place stays.
    ['湖南省/ns|长沙市/ns|岳麓区/ns', [['LOC', '长沙市岳麓区']], ['LOC:长沙市岳麓区']],
    // A word crosses the start but no title ends inside: untouched.
    ['在/p|北京大学/nt|读书/v', [['ORG', '京大学']], ['ORG:京大学']],
    // Starting at a word start: untouched.
    ['部长/n|王志刚/nr|表示/v', [['PER', '王志刚']], ['PER:王志刚']],
  ] as Cases)('%s', checks((text, words, input) => startAfterTitles(text, words, input, lex)));
});

describe('place-counts (trimPlaceCounts)', () => {
  it.each([
    ['长三角/nz|三省/m|一市/m|共同/d|推进/v', [['LOC', '长三角三省']], ['LOC:长三角']],
    ['珠三角/nz|九/m|市/n|与/p|港澳/j', [['LOC', '珠三角九市']], ['LOC:珠三角']],
    ['中亚/ns|五国/m|元首/n', [['LOC', '中亚五国']], ['LOC:中亚']],
    // A name that is itself a numeral and a level word, with no region before it, stays.
    ['日本/ns|九州/ns|地区/n', [['LOC', '日本'], ['LOC', '九州']], ['LOC:日本', 'LOC:九州']],
    ['日本/ns|九州/ns|地区/n', [['LOC', '日本九州']], ['LOC:日本九州']],
    // Before the count, no gazetteer place: left alone.
    ['东三省/ns|老/a|工业/n|基地/n', [['LOC', '东三省']], ['LOC:东三省']],
  ] as Cases)('%s', checks((text, _words, input) => trimPlaceCounts(text, input, gaz)));
});

describe('bodies-not-places (bodiesNotPlaces)', () => {
  it.each([
    ['薛家岛/ns|街道办事处/x|与/p|青岛理工大学/nt', [['LOC', '薛家岛街道办事处'], ['ORG', '青岛理工大学']], ['ORG:薛家岛街道办事处', 'ORG:青岛理工大学']],
    ['王家村/ns|村委会/j|换届/v', [['LOC', '王家村村委会']], ['ORG:王家村村委会']],
    // Facilities stay places; a bare head is left to the model.
    ['参观/v|胶州/ns|博物馆/n', [['LOC', '胶州博物馆']], ['LOC:胶州博物馆']],
    ['走进/v|黄岛区/ns|政务/n|中心/n', [['LOC', '黄岛区']], ['LOC:黄岛区']],
  ] as Cases)('%s', checks((text, _words, input) => bodiesNotPlaces(text, input)));
});

describe('departments (addDepartments)', () => {
  it.each([
    // After its place: the tagger kept only the tail after 和.
    ['胶州市/ns|人力资源/n|和/c|社会保障/n|局/n|举办/v', [['LOC', '胶州市'], ['ORG', '社会保障局']], ['ORG:胶州市人力资源和社会保障局']],
    // After a bare level that opens a word; the tagger found nothing.
    ['记者/n|从/p|市/n|住房/n|和/c|城乡建设/n|局/n|获悉/v', [], ['ORG:市住房和城乡建设局']],
    ['据/p|区/n|市场监督管理局/n|通报/v', [], ['ORG:区市场监督管理局']],
    // A place, then its level as a word of its own.
    ['胶州/ns|市/n|教育局/n|发布/v', [['LOC', '胶州']], ['ORG:胶州市教育局']],
    // A model ORG that runs on past the department starts at the place.
    ['即墨区/ns|公安局/n|刑警/n|大队/n|破获/v', [['LOC', '即墨区'], ['ORG', '公安局刑警大队']], ['ORG:即墨区公安局刑警大队']],
    // No place and no level, or a level inside another word (全市, 各市): generic, left alone.
    ['教育局/n|要求/v|各校/r|落实/v', [], []],
    ['全市/n|教育局/n|系统/n', [], []],
    // The government itself: the place alone (MSRA, People's Daily).
    ['青岛市/ns|政府/n|发布/v', [['LOC', '青岛市']], ['LOC:青岛市']],
  ] as Cases)('%s', checks((text, words, input) => addDepartments(text, words, input, lex)));
});

describe('dashed-names (joinDashedNames)', () => {
  it.each([
    ['外长/n|让/nr|—/x|皮埃尔/nr|表示/v', [['PER', '让'], ['PER', '皮埃尔']], ['PER:让—皮埃尔']],
    ['作曲家/n|安德鲁/nr|·/x|韦伯/nr', [['PER', '安德鲁'], ['PER', '韦伯']], ['PER:安德鲁·韦伯']],
    // Other marks between them: two persons.
    ['张明/nr|、/x|李华/nr', [['PER', '张明'], ['PER', '李华']], ['PER:张明', 'PER:李华']],
    // A dash between a person and a place: apart.
    ['张明/nr|—/x|北京/ns', [['PER', '张明'], ['LOC', '北京']], ['PER:张明', 'LOC:北京']],
  ] as Cases)('%s', checks((text, words, input) => joinDashedNames(text, input)));
});

describe('org-name-words (snapToNameWords)', () => {
  it.each([
    // The ORG opens an untagged word and stops inside it: to the word's end, over what lay inside.
    ['出席/v|亚洲足球联合会理事会/x|会议/n', [['ORG', '亚洲足球联合会'], ['PER', '理事']], ['ORG:亚洲足球联合会理事会']],
    // A tagged word is left to the other rules.
    ['红星/nz|电器行/n|开业/v', [['ORG', '红星电器']], ['ORG:红星电器']],
    // An ORG that starts inside the word: unchanged.
    ['老/a|北京饭店集团/x', [['ORG', '饭店']], ['ORG:饭店']],
  ] as Cases)('%s', checks((text, words, input) => snapToNameWords(words, input)));
});

describe('place-suffixes (joinPlaceSuffixes)', () => {
  it.each([
    ['货车从/n|满洲里/ns|口岸/s|入境/v', [['LOC', '满洲里']], ['LOC:满洲里口岸']],
    // The suffix must be a whole word of its own.
    ['满洲里/ns|口岸线/n|延长/v', [['LOC', '满洲里']], ['LOC:满洲里']],
    // Not after a person or an organisation.
    ['张伟/nr|口岸/s', [['PER', '张伟']], ['PER:张伟']],
  ] as Cases)('%s', checks((text, words, input) => joinPlaceSuffixes(words, input, lex)));
});

describe('person-words (snapPersons)', () => {
  it.each([
    // The tagger stopped inside jieba's name word 明星.
    ['副/b|市长/n|王/nr|明星/nr|出席/v', [['PER', '王明']], ['PER:王明星']],
    // Ends on a word boundary already: unchanged.
    ['记者/n|王明/nr|星期天/t|报道/v', [['PER', '王明']], ['PER:王明']],
    // The word is no name: unchanged.
    ['王/nr|明天/t|出发/v', [['PER', '王明']], ['PER:王明']],
    // Would grow past four characters: unchanged.
    ['欧阳/nr|文/nr|明星光/nr', [['PER', '欧阳文明']], ['PER:欧阳文明']],
    // A word jieba has no tag for (x: mostly names) that the PER opens: grows to its end.
    ['作家/n|柯尔克孜/x|发言/v', [['PER', '柯尔克']], ['PER:柯尔克孜']],
    // ...but not one the PER only ends in.
    ['作家/n|老柯尔克/x|发言/v', [['PER', '柯尔克']], ['PER:柯尔克']],
  ] as Cases)('%s', checks((text, words, input) => snapPersons(words, input)));
});

describe('titles (attachTitles)', () => {
  it.each([
    ['区/n|政协/j|党组书记/n|、/x|主席/n|逯鹰/nr|出席/v', [['ORG', '区政协'], ['PER', '逯鹰']], ['ORG:区政协', 'PER:逯鹰[区政协党组书记/主席]']],
    ['记者/n|刘腾/nr', [['PER', '刘腾']], ['PER:刘腾[记者]']],
    ['科技部/nt|部长/n|王志刚/nr|表示/v', [['ORG', '科技部'], ['PER', '王志刚']], ['ORG:科技部', 'PER:王志刚[科技部部长]']],
    // A verb before the title ends the title phrase.
    ['会见/v|副市长/n|张伟/nr', [['PER', '张伟']], ['PER:张伟[副市长]']],
    // No title next to the name.
    ['他/r|和/c|张伟/nr', [['PER', '张伟']], ['PER:张伟']],
    // Heads of titles-attach.txt, which the tagger does not read.
    ['美国/ns|国务卿/n|布林肯/nr|抵达/v', [['LOC', '美国'], ['PER', '布林肯']], ['LOC:美国', 'PER:布林肯[美国国务卿]']],
    ['国家队/n|主教练/n|李华/nr|表示/v', [['PER', '李华']], ['PER:李华[国家队主教练]']],
    ['财政司/n|司长/n|陈茂波/nr', [['PER', '陈茂波']], ['PER:陈茂波[财政司司长]']],
  ] as Cases)('%s', checks((text, words, input) => attachTitles(input, { text, words, gaz, lex })));
});

describe('post-rule data files', () => {
  it.each(['ner/org-name-words.txt', 'ner/place-suffixes.txt', 'ner/generic-org-modifiers.txt', 'ner/bare-regions.txt'])('%s rows are single words', (name) => {
    const rows = readDict(name);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.fields).toHaveLength(1);
    for (const r of rows) expect(r.fields[0]).toMatch(/^\p{Script=Han}{2,4}$/u);
  });
  it.each(['ner/places.txt', 'ner/org-suffixes.txt', 'ner/known-names.txt', 'ner/divisions.txt', 'ner/divisions-words.txt'])('%s rows are name<TAB>kind', (name) => {
    const rows = readDict(name, 2);
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) expect(r.fields[0]).not.toMatch(/\s/);
  });
  it.each(['ner/departments.txt', 'ner/titles-attach.txt'])('%s rows are single names of Han characters, no repeats, none also in titles.txt', (name) => {
    const rows = readDict(name).map((r) => r.fields);
    expect(rows.length).toBeGreaterThan(50);
    for (const f of rows) expect(f).toHaveLength(1);
    for (const [w] of rows) expect(w).toMatch(/^\p{Script=Han}{2,12}$/u);
    expect(new Set(rows.map(([w]) => w)).size).toBe(rows.length);
    const tagged = new Set(readDict('ner/titles.txt').map((r) => r.fields[0]));
    if (name === 'ner/titles-attach.txt') expect(rows.filter(([w]) => tagged.has(w!))).toEqual([]);
  });
  it('known names are typed ORG or LOC', () => {
    for (const r of readDict('ner/known-names.txt', 2)) expect(['ORG', 'LOC']).toContain(r.fields[1]);
  });
});

describe('division gazetteer (dicts/ner/divisions.txt, npm run build:divisions)', () => {
  const kinds = new Map(readDict('ner/divisions.txt', 2).map((r) => [r.fields[0]!, r.fields[1]!]));
  it('holds cities, counties and towns under their full names', () => {
    expect(kinds.get('会宁县')).toBe('county');
    expect(kinds.get('千灯镇')).toBe('town');
    expect(kinds.get('递铺街道')).toBe('town');
    expect(kinds.size).toBeGreaterThan(30_000);
  });
  it('leaves out names that are ordinary words and the source\'s placeholders', () => {
    for (const w of ['城区', '郊区', '矿区', '东区', '市辖区', '和平']) expect(kinds.has(w)).toBe(false);
  });
  it('keeps names of the hand-written list out (its kinds win)', () => {
    expect(kinds.has('青岛')).toBe(false);
    expect(kinds.has('青岛高新技术产业开发区')).toBe(false); // a zone, not a town
  });
});

describe('wordName (build-divisions: divisions-words.txt)', () => {
  const tags = new Map([['港口', 'n'], ['公安', 'n'], ['冠', 'n'], ['吴忠', 'nr']]);
  it.each([
    ['冠县', true], // a one-character county stem is a name however common the character
    ['高青县', true], // stem unknown to jieba
    ['吴忠市', true], // stem tagged as a name
    ['港口区', false], // stem an ordinary noun: read as 港口|区
    ['公安县', false],
    ['城区', false], // one character and 区
    ['薛家岛', false], // no level word
    ['市辖区', false], // the source's placeholder
  ] as [string, boolean][])('%s -> %s', (name, ok) => {
    expect(wordName(name, tags)).toBe(ok);
  });
});

describe('shortForm (build-divisions)', () => {
  const tags = new Map([['长安', 'ns'], ['和平', 'n'], ['城', 'n']]);
  it.each([
    ['胶州市', '胶州'],
    ['长安区', '长安'], // jieba knows it as a place
    ['和平区', null], // jieba knows it as an ordinary word
    ['城区', null], // one character left
    ['涉县', null],
    ['巴音郭楞蒙古自治州', '巴音郭楞蒙古'],
    ['薛家岛', null], // no level word
  ])('%s -> %s', (name, short) => {
    expect(shortForm(name, tags)).toBe(short);
  });
});

describe('listed-names (addListedNames)', () => {
  it.each([
    // A listed bank and a listed leader on word boundaries, where the model found nothing.
    ['他/r|在/p|招商银行/nt|开户/v', [], ['ORG:招商银行']],
    ['默克尔/nr|访问/v|北京/ns', [['LOC', '北京']], ['PER:默克尔', 'LOC:北京']],
    // The model's entity wins where it overlaps the listed name.
    ['他/r|在/p|招商银行/nt|开户/v', [['ORG', '招商银行开户']], ['ORG:招商银行开户']],
    // Not across a word boundary: 招商银行 inside a longer word is left alone.
    ['他/r|在/p|招商银行卡/n|开户/v', [], []],
  ] as Cases)('%s', checks((text, words, input) => addListedNames(text, words, input, gaz)));
});

describe('not-entities (counted bodies)', () => {
  it.each([
    // A numeral with 大 and a kind of body is a count, not a name; a congress's short form ends at 大.
    ['拆分/v|为/p|六大/m|业务/n|集团/n', [['ORG', '六大业务集团']], []],
    ['三大/m|运营商/n|均/d|表示/v', [['ORG', '三大运营商']], []],
    ['党/n|的/uj|十五大/j|以来/f', [['ORG', '十五大']], ['ORG:十五大']],
    // The stop list: 我国 names no place.
    ['我国/n|经济/n', [['LOC', '我国']], []],
    // A place that opens with a numeral and 大 is left to the place rules.
    ['八大/m|胡同/n', [['LOC', '八大胡同']], ['LOC:八大胡同']],
  ] as Cases)('%s', checks((text, words, input) => NOT_ENTITIES.apply(input, { text, words, gaz, lex })));
});
