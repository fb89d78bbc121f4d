// The gazetteer builder's pure parts: how a CC-CEDICT gloss is read, how bank names are expanded, and
// which entries the filters drop. Glosses below are written in CC-CEDICT's style for these tests.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bankNames, cedictOrgKind, cedictPersonKind, pinyinName, readBanks, readCedict, readShortForms } from '../../src/tools/gazetteer-sources.js';
import { dropReason } from '../../src/tools/build-gazetteers.js';
import { countMatches, type TrainSentence } from '../../src/tools/gazetteer-stats.js';

describe('CC-CEDICT glosses', () => {
  it.each([
    ['Manchester United Football Club', '曼联', 'club'],
    ['Juventus, Italian football team', '尤文图斯', 'club'],
    ['China national football team', '国足', null],
    ['Serie A, the top division of Italian football', '意甲', 'league'],
    ['NATO (North Atlantic Treaty Organization)', '北约', 'intl-org'],
    ['World Health Organization (WHO)', '世界卫生组织', 'intl-org'],
    ['United Nations Charter', '联合国宪章', null],
    ['China Merchants Bank', '招商银行', 'bank'],
    ['Left Bank (of a river in a city)', '左岸', null],
    ['Tencent, Chinese internet conglomerate', '腾讯', 'company'],
    ['Haier (brand)', '海尔', 'brand'],
    ['Peking University', '北京大学', 'university'],
    ['national university entrance exam, held each June', '高考', null],
    ['Xinhua News Agency', '新华社', 'media'],
    ['Democratic Progressive Party (DPP)', '民进党', 'party'],
    ['Yi ethnic group', '彝族', null],
  ])('%s -> %s', (gloss, name, kind) => {
    expect(cedictOrgKind(gloss, name)).toBe(kind);
  });

  it.each([
    ['Barack Obama (1961–), US president 2009–2017', '奥巴马', 'Ao4 ba1 ma3', 'leader'],
    ['Lionel Messi (1987-), Argentine footballer', '梅西', 'Mei2 xi1', 'foreign'],
    ['Albert Einstein (1879-1955), physicist', '阿尔伯特·爱因斯坦', 'A1 er3 bo2 te4 · Ai4 yin1 si1 tan3', 'foreign'],
    ['Li Tie (1977-), footballer', '李铁', 'Li3 Tie3', 'chinese'],
    ['Gordon Liu (1955-), Hong Kong actor', '刘家辉', 'Liu2 Jia1 hui1', 'chinese'],
    ['the Southern Song dynasty (1127-1279)', '南宋', 'Nan2 Song4', null],
    ['World War I (1914-1918)', '一战', 'Yi1 zhan4', null],
    ['Obama (name)', '奥巴马', 'Ao4 ba1 ma3', null],
  ])('%s -> %s', (gloss, name, pinyin, kind) => {
    expect(cedictPersonKind(gloss, name, pinyin)).toBe(kind);
  });

  it('reads a name as pinyin with tones, case, hyphens and ü set aside', () => {
    expect(pinyinName('Lü Buwei (-235 BC), merchant', 'Lu:3 Bu4 wei2')).toBe(true);
    expect(pinyinName('Li Ka-shing (1928-), businessman', 'Li3 Jia1 cheng2')).toBe(false);
  });
});

describe('bank names', () => {
  const places = new Set(['上海', '北京', '中国']);
  it.each([
    ['中国工商银行', ['中国工商银行', '工商银行', '工行']],
    ['招商银行', ['招商银行', '招行']],
    ['上海银行', ['上海银行']],
    ['中国银行', ['中国银行']],
    ['深发/平安银行', ['深发银行', '平安银行', '深行', '平行']],
    ['广州农村商业银行股份有限公司', ['广州农村商业银行']],
    ['AEON信贷财务亚洲有限公司', []],
    ['', []],
  ])('%s', (raw, expected) => {
    expect(bankNames(raw, places)).toEqual(expected);
  });
});

describe('filters', () => {
  const tags = new Map([['盛大', 'b'], ['皇马', 'n'], ['欧盟', 'j'], ['三国鼎立', 'nz']]);
  const counts = (occ: number, exact: number, inside: number, raw: number, frag: number) => ({
    occ: Int32Array.of(occ),
    exact: Int32Array.of(exact),
    inside: Int32Array.of(inside),
    raw: Int32Array.of(raw),
    frag: Int32Array.of(frag),
  });
  it.each([
    ['招', counts(0, 0, 0, 0, 0), true, 'form'],
    ['招商 银行', counts(0, 0, 0, 0, 0), true, 'form'],
    // jieba's tag decides while the training text says little ...
    ['盛大', counts(1, 0, 0, 1, 0), true, 'common word'],
    // ... and the training text once it says enough.
    ['皇马', counts(17, 17, 0, 18, 0), true, null],
    ['盛大', counts(21, 0, 1, 24, 0), true, 'not an entity'],
    ['兴行', counts(0, 0, 0, 4, 4), true, 'fragment'],
    ['欧盟', counts(40, 35, 2, 41, 1), true, null],
    // An entry the text never shows: kept from a trusted list, dropped from an untrusted one.
    ['华行', counts(0, 0, 0, 0, 0), true, null],
    ['三国鼎立', counts(0, 0, 0, 0, 0), false, 'unchecked'],
    ['龙腾', counts(2, 2, 0, 2, 0), false, null],
    // ... and only as a whole entity: inside a longer one is not enough (a place inside a hospital's name).
    ['东直门', counts(3, 0, 3, 3, 0), false, 'unchecked'],
  ])('%s', (name, c, trusted, reason) => {
    expect(dropReason(name, 'ORG', tags, c, 0, trusted)).toBe(reason);
  });
});

describe('countMatches', () => {
  // 国际米兰 spans two jieba words (国际|米兰) and is an ORG; 米兰 in 米兰达 stands inside a word.
  const text = '国际米兰客场告负，米兰达进球';
  const codes = Int32Array.from(Array.from(text), (c) => c.codePointAt(0)!);
  const starts = [0, 2, 4, 6, 8, 9, 12];
  const ends = [2, 4, 6, 8, 9, 12, 14];
  const wordStart = new Uint8Array(codes.length + 1);
  const wordEnd = new Uint8Array(codes.length + 1);
  for (const s of starts) wordStart[s] = 1;
  for (const e of ends) wordEnd[e] = 1;
  const sentence: TrainSentence = {
    codes,
    wordStart,
    wordEnd,
    gold: [
      { type: 'ORG', start: 0, end: 4 },
      { type: 'PER', start: 9, end: 12 },
    ],
    masked: new Uint8Array(codes.length),
  };
  it('counts matches on word boundaries, gold, inside gold, and fragments', () => {
    const c = countMatches(['国际米兰', '米兰'], 'ORG', [sentence]);
    expect([...c.occ]).toEqual([1, 1]);
    expect([...c.exact]).toEqual([1, 0]);
    expect([...c.inside]).toEqual([0, 1]);
    expect([...c.raw]).toEqual([1, 2]);
    expect([...c.frag]).toEqual([0, 1]);
  });
  it('counts nothing where the corpus masks the text', () => {
    const c = countMatches(['国际米兰'], 'ORG', [{ ...sentence, masked: new Uint8Array(codes.length).fill(1) }]);
    expect([...c.occ, ...c.raw]).toEqual([0, 1]);
  });
});

describe('source readers, on a small source folder written here', () => {
  const dir = mkdtempSync(join(tmpdir(), 'zhnews-gaz-src-'));
  mkdirSync(join(dir, 'cc-cedict', 'package', 'data'), { recursive: true });
  mkdirSync(join(dir, 'bankcardinfo', 'package'), { recursive: true });
  writeFileSync(join(dir, 'cc-cedict', 'package', 'package.json'), '{"version": "9.9.9"}');
  // No status.json: the version goes without its data date.
  const rows = [
    ['曼聯', '曼联', 'Man4 Lian2', 'Manchester United Football Club'],
    ['工商銀行', '工商银行', 'Gong1 Shang1 Yin2 hang2', 'Industrial and Commercial Bank of China'],
    ['工行', '工行', 'Gong1 hang2', ['ICBC', 'abbr. for 工商銀行|工商银行[Gong1 Shang1 Yin2 hang2]']],
    ['普京', '普京', 'Pu3 jing1', 'Vladimir Putin (1952-), president of Russia'],
    ['聯想', '联想', 'lian2 xiang3', 'to associate (cognitively)'],
  ];
  writeFileSync(join(dir, 'cc-cedict', 'package', 'data', 'all.js'), `export default ${JSON.stringify({ all: rows.map((r) => [...r, [], []]) })};\n`);
  writeFileSync(join(dir, 'bankcardinfo', 'package', 'package.json'), '{"version": "1.0.0"}');
  writeFileSync(join(dir, 'bankcardinfo', 'package', 'index.js'), 'var list = [{ bankName: "招商银行", bankCode: "CMB" }, { bankName: "BC卡公司" }];\n');
  writeFileSync(join(dir, 'company-short-forms.txt'), '\uFEFFBy@someone\n2022.11.30\n\n腾讯\n 比亚迪 \n');

  it('CC-CEDICT: proper names by gloss, short forms by what they abbreviate, common nouns skipped', async () => {
    const c = await readCedict(dir);
    expect(c.version).toBe('9.9.9');
    expect(c.orgs.map((o) => `${o.name}/${o.kind}`)).toEqual(['曼联/club', '工商银行/bank', '工行/bank']);
    expect(c.persons.map((p) => `${p.name}/${p.kind}`)).toEqual(['普京/leader']);
  });

  it('bankcardinfo: bank names only, with their short forms', () => {
    expect(readBanks(dir, new Set()).orgs.map((o) => o.name)).toEqual(['招商银行', '招行']);
  });

  it('company short forms: the signature and blank lines skipped, names trimmed', () => {
    expect(readShortForms(dir).map((o) => o.name)).toEqual(['腾讯', '比亚迪']);
  });

  it('a missing source file fails loudly', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'zhnews-gaz-empty-'));
    await expect(readCedict(empty)).rejects.toThrow(/ENOENT/);
    expect(() => readShortForms(empty)).toThrow(/ENOENT/);
  });
});
