// The generated name lists (dicts/ner/gaz-orgs.txt, gaz-persons.txt) as the loader exposes them:
// tries over code points read greedy longest match left to right, a B/M/E/S tag and a kind per code point.
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DictError, DictFolder } from '../../../src/dicts.js';
import {
  loadGazetteers,
  markNames,
  nameListLabels,
  nameListTrie,
  NAME_TAG,
  ORG_NAME_KINDS,
  PERSON_NAME_KINDS,
} from '../../../src/extract/entities/gazetteers.js';
import { DICTS_DIR } from '../../../src/paths.js';

/** The package's gazetteers, as a Pipeline without a dicts folder reads them. */
const bundled = loadGazetteers(new DictFolder());

/** A temporary dicts folder holding `files` (name -> text). */
function folderWith(files: Record<string, string>): DictFolder {
  const dir = mkdtempSync(join(tmpdir(), 'zhnews-gaz-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return new DictFolder(dir);
}

/** The entries nameListLabels marks in a text, as "name/kind". */
function marked(text: string, list: 'orgs' | 'persons', gaz = bundled): string[] {
  const chars = Array.from(text);
  const labels = nameListLabels(text, list, gaz);
  const out: string[] = [];
  let start = -1;
  labels.forEach((l, i) => {
    if (l.startsWith('B-') || l.startsWith('S-')) start = i;
    if (l.startsWith('E-') || l.startsWith('S-')) out.push(`${chars.slice(start, i + 1).join('')}/${l.slice(2)}`);
  });
  return out;
}

describe('organisation names', () => {
  it.each([
    // A bank's full name, its name without 中国, and its one-character short form.
    ['招商银行昨日公告，下调部分定期存款的挂牌利率。', ['招商银行/bank']],
    ['他在中国工商银行开了户，又去工行办了信用卡。', ['中国工商银行/bank', '工行/bank']],
    // Clubs and leagues, transliterated and short.
    ['曼联主场两球击败对手，阿森纳则在客场被逼平。', ['曼联/club', '阿森纳/club']],
    ['这名中场球员下赛季将转会至英超。', ['英超/league']],
    // International organisations, the longest name where a shorter one starts at the same place.
    ['联合国教科文组织总干事当天在巴黎发表讲话。', ['联合国教科文组织/intl-org']],
    ['北约秘书长表示，将与欧盟加强协调。', ['北约/intl-org', '欧盟/intl-org']],
  ])('%s', (text, expected) => {
    expect(marked(text, 'orgs')).toEqual(expected);
  });

  it('marks B, M, E and the kind on each code point of a match, nothing elsewhere', () => {
    expect(nameListLabels('存入招商银行', 'orgs', bundled)).toEqual(['O', 'O', 'B-bank', 'M-bank', 'M-bank', 'E-bank']);
  });

  it('leaves ordinary words alone: the common words a brand list holds are filtered out', () => {
    // 盛大 (grand) and 联想 (to associate) are brands too, but words far more often.
    expect(marked('晚会办得十分盛大，让人联想到过去的岁月。', 'orgs')).toEqual([]);
  });
});

describe('person names', () => {
  it.each([
    ['美国总统拜登当天会见了来访的法国总统马克龙。', ['拜登/leader', '马克龙/leader']],
    ['俄罗斯总统普京出席了在莫斯科举行的会议。', ['普京/leader']],
  ])('%s', (text, expected) => {
    expect(marked(text, 'persons')).toEqual(expected);
  });
});

describe('markNames', () => {
  const gaz = bundled;
  const codesOf = (s: string) => Array.from(s, (c) => c.codePointAt(0)!);

  it('fills tag and kind arrays by code point, with characters above the BMP in the text', () => {
    const codes = codesOf('𠀀曼联');
    const tag = new Uint8Array(codes.length).fill(9);
    const kind = new Uint8Array(codes.length).fill(9);
    markNames(gaz.orgNames, codes, codes.length, tag, kind);
    expect([...tag]).toEqual([NAME_TAG.none, NAME_TAG.B, NAME_TAG.E]);
    expect([...kind]).toEqual([0, ORG_NAME_KINDS.club, ORG_NAME_KINDS.club]);
  });

  it.each(['', ' ', '\u0000\uFFFD', 'Hello, world', '！？。，'])('no throw and no mark on odd input %j', (text) => {
    expect(nameListLabels(text, 'orgs', gaz).every((l) => l === 'O')).toBe(true);
    expect(nameListLabels(text, 'persons', gaz).every((l) => l === 'O')).toBe(true);
  });

  it('marks S for a one-code entry (the generated lists hold none, a hand-made trie may)', () => {
    const trie = nameListTrie(folderWith({ 'one.txt': '# test list\n港\tclub\n' }), 'one.txt', ORG_NAME_KINDS);
    const codes = codesOf('香港队');
    const tag = new Uint8Array(3);
    const kind = new Uint8Array(3);
    markNames(trie, codes, 3, tag, kind);
    expect([...tag]).toEqual([0, NAME_TAG.S, 0]);
  });
});

describe('the generated lists', () => {
  it('load: every line names a known kind', () => {
    expect(bundled.orgNames.maxLen).toBeGreaterThan(2);
    expect(bundled.personNames.maxLen).toBeGreaterThan(2);
  });

  it('fail with file:line on an unknown kind', () => {
    const folder = folderWith({ 'bad.txt': '# test list\n拜登\tleader\n马克龙\tpresident\n' });
    expect(() => nameListTrie(folder, 'bad.txt', PERSON_NAME_KINDS)).toThrow(DictError);
    expect(() => nameListTrie(folder, 'bad.txt', PERSON_NAME_KINDS)).toThrow(/bad\.txt:3: unknown kind "president"/);
  });

  it("are read from the gazetteers' own folder, on first use", () => {
    // A folder with the place, head and title lists of the package, and name lists of its own.
    const lists = ['ner/places.txt', 'ner/divisions.txt', 'ner/org-suffixes.txt', 'ner/titles.txt'];
    const folder = folderWith(Object.fromEntries(lists.map((name) => [name, readFileSync(join(DICTS_DIR, name), 'utf8')])));
    // Built without the name lists: a folder lacking one fails only when it is asked for.
    const gaz = loadGazetteers(folder);
    expect(() => gaz.personNames).toThrow(/gaz-persons\.txt: no such file/);
    writeFileSync(folder.path('ner/gaz-orgs.txt'), '# test list\n青石茶社\tcompany\n');
    expect(marked('他在青石茶社喝茶，又去招商银行取钱。', 'orgs', gaz)).toEqual(['青石茶社/company']);
  });
});
