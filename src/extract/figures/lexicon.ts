// The word lists of the figures stage, loaded once from dicts/figures-*.tsv, and a small word table
// that matches them at a position of a text (longest first, optionally across letter-spacing).
//   units:       figures-units.tsv       个 户 公里 美元 % ...  (type, reported unit, flags)
//   hedges:      figures-approx.tsv      约 近 超过 | 以上 左右 | 上 数
//   exclusions:  figures-exclusions.tsv  一带一路 五位一体 一心一意 PM2.5 ...
//   not-after:   figures-not-after.tsv   中全会 届全国 号线 成为 ...
//   false units: figures-false-units.tsv 家庭 人民 条件 ...
//   time words:  figures-time.tsv        今年 去年 | 上午 下午
//   indicators:  figures-indicators.tsv  同比增长 -> growth_yoy

import { readDict } from '../../dicts.js';

export type UnitType = 'quantity' | 'money' | 'percent' | 'ordinal';

export interface UnitEntry {
  word: string;
  type: UnitType;
  /** Reported unit: the measure word, or the ISO 4217 code for money. */
  unit: string;
  /** 一 + this word is a figure (一倍, 一元); otherwise 一 is the indefinite article (一批, 一个). */
  one: boolean;
  /** May close an ordinal: 第一版, 第二轮. */
  ord: boolean;
  /** Takes a trailing 半: 一年半, 三斤半. */
  half: boolean;
  /** A bare magnitude before it is a level word, not a figure: 万亿级. */
  nobare: boolean;
  /** A currency symbol written before the number: $20. */
  prefix: boolean;
  /** A Chinese numeral before it is an ordinal phase: 一期项目. */
  phase: boolean;
}

export interface WordMatch<T> {
  word: string;
  data: T;
  /** End index in the text (after any letter-spacing crossed). */
  e: number;
}

/** Words keyed by their first character; matching is longest first. */
export class WordTable<T> {
  private byFirst = new Map<string, { word: string; data: T }[]>();
  private byLast = new Map<string, { word: string; data: T }[]>();
  private byWord = new Map<string, T>();
  readonly maxLength: number;

  constructor(entries: Iterable<[string, T]>) {
    let max = 0;
    for (const [word, data] of entries) {
      if (!word || this.byWord.has(word)) continue;
      this.byWord.set(word, data);
      for (const [map, key] of [[this.byFirst, word[0]!], [this.byLast, word[word.length - 1]!]] as const) {
        const list = map.get(key) ?? [];
        list.push({ word, data });
        map.set(key, list);
      }
      max = Math.max(max, word.length);
    }
    for (const list of this.byFirst.values()) list.sort((a, b) => b.word.length - a.word.length);
    for (const list of this.byLast.values()) list.sort((a, b) => b.word.length - a.word.length);
    this.maxLength = max;
  }

  /** The characters words start with. */
  firstChars(): Iterable<string> {
    return this.byFirst.keys();
  }

  get(word: string): T | undefined {
    return this.byWord.get(word);
  }

  /** Longest word starting at p. With `spaced`, spaces and tabs inside the text are skipped (个百分 点). */
  matchAt(t: string, p: number, spaced = false): WordMatch<T> | null {
    const list = this.byFirst.get(t[p] ?? '');
    if (!list) return null;
    // Letter-spacing is rare: compare across spaces only when one lies within reach.
    if (spaced) {
      const end = Math.min(t.length, p + this.maxLength);
      let found = false;
      for (let q = p + 1; q < end && !found; q++) found = t[q] === ' ' || t[q] === '\t';
      spaced = found;
    }
    for (const { word, data } of list) {
      if (!spaced) {
        if (t.startsWith(word, p)) return { word, data, e: p + word.length };
        continue;
      }
      let q = p;
      let k = 0;
      for (; k < word.length; k++) {
        if (k > 0) while (t[q] === ' ' || t[q] === '\t') q++;
        if (t[q] !== word[k]) break;
        q++;
      }
      if (k === word.length) return { word, data, e: q };
    }
    return null;
  }

  /** Longest word ending exactly at e. */
  matchEndingAt(t: string, e: number): WordMatch<T> | null {
    const list = this.byLast.get(t[e - 1] ?? '');
    if (!list) return null;
    for (const { word, data } of list) if (word.length <= e && t.startsWith(word, e - word.length)) return { word, data, e };
    return null;
  }

  /** True when some word occurrence [a, b) covers all of [s, e). */
  covers(t: string, s: number, e: number): boolean {
    for (let a = Math.max(0, e - this.maxLength); a <= s; a++) {
      const list = this.byFirst.get(t[a] ?? '');
      if (!list) continue;
      for (const { word } of list) if (a + word.length >= e && t.startsWith(word, a)) return true;
    }
    return false;
  }
}

export interface Hedge {
  position: 'before' | 'after';
  inSpan: boolean;
}

export interface TimeWord {
  kind: 'year' | 'daypart';
  value: number;
}

export interface FigureLexicon {
  units: WordTable<UnitEntry>;
  /** Units whose first character is also a numeral place word (千米, 百分点): 千 there belongs to the unit. */
  placeUnits: WordTable<UnitEntry>;
  hedgesBefore: WordTable<Hedge>;
  hedgesAfter: WordTable<Hedge>;
  exclusions: WordTable<true>;
  notAfter: WordTable<true>;
  /** Nouns that start with a measure word (家庭, 人民): there the measure word counts nothing. */
  falseUnits: WordTable<true>;
  timeWords: WordTable<TimeWord>;
  indicators: WordTable<string>;
}

let LEXICON: FigureLexicon | null = null;

const PLACE_CHARS = new Set(['十', '百', '千', '万', '亿', '兆', '拾', '佰', '仟', '萬', '億']);

export function figureLexicon(): FigureLexicon {
  if (LEXICON) return LEXICON;
  const unitRows: [string, UnitEntry][] = readDict('figures-units.tsv', 4).map((r) => {
    const [word, type, unit, flagText] = r.fields as [string, string, string, string];
    const flags = new Set(flagText.split(',').map((f) => f.trim()));
    return [
      word,
      {
        word,
        type: type as UnitType,
        unit,
        one: flags.has('one'),
        ord: flags.has('ord'),
        half: flags.has('half'),
        nobare: flags.has('nobare'),
        prefix: flags.has('prefix'),
        phase: flags.has('phase'),
      },
    ];
  });
  const hedges: [string, Hedge][] = readDict('figures-approx.tsv', 3).map((r) => [
    r.fields[0]!,
    { position: r.fields[1] === 'after' ? 'after' : 'before', inSpan: r.fields[2] === 'in' },
  ]);
  const words = (name: string): [string, true][] => readDict(name, 1).map((r) => [r.fields[0]!, true]);
  LEXICON = {
    units: new WordTable(unitRows.filter(([, u]) => !u.prefix)),
    placeUnits: new WordTable(unitRows.filter(([w, u]) => !u.prefix && PLACE_CHARS.has(w[0]!))),
    hedgesBefore: new WordTable(hedges.filter(([, h]) => h.position === 'before')),
    hedgesAfter: new WordTable(hedges.filter(([, h]) => h.position === 'after')),
    exclusions: new WordTable(words('figures-exclusions.tsv')),
    notAfter: new WordTable(words('figures-not-after.tsv')),
    falseUnits: new WordTable(words('figures-false-units.tsv')),
    timeWords: new WordTable(
      readDict('figures-time.tsv', 3).map((r) => [
        r.fields[0]!,
        { kind: r.fields[1] === 'daypart' ? 'daypart' : 'year', value: Number(r.fields[2]) },
      ]),
    ),
    indicators: new WordTable(readDict('figures-indicators.tsv', 2).map((r) => [r.fields[0]!, r.fields[1]!])),
  };
  // Currency symbols are matched before the number, so they live in their own table.
  PREFIXES = new WordTable(unitRows.filter(([, u]) => u.prefix));
  return LEXICON;
}

let PREFIXES: WordTable<UnitEntry> | null = null;

/** Currency symbols written before the number ($, ￥, US$). */
export function currencyPrefixes(): WordTable<UnitEntry> {
  if (!PREFIXES) figureLexicon();
  return PREFIXES!;
}
