// Layout cues read from dicts/: bylines, datelines, continuation markers and page furniture.
//
// The layout stage asks these questions of single lines or of a paragraph's opening; the knowledge
// (labels, patterns) lives in dicts/layout-*.tsv, the code here only knows how a byline is built.
// A LayoutCues holds the tables of one dicts folder; the layout functions take it as an argument.
//   cues.parseByline("□本报记者 王晓明 通讯员 林芳 周子涵") -> { reporters: ["王晓明"], correspondents: ["林芳", "周子涵"] }
//   cues.matchDateline("本报8月11日讯今天下午…") -> { length: 8, date: "8月11日", who: null }
//   cues.matchMarker("（上接第一版）新区…") -> { kind: "from", page: "第一版", start: 0, end: 7 }

import { compilePattern, type DictFolder } from '../dicts.js';
import { isSpace } from '../text/chars.js';

export type BylineRole = 'reporter' | 'correspondent' | 'other' | 'suffix';

export interface Byline {
  reporters: string[];
  correspondents: string[];
  /** Wrapped in brackets: （记者 张三） — printed after the body it belongs to. */
  trailing: boolean;
}

type Marker = { re: RegExp; kind: 'from' | 'to' };

/** The layout cues of one dicts folder (a Resources holds one: resources.ts). */
export function loadLayoutCues(folder: DictFolder): LayoutCues {
  const labels = folder.read('layout-bylines.tsv', 2).map((r) => ({
    label: r.fields[0]!,
    role: r.fields[1]! as BylineRole,
  }));
  // Longest first: 本报记者 before 记者.
  labels.sort((a, b) => b.label.length - a.label.length);
  const patterns = (file: string, flags?: string) => folder.read(file, 1).map((r) => compilePattern(file, r, 0, flags));
  const markers = folder.read('layout-markers.tsv', 2).map((r) => ({
    re: compilePattern('layout-markers.tsv', r, 0),
    kind: (r.fields[1] === 'to' ? 'to' : 'from') as 'from' | 'to',
  }));
  return new LayoutCues(labels, patterns('layout-datelines.tsv', 'ud'), markers, patterns('layout-furniture.tsv'), patterns('layout-captions.tsv'));
}

const BOX = /^[□■◇◆●○▲△☆★]+/u;
const HAN_NAME = /^[\p{Script=Han}]{2,4}$|^[\p{Script=Han}]{1,6}[·•][\p{Script=Han}]{1,6}$/u;
const SEPARATOR = /[\s、／/]+/u;

/** UTF-16 units of a paragraph's opening in which readDateline looks for a dateline. */
const DATELINE_SPAN = 200;

/** A bracketed byline closing a paragraph after its last sentence: "…突破5000亿元。（记者 宗武邦）". */
const TRAILING_BYLINE = /[。！？!?”」][\s\u3000]*([（(][^（）()]{3,40}[）)])[\s\u3000]*$/u;

/** An editor's or source line closing a paragraph in brackets: "（责任编辑：王五）", "（来源：新华社）". */
const TRAILING_CREDIT = /[（(][\s\u3000]*(?:责任编辑|本版编辑|编辑|责编|校对|审核|来源|作者|记者|通讯员|实习生|摄影|摄)[^（）()]{0,40}[）)][\s\u3000]*$/u;

export interface DatelineMatch {
  /** UTF-16 length of the dateline in the compact text it was matched on. */
  length: number;
  date: string | null;
  /** The byline inside the dateline, as [start, end) UTF-16 indices of the compact text. */
  who: [number, number] | null;
}

export interface MarkerMatch {
  kind: 'from' | 'to';
  page: string;
  /** [start, end) UTF-16 indices of the marker in the string it was matched on. */
  start: number;
  end: number;
}

/**
 * A byline read from the Simplified copy of a Traditional text, with its names given back in the
 * original's characters: the copy has the same length, so a name at index k of the copy is the
 * original's [k, k + its length). (陳大文 stays 陳大文, not 陈大文.)
 */
export function inOriginal(b: Byline, copy: string, original: string): Byline {
  if (copy === original) return b;
  const back = (name: string) => {
    const k = copy.indexOf(name);
    return k < 0 ? name : original.slice(k, k + name.length);
  };
  return { ...b, reporters: b.reporters.map(back), correspondents: b.correspondents.map(back) };
}

/**
 * The text (its first `limit` UTF-16 units) with all whitespace removed, and for each of its UTF-16
 * indices the index in `text`: cues are matched on the compact form, then cut from the text itself.
 */
export function compactWithIndex(text: string, limit = text.length): { compact: string; index: number[] } {
  let compact = '';
  const index: number[] = [];
  for (let i = 0, n = Math.min(text.length, limit); i < n; i++) {
    if (isSpace(text[i]!)) continue;
    compact += text[i];
    index.push(i);
  }
  return { compact, index };
}

/**
 * The cues of one dicts folder (loadLayoutCues), and the questions the layout asks of them. Every
 * function of the layout that reads a cue takes one: a Pipeline passes its Resources' own.
 */
export class LayoutCues {
  constructor(
    private readonly labels: readonly { label: string; role: BylineRole }[],
    private readonly datelines: readonly RegExp[],
    private readonly markers: readonly Marker[],
    private readonly furniture: readonly RegExp[],
    private readonly captions: readonly RegExp[],
  ) {}

  /**
   * Reads a byline line; null when the line is anything else.
   * "□记者 丁晓慧" -> reporters ["丁晓慧"]; "通讯员 任保龙 报道" -> correspondents ["任保龙"];
   * "记者刘腾报道" (no spaces) -> reporters ["刘腾"]; "记者获悉，帐篷、饮用水…" -> null.
   */
  parseByline(line: string): Byline | null {
    let s = line.trim().replace(BOX, '').trim();
    if (!s || s.length > 40) return null;
    let trailing = false;
    const wrapped = /^[（(](.*)[）)]$/u.exec(s);
    if (wrapped) {
      s = wrapped[1]!.trim();
      trailing = true;
    }
    const { labels } = this;
    const out: Byline = { reporters: [], correspondents: [], trailing };
    let role: BylineRole | null = null;
    let sawLabel = false;
    let sawName = false;
    let i = 0;
    while (i < s.length) {
      const sep = SEPARATOR.exec(s.slice(i));
      if (sep && sep.index === 0) {
        i += sep[0].length;
        continue;
      }
      const hit = labels.find((l) => s.startsWith(l.label, i));
      if (hit) {
        if (hit.role === 'suffix') {
          // A suffix closes the byline: nothing but space may follow.
          if (s.slice(i + hit.label.length).trim() !== '' || !sawName) return null;
          break;
        }
        if (!sawLabel && i > 0) return null;
        role = hit.role;
        sawLabel = true;
        i += hit.label.length;
        continue;
      }
      if (!sawLabel || role === null) return null;
      // A name runs to the next separator, label or suffix.
      let j = i;
      while (j < s.length && !SEPARATOR.test(s[j]!) && !labels.some((l) => s.startsWith(l.label, j))) j++;
      const name = s.slice(i, j);
      if (!HAN_NAME.test(name)) return null;
      if (role === 'reporter') out.reporters.push(name);
      else if (role === 'correspondent') out.correspondents.push(name);
      sawName = true;
      i = j;
    }
    return sawLabel && sawName ? out : null;
  }

  /** A dateline at the start of `compact` (a paragraph with its whitespace removed), or null. */
  matchDateline(compact: string): DatelineMatch | null {
    for (const re of this.datelines) {
      const m = re.exec(compact);
      if (!m || m.index !== 0) continue;
      const date = m.groups?.date ?? null;
      const idx = (m as RegExpExecArray & { indices?: { groups?: Record<string, [number, number] | undefined> } }).indices;
      const who = idx?.groups?.who ?? null;
      return { length: m[0].length, date, who };
    }
    return null;
  }

  /**
   * The dateline opening a one-line paragraph, read: the date as written and the byline inside it, or null.
   *   readDateline("本报讯（记者 王晓明 通讯员 李佳）11月20日，…") -> { date: null, byline: { reporters: ["王晓明"], correspondents: ["李佳"], … } }
   */
  readDateline(paragraph: string): { date: string | null; byline: Byline | null } | null {
    // Matched on the text without whitespace (as on a page); the byline is cut from the text itself, so
    // the spaces between its names stay. A dateline is short (the patterns allow a 40-character byline), so
    // only the paragraph's opening is looked at: running text can be one line of millions of characters.
    const { compact, index } = compactWithIndex(paragraph, DATELINE_SPAN);
    const d = this.matchDateline(compact);
    if (!d) return null;
    const byline = d.who ? this.parseByline(paragraph.slice(index[d.who[0]]!, index[d.who[1] - 1]! + 1)) : null;
    return { date: d.date, byline };
  }

  /**
   * The byline a paragraph ends with, in brackets after its last sentence, or null. The text stays in the
   * paragraph (it is printed there); only the names are read.
   *   trailingByline("…力争全年外贸规模突破5000亿元。（记者 宗武邦）") -> { reporters: ["宗武邦"], … }
   */
  trailingByline(paragraph: string): Byline | null {
    return this.closingByline(paragraph)?.byline ?? null;
  }

  /**
   * The bracketed byline closing a paragraph, with the UTF-16 index of its opening bracket, or null.
   *   closingByline("…健康成长！（记者 张三）") -> { at: 6, byline: { reporters: ["张三"], … } }
   */
  closingByline(paragraph: string): { at: number; byline: Byline } | null {
    const tail = paragraph.slice(-60);
    const m = TRAILING_BYLINE.exec(tail);
    const byline = m ? this.parseByline(m[1]!) : null;
    if (!m || !byline) return null;
    return { at: paragraph.length - tail.length + m.index + m[0].indexOf(m[1]!), byline };
  }

  /**
   * The parts of a paragraph that say who reported it rather than what it reports, as [start, end) UTF-16
   * indices: the dateline it opens with (新华社北京3月5日电（记者 孙立平）) and a bracketed byline, editor or
   * source line it ends with. Keywords skip them.
   *   creditSpans("本报讯（记者 王晓明）全市……。（责任编辑：李明）") -> [[0, 12], [the closing bracket's span]]
   */
  creditSpans(paragraph: string): [number, number][] {
    const spans: [number, number][] = [];
    const { compact, index } = compactWithIndex(paragraph, DATELINE_SPAN);
    const d = this.matchDateline(compact);
    if (d && d.length > 0) spans.push([0, index[d.length - 1]! + 1]);
    const tail = paragraph.slice(-60);
    const m = TRAILING_CREDIT.exec(tail) ?? TRAILING_BYLINE.exec(tail);
    if (m) spans.push([paragraph.length - tail.length + m.index, paragraph.length]);
    return spans;
  }

  /** A continuation marker in `compact` (a line with its whitespace removed), or null. */
  matchMarker(compact: string): MarkerMatch | null {
    for (const { re, kind } of this.markers) {
      const m = re.exec(compact);
      if (!m) continue;
      let page = m.groups?.page ?? '';
      if (page && !page.startsWith('第') && /版$/u.test(page)) page = `第${page}`;
      return { kind, page, start: m.index, end: m.index + m[0].length };
    }
    return null;
  }

  /** Does a line (whitespace removed) open or close a photo caption? (layout-captions.tsv) */
  isCaption(compact: string): boolean {
    return this.captions.some((re) => re.test(compact));
  }

  /** Page furniture (版头, 责任编辑：…): `compact` is the whole line without whitespace. */
  isFurniture(compact: string): boolean {
    return this.furniture.some((re) => re.test(compact));
  }
}
