// Table tests of the slogans stage on sentences written for these tests (none is taken from the
// evaluation sets). Each row: a sentence and the slogans expected in it, as "kind:text".
import { describe, expect, it } from 'vitest';
import { extractSlogans, loadSloganKnowledge, SloganModel } from '../../../src/extract/slogans/index.js';
import { foldWidth } from '../../../src/text/chars.js';
import { DictFolder } from '../../../src/dicts.js';

/** The package's slogan tables and classifier. */
const model = new SloganModel(loadSloganKnowledge(new DictFolder()));

function found(sentence: string): string[] {
  const text = foldWidth(sentence);
  return extractSlogans(text, model).map((m) => `${m.kind}:${text.slice(m.s, m.e)}`);
}

describe('extractSlogans finds slogans', () => {
  it.each<[string, string[]]>([
    // formula
    ['全区聚力发展“4+4+6”现代产业体系，加快培育新兴产业。', ['formula:4+4+6']],
    ['构建“1+N”政策体系，形成上下联动的工作格局。', ['formula:1+N']],
    ['该市围绕3+5+X重点产业链开展精准招商。', ['formula:3+5+X']],
    ['全省推行“1+3+N”基层治理模式。', ['formula:1+3+N']],
    ['新高考实行“3+1+2”选科模式。', ['formula:3+1+2']],
    ['加快打造“１＋６”现代化城市组团。', ['formula:1+6']],
    ['京津冀及周边“2+26”城市持续推进大气污染治理。', ['formula:2+26']],
    ['我区坚持5 + 5 + 7产业布局不动摇。', ['formula:5 + 5 + 7']],
    // code
    ['“十四五”时期是全面建设社会主义现代化国家新征程的第一个五年。', ['code:十四五']],
    ['全市“十三五”规划目标任务圆满完成。', ['code:十三五']],
    ['认真落实“一四四六”总体思路，推动各项工作走在前列。', ['code:一四四六']],
    ['深入实施“百千万”工程，促进城乡区域协调发展。', ['code:百千万']],
    ['科学编制十五五规划纲要，谋划一批重大项目。', ['code:十五五']],
    ['对照一三三五发展战略，狠抓工作落实。', ['code:一三三五']],
    ['认真落实市委“1335”发展部署，推动各项任务落地。', ['code:1335']],
    ['“十二五”以来，我省交通基础设施建设成效明显。', ['code:十二五']],
    // numbered, quoted
    ['推进“两新”工作提质扩面，释放消费潜力。', ['numbered:两新']],
    ['始终拥护“两个确立”，始终践行“两个维护”。', ['numbered:两个确立', 'numbered:两个维护']],
    ['全力做好“六稳”工作，落实“六保”任务。', ['numbered:六稳', 'numbered:六保']],
    ['推动“一县一策”精准帮扶，巩固脱贫成果。', ['numbered:一县一策']],
    ['聚焦“一老一小”，完善养老托育服务体系。', ['numbered:一老一小']],
    ['实施“五大工程”，夯实高质量发展基础。', ['numbered:五大工程', 'term:高质量发展']],
    ['紧扣“三农”工作重心，全面推进乡村振兴。', ['numbered:三农', 'term:全面推进乡村振兴']],
    ['推动“万人助万企”活动走深走实。', ['numbered:万人助万企']],
    ['以“三去一降一补”为重点深化供给侧结构性改革。', ['numbered:三去一降一补']],
    ['实现“两不愁三保障”全面达标。', ['numbered:两不愁三保障']],
    ['持续推进“双一流”建设，提升高校办学水平。', ['numbered:双一流']],
    ['全面落实“双减”政策，减轻学生负担。', ['numbered:双减']],
    ['扎实推进“五个振兴”，建设宜居宜业和美乡村。', ['numbered:五个振兴']],
    ['对照“九大创新”要求查找差距。', ['numbered:九大创新']],
    ['推行“一园一策”，帮助企业纾困解难。', ['numbered:一园一策']],
    // numbered, unquoted
    ['共建一带一路取得新的重大成果。', ['numbered:一带一路']],
    ['统筹推进五位一体总体布局，协调推进四个全面战略布局。', ['numbered:五位一体', 'numbered:四个全面']],
    ['打好三大攻坚战，守住不发生系统性风险的底线。', ['numbered:三大攻坚战']],
    ['善于把握两个大局，在危机中育先机。', ['numbered:两个大局']],
    ['严格落实中央八项规定精神，持之以恒纠治四风。', ['numbered:八项规定']],
    ['增强四个意识、坚定四个自信。', ['numbered:四个意识', 'numbered:四个自信']],
    ['深入实施十大创新行动，激发市场主体活力。', ['numbered:十大创新']],
    ['坚持两个毫不动摇，支持民营企业做优做强。', ['numbered:两个毫不动摇']],
    ['扎实做好六稳六保工作，经济运行总体平稳。', ['numbered:六稳六保']],
    // coined
    ['深入推进“放管服”改革，持续优化营商环境。', ['coined:放管服', 'term:优化营商环境']],
    ['坚持和发展新时代“枫桥经验”，把矛盾纠纷化解在基层。', ['coined:枫桥经验']],
    ['全面推行“河长制”，落实属地管理责任。', ['coined:河长制']],
    ['大力发展“冰雪+”产业，丰富冬季旅游产品。', ['coined:冰雪+']],
    ['推广“互联网+医疗健康”服务，方便群众就医。', ['coined:互联网+医疗健康']],
    ['全区扎实推进“标准地”改革，提高土地利用效率。', ['coined:标准地']],
    ['深化“最多跑一次”改革，企业开办一日办结。', ['coined:最多跑一次']],
    ['在全县推行“村民说事”制度，群众参与热情高涨。', ['coined:村民说事']],
    ['开展“春风行动”，组织专场招聘会20场。', ['coined:春风行动']],
    ['推广“首席服务官”制度，为重点企业提供全程服务。', ['coined:首席服务官']],
    ['探索“共享法庭”模式，把矛盾化解在家门口。', ['coined:共享法庭']],
    ['打造“红色港湾”党建品牌，提升基层组织力。', ['coined:红色港湾']],
    ['坚持“项目为王、企业为先”，全力以赴抓投资。', ['coined:项目为王、企业为先']],
    ['形成可复制可推广的“滨海经验”。', ['coined:滨海经验']],
    ['推出“拿地即开工”审批模式，项目落地提速。', ['coined:拿地即开工']],
    ['实施“乡贤回归”工程，吸引人才返乡创业。', ['coined:乡贤回归']],
    ['聚焦“链主”企业，培育产业生态。', ['coined:链主']],
    ['创新推出“微更新”模式，改造老旧小区32个。', ['coined:微更新']],
  ])('%s', (sentence, expected) => {
    expect(found(sentence)).toEqual(expected);
  });
});

describe('extractSlogans leaves non-slogans alone', () => {
  it.each<[string]>([
    // idioms and ordinary numerals
    ['他做事一心一意，从不三心二意。'],
    ['全村千家万户都用上了自来水。'],
    ['这件事他一五一十地讲给了记者。'],
    ['专家从三个方面作了解读。'],
    ['一是加强组织领导，二是强化资金保障，三是严格督导考核。'],
    ['第一产业增加值增长3.5%，三大产业协调发展。'],
    ['全市新增就业岗位一千五百个。'],
    ['他在这里工作了十四五年。'],
    ['五一假期，景区接待游客12万人次。'],
    ['一个都不少，一户都不落。'],
    ['提供一站式服务，实行一次性告知。'],
    ['项目建设实行一把手负责制。'],
    ['计算结果是1+1=2。'],
    ['5G+工业互联网应用加快落地。'],
    ['“5·12”汶川地震纪念活动在当地举行。'],
    ['“九连冠”的成绩令人瞩目。'],
    ['粮食产量实现“十连丰”。'],
    ['全年出口增长12.5%，连续三年保持增长。'],
    ['两重性是事物的普遍特征。'],
    // quoted numeral-led words that are everyday words, not formulas
    ['该县在全省率先实现了“零的突破”。'],
    ['今年成交的“二手房”数量明显增加。'],
    ['这个小镇过去是“三不管”地带。'],
    ['这家企业被评为“十佳”民营企业。'],
    // quoted speech
    ['他说：“我们一定要把群众的事办好。”'],
    ['村民老王笑着说：“现在日子越过越红火了！”'],
    ['负责人表示：“今年的订单已经排到了年底，工人们都在加班加点。”'],
    ['“我们会继续努力，把产品做得更好。”她告诉记者。'],
    ['“这在以前想都不敢想。”老人感慨道。'],
    // scare quotes and metaphors
    ['着力破解技术“卡脖子”难题。'],
    ['打通政策落地的“堵点”，解决群众的“痛点”。'],
    ['补齐农村基础设施“短板”。'],
    ['小山村成了“网红”打卡地。'],
    ['企业之间不能陷入“内卷”。'],
    ['从“输血”变“造血”，群众增收有了保障。'],
    ['既要“硬实力”，也要“软实力”。'],
    ['牵住改革的“牛鼻子”。'],
    ['啃下发展中的“硬骨头”。'],
    ['全年经济实现“开门红”。'],
    ['当好服务企业的“店小二”。'],
    ['防止搞“一刀切”。'],
    ['这些产品成了市场上的“香饽饽”。'],
    ['打通服务群众的“最后一公里”。'],
    // honour titles, product and project names, themes
    ['该市荣获“全国文明城市”称号。'],
    ['他被授予“时代楷模”称号。'],
    ['“天问一号”探测器成功着陆火星。'],
    ['乘坐“复兴号”列车出行的旅客明显增多。'],
    ['“奋斗者”号载人潜水器完成万米深潜。'],
    ['正在建设的“星空营地”文旅项目预计明年开业。'],
    ['大会以“开放合作 共赢未来”为主题。'],
    ['本次活动主题为“传承红色基因”。'],
    ['采取召开“银企”对接会等形式加强沟通。'],
    ['这里被誉为“世界超市”。'],
    ['当地素有“鱼米之乡”之称。'],
    ['大力发展“银发经济”，满足老年人消费需求。'],
    // odd quoting
    ['他只说了一个字：“好”。'],
    ['“ ”'],
    ['未闭合的“引号会一直延续下去，没有结束'],
  ])('%s', (sentence) => {
    expect(found(sentence)).toEqual([]);
  });
});

describe('offsets', () => {
  it('exclude the quotation marks and keep spaces and line breaks of the text inside the span', () => {
    const text = '要围绕“5+5\n+7”重点产业精准发力';
    const [m] = extractSlogans(text, model);
    expect(m).toMatchObject({ kind: 'formula', canonical: '5+5+7' });
    expect(text.slice(m!.s, m!.e)).toBe('5+5\n+7');
  });

  it('trims letter-spacing at the quote ends and squeezes it out of the canonical form', () => {
    const text = '要坚持“ 策 划 带 动 ，规 划 引 领 ”，科学确定';
    const [m] = extractSlogans(text, model);
    expect(m?.canonical).toBe('策划带动，规划引领');
    expect(text.slice(m!.s, m!.e)).toBe('策 划 带 动 ，规 划 引 领');
  });

  it('returns sorted, non-overlapping matches', () => {
    const text = '实施“五大工程”和五大工程，推进“一带一路”与一带一路建设，发展“5+5+7”产业';
    const ms = extractSlogans(text, model);
    expect(ms.map((m) => text.slice(m.s, m.e))).toEqual(['五大工程', '五大工程', '一带一路', '一带一路', '5+5+7']);
    for (let i = 1; i < ms.length; i++) expect(ms[i]!.s).toBeGreaterThanOrEqual(ms[i - 1]!.e);
  });

  it('counts UTF-16 units around astral characters', () => {
    const text = '𠮷𠮷推行“河长制”';
    const [m] = extractSlogans(text, model);
    expect(text.slice(m!.s, m!.e)).toBe('河长制');
  });
});

// Policy terms (dicts/slogans-terms.tsv): unquoted occurrences are kind term, a variant's norm is its term;
// a quoted lexicon term keeps its kind, and a term never takes the place of another slogan.
describe('extractSlogans finds policy terms', () => {
  const terms = (sentence: string) => {
    const text = foldWidth(sentence);
    return extractSlogans(text, model).map((m) => `${m.kind}:${text.slice(m.s, m.e)}${m.norm ? `>${m.norm}` : ''}`);
  };
  it.each<[string, string[]]>([
    ['各地要因地制宜加快发展新质生产力。', ['term:发展新质生产力>新质生产力']],
    ['坚定不移推动高质量发展，以中国式现代化全面推进强国建设。', ['term:推动高质量发展>高质量发展', 'term:中国式现代化>中国式现代化']],
    ['本区把新质生产力和高质量发展写进了三年行动计划。', ['term:新质生产力>新质生产力', 'term:高质量发展>高质量发展']],
    ['支持“专精特新”中小企业发展，培育更多专精特新企业。', ['coined:专精特新', 'term:专精特新>专精特新']],
    ['实施百千万工程，促进城乡区域协调发展。', ['code:百千万']],
    ['持续深化最多跑一次改革。', ['term:最多跑一次改革>最多跑一次']],
  ])('%s', (sentence, expected) => {
    expect(terms(sentence)).toEqual(expected);
  });
  it('finds nothing in text without a term', () => {
    expect(terms('今年前三季度全市外贸进出口总值同比增长百分之五。')).toEqual([]);
  });
});
