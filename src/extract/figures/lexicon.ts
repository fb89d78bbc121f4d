// The word lists of the figures stage, read from a dicts folder's figures-*.tsv by whoever owns the
// folder (a Pipeline's Resources), and a small word table that matches them at a position of a text
// (longest first, optionally across letter-spacing).
//   units:       figures-units.tsv       个 户 公里 美元 % ...  (type, reported unit, flags)
//   hedges:      figures-approx.tsv      约 近 超过 | 以上 左右 | 上 数
//   exclusions:  figures-exclusions.tsv  一带一路 五位一体 一心一意 PM2.5 ...
//   not-after:   figures-not-after.tsv   中全会 届全国 号线 成为 ...
//   false units: figures-false-units.tsv 家庭 人民 条件 ...
//   time words:  figures-time.tsv        今年 去年 | 上午 下午 | 上世纪 | 星期 周 | 农历 | 正月 腊月
//   eras:        figures-eras.tsv        乾隆 1736, 民国 1912 ...
//   prefixes:    figures-prefixes.tsv    零下 华氏 摄氏 (temperatures)
//   indicators:  figures-indicators.tsv  同比增长 -> growth_yoy
//   currencies:  figures-local-currencies.tsv, figures-money-cues.tsv (currency.ts)
//   score cues:  figures-ratio-cues.tsv  (ratio.ts)

import { DictError, type DictFolder } from '../../dicts.js';
import { loadNumerals, type Numerals } from './numerals.js';

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
  /** A temperature unit: 零下 / 华氏 before the number belong to the figure. */
  temp: boolean;
}

export interface WordMatch<T> {
  word: string;
  data: T;
  /** End index in the text (after any letter-spacing crossed). */
  e: number;
}

/** Whether a UTF-16 code is a space or tab (letter-spacing inside a word: 个百分 点). */
const isGap = (x: number): boolean => x === 0x20 || x === 0x09;

interface Entry<T> {
  word: string;
  data: T;
}

/** A node of the prefix tree: the word ending here (if any) and the nodes one character further. */
interface TrieNode<T> {
  word: string | null;
  data: T | undefined;
  next: Map<number, TrieNode<T>> | null;
}

const trieNode = <T>(): TrieNode<T> => ({ word: null, data: undefined, next: null });

/**
 * Words in a prefix tree keyed by UTF-16 codes (matching at a position: longest first), and by their
 * last character (matching back from a position). Keys are numbers, not one-character strings:
 * `t[p]` of a CJK character allocates a fresh string in V8, and these lookups run several times per
 * figure (dense text has a figure every few characters). The tree walks each character once instead
 * of trying every word that shares the first one (个, 个月, 个小时, 个百分点 ...).
 */
export class WordTable<T> {
  private root = new Map<number, TrieNode<T>>();
  private byLast = new Map<number, Entry<T>[]>();
  private byWord = new Map<string, T>();
  /** 1 where some word starts (ends) with that UTF-16 code: most probes fail, and fail here cheaply. */
  private firstBits = new Uint8Array(0x10000);
  private lastBits = new Uint8Array(0x10000);
  readonly maxLength: number;

  constructor(entries: Iterable<[string, T]>) {
    let max = 0;
    for (const [word, data] of entries) {
      if (!word || this.byWord.has(word)) continue;
      this.byWord.set(word, data);
      let map = this.root;
      let node: TrieNode<T> | undefined;
      for (let k = 0; k < word.length; k++) {
        const x = word.charCodeAt(k);
        node = map.get(x);
        if (!node) map.set(x, (node = trieNode<T>()));
        if (k < word.length - 1) map = node.next ??= new Map();
      }
      node!.word = word;
      node!.data = data;
      const last = word.charCodeAt(word.length - 1);
      const list = this.byLast.get(last) ?? [];
      list.push({ word, data });
      this.byLast.set(last, list);
      this.firstBits[word.charCodeAt(0)] = 1;
      this.lastBits[last] = 1;
      max = Math.max(max, word.length);
    }
    for (const list of this.byLast.values()) list.sort((a, b) => b.word.length - a.word.length);
    this.maxLength = max;
  }

  /** The UTF-16 codes words start with. */
  firstCodes(): Iterable<number> {
    return this.root.keys();
  }

  /** True when some word starts with the character at p (a cheap pre-test before matchAt). */
  startsAt(t: string, p: number): boolean {
    return this.firstBits[t.charCodeAt(p)] === 1;
  }

  get(word: string): T | undefined {
    return this.byWord.get(word);
  }

  /** Longest word starting at p. With `spaced`, spaces and tabs inside the text are skipped (个百分 点). */
  matchAt(t: string, p: number, spaced = false): WordMatch<T> | null {
    const x = t.charCodeAt(p);
    if (this.firstBits[x] !== 1) return null;
    let node = this.root.get(x)!;
    let best: TrieNode<T> | null = node.word !== null ? node : null;
    let q = p + 1;
    let bestE = q;
    while (node.next !== null) {
      let r = q;
      if (spaced) while (isGap(t.charCodeAt(r))) r++;
      const nx = node.next.get(t.charCodeAt(r));
      if (nx === undefined) break;
      node = nx;
      q = r + 1;
      if (node.word !== null) (best = node), (bestE = q);
    }
    return best === null ? null : { word: best.word!, data: best.data as T, e: bestE };
  }

  /** Longest word ending exactly at e. */
  matchEndingAt(t: string, e: number): WordMatch<T> | null {
    if (e <= 0) return null;
    const x = t.charCodeAt(e - 1);
    if (this.lastBits[x] !== 1) return null;
    const list = this.byLast.get(x);
    if (!list) return null;
    for (const { word, data } of list) if (word.length <= e && t.startsWith(word, e - word.length)) return { word, data, e };
    return null;
  }

  /** True when some word occurrence [a, b) covers all of [s, e). */
  covers(t: string, s: number, e: number): boolean {
    for (let a = Math.max(0, e - this.maxLength); a <= s; a++) {
      const x = t.charCodeAt(a);
      if (this.firstBits[x] !== 1) continue;
      // Walk the tree from a; any word ending at or after e covers the span.
      let map: Map<number, TrieNode<T>> | null = this.root;
      for (let q = a; map !== null && q < t.length; q++) {
        const node: TrieNode<T> | undefined = map.get(t.charCodeAt(q));
        if (node === undefined) break;
        if (node.word !== null && q + 1 >= e) return true;
        map = node.next;
      }
    }
    return false;
  }
}

export interface Hedge {
  position: 'before' | 'after';
  inSpan: boolean;
}

export interface TimeWord {
  kind: 'year' | 'daypart' | 'century' | 'weekday' | 'lunar' | 'month';
  value: number;
}

export interface TempPrefix {
  /** -1 for 零下 (below zero). */
  sign: number;
  /** The unit reported instead of the one written after the number (华氏 -> 华氏度), or null. */
  unit: string | null;
}

const TIME_KINDS = new Set<TimeWord['kind']>(['year', 'daypart', 'century', 'weekday', 'lunar', 'month']);

export interface FigureLexicon {
  /** The numeral characters (figures-numerals.tsv). */
  numerals: Numerals;
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
  /** Era names and the Gregorian year their 元年 fell in. */
  eras: WordTable<number>;
  tempPrefixes: WordTable<TempPrefix>;
  /**
   * Names of currencies other than the yuan (新台币, 港币, 美元 …), longest first: written before a number
   * whose unit is a bare 元, they name its currency (新台币50亿元 is TWD).
   */
  currencyNames: UnitEntry[];
  /** Currency symbols written before the number ($, ￥, US$), matched before it. */
  prefixes: WordTable<UnitEntry>;
  /** Local currency names and their codes (港元 -> HKD): currency.ts documentCurrency. */
  localCurrencies: [string, string][];
  /** Money nouns that make a bare amount after them money (金额, 月薪): currency.ts moneyCueBefore. */
  moneyCues: WordTable<true>;
  /** Words that make a clock-like pair a score (比分, 获胜), longest first: ratio.ts. */
  scoreCues: string[];
}

const PLACE_CHARS = new Set(['十', '百', '千', '万', '亿', '兆', '拾', '佰', '仟', '萬', '億']);

/** The figure tables of the folder. */
export function loadFigureLexicon(dicts: DictFolder): FigureLexicon {
  const readDict = (name: string, minFields: number) => dicts.read(name, minFields);
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
        temp: flags.has('temp'),
      },
    ];
  });
  const hedges: [string, Hedge][] = readDict('figures-approx.tsv', 3).map((r) => [
    r.fields[0]!,
    { position: r.fields[1] === 'after' ? 'after' : 'before', inSpan: r.fields[2] === 'in' },
  ]);
  const words = (name: string): [string, true][] => readDict(name, 1).map((r) => [r.fields[0]!, true]);
  return {
    numerals: loadNumerals(dicts),
    units: new WordTable(unitRows.filter(([, u]) => !u.prefix)),
    placeUnits: new WordTable(unitRows.filter(([w, u]) => !u.prefix && PLACE_CHARS.has(w[0]!))),
    hedgesBefore: new WordTable(hedges.filter(([, h]) => h.position === 'before')),
    hedgesAfter: new WordTable(hedges.filter(([, h]) => h.position === 'after')),
    exclusions: new WordTable(words('figures-exclusions.tsv')),
    notAfter: new WordTable(words('figures-not-after.tsv')),
    falseUnits: new WordTable(words('figures-false-units.tsv')),
    timeWords: new WordTable(
      readDict('figures-time.tsv', 3).map((r) => {
        const kind = r.fields[1] as TimeWord['kind'];
        if (!TIME_KINDS.has(kind)) throw new DictError(`figures-time.tsv:${r.line}: unknown kind "${kind}"`);
        return [r.fields[0]!, { kind, value: Number(r.fields[2]) }];
      }),
    ),
    indicators: new WordTable(readDict('figures-indicators.tsv', 2).map((r) => [r.fields[0]!, r.fields[1]!])),
    eras: new WordTable(readDict('figures-eras.tsv', 2).map((r) => [r.fields[0]!, Number(r.fields[1])])),
    tempPrefixes: new WordTable(
      readDict('figures-prefixes.tsv', 3).map((r) => [r.fields[0]!, { sign: Number(r.fields[1]) < 0 ? -1 : 1, unit: r.fields[2] === '-' ? null : r.fields[2]! }]),
    ),
    currencyNames: unitRows
      .map(([, u]) => u)
      .filter((u) => u.type === 'money' && !u.prefix && u.unit !== 'CNY' && u.word.length >= 2 && /^\p{Script=Han}+$/u.test(u.word))
      .sort((a, b) => b.word.length - a.word.length),
    // Currency symbols are matched before the number, so they live in their own table.
    prefixes: new WordTable(unitRows.filter(([, u]) => u.prefix)),
    localCurrencies: readDict('figures-local-currencies.tsv', 2).map((r) => [r.fields[0]!, r.fields[1]!]),
    moneyCues: new WordTable(readDict('figures-money-cues.tsv', 1).map((r) => [r.fields[0]!, true as const])),
    scoreCues: readDict('figures-ratio-cues.tsv', 1).map((r) => r.fields[0]!).sort((a, b) => b.length - a.length),
  };
}
