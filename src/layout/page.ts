// Layout of a PDF-extracted newspaper page: lines -> paragraphs, headlines, bylines -> articles.
//
// A page comes as hard-wrapped column lines: a paragraph starts on an indented line (　　 or two
// spaces), wraps at the column width, and may be cut by a blank line where the column breaks —
// often mid-sentence. Headlines are short unindented lines without sentence-final punctuation,
// printed before or after their body, sometimes far from it. This module
//   1. reads each line (lines.ts) and its cues (cues.ts: bylines, markers, furniture),
//   2. walks the lines deciding, at each line break, hard wrap / paragraph break / column break /
//      headline, and builds items (paragraph, headline group, byline, marker),
//   3. cuts the items into articles (a byline, an opening marker, a dateline or a headline between
//      bodies starts a new one),
//   4. attaches headline groups to articles by position and by the words they share (headlines.ts),
//   5. builds every passage with PassageBuilder, so each character keeps its raw code point.
//
//   "□记者 李涛 报道\n　　本报讯 为进一步提升新区干\n部基层社会治理的能力。"
//     -> one article, reporters ["李涛"], paragraphs ["本报讯为进一步提升新区干部基层社会治理的能力。"]

import type { Article } from '../types.js';
import type { Passage } from '../text/passage.js';
import { isSpace } from '../text/chars.js';
import { buildPassage, type Piece } from './passages.js';
import { utf16ToCodePoints } from '../text/codepoints.js';
import { newArticle, type LayoutResult } from './types.js';
import { endsSentence, endsWithLeadDash, localWidths, splitLines, startsWithDash, type Line } from './lines.js';
import { compactWithIndex, inOriginal, type Byline, type LayoutCues } from './cues.js';
import { isTraditional, toSimplified } from '../normalize/script.js';
import { assignHeadlines, BodyWords, countBetween, firstAbove, splitHeadlineLines, type HeadlineCandidate } from './headlines.js';
import { layoutRunningText } from './running-text.js';

type Item =
  | { type: 'para'; pieces: Piece[]; afterBlank: boolean }
  | { type: 'head'; lines: number[] }
  | { type: 'byline'; line: number; byline: Byline }
  | { type: 'marker'; line: number; s: number; e: number; kind: 'from' | 'to'; page: string }
  | { type: 'caption'; lines: number[] };

/**
 * Does the line open a paragraph by its look: indented, or led by a bullet, as the items of a news
 * digest are ("●4月1日，市图书馆新馆正式开放，").
 */
function opensItem(l: Line): boolean {
  return l.indent >= 1 || BULLET.test(l.compact);
}
const BULLET = /^[●■◆▲★☆◇○•▪]/u;

/** How a caption ends: its photographer's credit (摄 / 摄影), else a full stop. */
const CAPTION_END = /(?:摄影?|[。！.])$/u;

// Lines longer than this are not bylines or headlines whatever they look like.
const MAX_CUE_WIDTH = 40;
// A run of more unindented lines than this without final punctuation is body, not a headline.
const MAX_HEADLINE_LINES = 3;

interface LineCue {
  byline: Byline | null;
  /** An opening marker at the start of the line: its UTF-16 end in raw. */
  from: { e: number; page: string } | null;
  /** The page a closing marker that fills the whole line points to. */
  to: string | null;
  furniture: boolean;
}

/** Reads the cues of a non-blank line. */
function lineCue(cues: LayoutCues, raw: string, l: Line): LineCue {
  let byline: Byline | null = null;
  let from: LineCue['from'] = null;
  if (l.width <= MAX_CUE_WIDTH) byline = cues.parseByline(l.text);
  const m = cues.matchMarker(l.compact);
  if (m && m.kind === 'from' && m.start === 0) {
    // Find where the marker ends in raw: count its non-space characters.
    let k = l.cs;
    let seen = 0;
    while (k < l.ce && seen < m.end) {
      if (!isSpace(raw[k]!)) seen++;
      k++;
    }
    from = { e: k, page: m.page };
  }
  const to = m && m.kind === 'to' && m.start === 0 ? m.page : null;
  return { byline, from, to, furniture: l.width <= MAX_CUE_WIDTH && cues.isFurniture(l.compact) };
}

interface Walk {
  items: Item[];
  /** Raw UTF-16 ranges of furniture: header and footer lines, digest bullets. */
  furniture: [number, number][];
}

/** Step 2: decides what every line is, building items in page order. */
function walkLines(raw: string, lines: Line[], cues: LayoutCues): Walk {
  const lineCues = new Map<number, LineCue>();
  for (const l of lines) if (l.compact) lineCues.set(l.n, lineCue(cues, raw, l));
  const cueOf = (l: Line) => lineCues.get(l.n)!;
  const isStructural = (l: Line) => {
    const c = cueOf(l);
    return !!c.byline || !!c.from || c.to !== null;
  };
  const isText = (l: Line) => !!l.compact && !isStructural(l) && !cueOf(l).furniture;
  const widths = localWidths(lines, isText);
  const textLines = lines.filter(isText);
  const indented = textLines.filter((l) => l.indent >= 1).length;
  // Pages without indentation mark paragraphs by a short last line instead.
  const usesIndent = indented >= 2 || (textLines.length > 0 && indented / textLines.length >= 0.05);

  const items: Item[] = [];
  const furniture: [number, number][] = [];
  let para: { pieces: Piece[] } | null = null;
  const open = () => {
    if (!para) return false;
    const last = para.pieces[para.pieces.length - 1]!;
    const text = raw.slice(last.s, last.e).replace(/\s+/gu, '');
    if (endsSentence(text)) return false;
    // A bracketed byline after the last sentence closes the paragraph too, even wrapped over two
    // lines: "…同比增长9.1%。（记者" / "张三 李四）".
    if (/[）)]$/u.test(text)) {
      const prev = para.pieces[para.pieces.length - 2];
      if (cues.trailingByline((prev ? raw.slice(prev.s, prev.e) : '') + raw.slice(last.s, last.e))) return false;
    }
    return true;
  };
  const startPara = (piece: Piece) => {
    para = { pieces: [piece] };
    const prevLine = lines[piece.line - 1];
    items.push({ type: 'para', pieces: para.pieces, afterBlank: !!prevLine && !prevLine.compact });
  };
  // A paragraph line may end with a closing marker: "…的优质（下转第二版）".
  const addPiece = (l: Line, s: number) => {
    const m = cues.matchMarker(l.compact);
    let e = l.ce;
    let marker: Item | null = null;
    if (m && m.kind === 'to' && m.end === l.compact.length) {
      let k = l.ce;
      let seen = 0;
      while (k > s && seen < m.end - m.start) {
        if (!isSpace(raw[k - 1]!)) seen++;
        k--;
      }
      e = k;
      while (e > s && isSpace(raw[e - 1]!)) e--;
      marker = { type: 'marker', line: l.n, s: k, e: l.ce, kind: 'to', page: m.page };
    }
    if (e > s) {
      if (para) para.pieces.push({ line: l.n, s, e });
      else startPara({ line: l.n, s, e });
    }
    if (marker) {
      items.push(marker);
      para = null;
    }
  };

  const isPlain = (l: Line) => !!l.compact && !opensItem(l) && !isStructural(l) && !cueOf(l).furniture;

  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (!l.compact) continue; // blank: a column break keeps the paragraph open
    const cue = cueOf(l);
    const W = widths[l.n]!;
    const wasOpen = open();
    if (cue.from) {
      items.push({ type: 'marker', line: l.n, s: l.cs, e: cue.from.e, kind: 'from', page: cue.from.page });
      para = null;
      let s = cue.from.e;
      while (s < l.ce && isSpace(raw[s]!)) s++;
      if (s < l.ce) addPiece(l, s);
      continue;
    }
    if (cue.to) {
      // "（下转第四版）" on a line of its own closes the fragment.
      items.push({ type: 'marker', line: l.n, s: l.cs, e: l.ce, kind: 'to', page: cue.to });
      para = null;
      continue;
    }
    if (cue.byline && !(wasOpen && l.indent < 1 && !/^[□■]/u.test(l.compact))) {
      items.push({ type: 'byline', line: l.n, byline: cue.byline });
      para = null;
      continue;
    }
    if (cue.furniture && !wasOpen) {
      // Page furniture between two finished sentences ends the paragraph: text after it starts anew,
      // so no passage spans a line it leaves out.
      furniture.push([l.cs, l.ce]);
      para = null;
      continue;
    }
    // A photo caption printed between the articles: its own item, in no article. It may wrap; it
    // ends at its credit ("…摄") or at the end of a sentence. (Asked only here, where a paragraph has
    // ended: its patterns are the costliest cue, and most lines continue a paragraph.)
    if (!wasOpen && cues.isCaption(l.compact)) {
      const group = [l.n];
      let k = i;
      while (!CAPTION_END.test(lines[k]!.compact) && k + 1 < lines.length && k - i < 2 && isPlain(lines[k + 1]!)) group.push(lines[++k]!.n);
      if (CAPTION_END.test(lines[k]!.compact)) {
        items.push({ type: 'caption', lines: group });
        para = null;
        i = k;
        continue;
      }
    }
    if (opensItem(l)) {
      para = null;
      // A digest item's bullet is print, not text: the paragraph starts after it.
      let s = l.cs;
      if (BULLET.test(l.compact)) {
        while (s < l.ce && isSpace(raw[s]!)) s++;
        furniture.push([s, s + (raw.codePointAt(s)! > 0xffff ? 2 : 1)]);
        s += raw.codePointAt(s)! > 0xffff ? 2 : 1;
        while (s < l.ce && isSpace(raw[s]!)) s++;
      }
      addPiece(l, s);
      continue;
    }
    if (wasOpen) {
      addPiece(l, l.cs);
      continue;
    }
    // An unindented line after a finished sentence (or at the top of the page, or after a
    // headline, byline or marker): body or headline? Look at the run of unindented lines it opens.
    if (isHeadlineRun(lines, i, widths, isPlain)) {
      const run = plainRun(lines, i, isPlain);
      for (const group of splitHeadlineRun(run)) items.push({ type: 'head', lines: group.map((r) => r.n) });
      para = null;
      i += run.length - 1;
      continue;
    }
    const current = para as { pieces: Piece[] } | null;
    if (!usesIndent && current) {
      // Unindented pages: a short finished line before this one ended its paragraph.
      const prev = current.pieces[current.pieces.length - 1]!;
      if (lines[prev.line]!.width < W - 1.5) para = null;
    }
    addPiece(l, l.cs);
  }
  return { items, furniture };
}

/** Printed width without punctuation, which a column may let hang past its edge. */
function coreWidth(l: Line): number {
  let w = l.indent;
  for (const c of l.compact) if (!/[\p{P}\p{S}]/u.test(c)) w += (c.codePointAt(0) ?? 0) < 0x2000 ? 0.5 : 1;
  return w;
}

/** The run of unindented text lines starting at line i (at most MAX_HEADLINE_LINES + 1 long). */
function plainRun(lines: Line[], i: number, isPlain: (l: Line) => boolean): Line[] {
  const run: Line[] = [];
  for (let j = i; j < lines.length && isPlain(lines[j]!) && run.length <= MAX_HEADLINE_LINES; j++) run.push(lines[j]!);
  return run;
}

/**
 * Is the run of unindented lines starting at line i (after a finished sentence) a headline group?
 *   "国产商用车" / "“排队”出海" then a blank             -> yes (short, no final punctuation)
 *   "“瓶颈”问题。上半年，在持续探索新" …                  -> no (sentence-final punctuation: body)
 *   a single full-width line without punctuation, then a blank and more unindented text -> no, a
 *   column break in the middle of a paragraph — unless that text is itself a headline.
 */
function isHeadlineRun(
  lines: Line[],
  i: number,
  widths: Float64Array,
  isPlain: (l: Line) => boolean,
  depth = 0,
): boolean {
  const run = plainRun(lines, i, isPlain);
  if (run.length === 0 || run.length > MAX_HEADLINE_LINES) return false;
  const W = widths[i]!;
  // Sentence-final punctuation makes body text — except a question or exclamation on a line too
  // long for the column, which only a headline can be ("…能否满足市场期待？").
  const tooLong = (r: Line) => coreWidth(r) > W + 1;
  const final = (r: Line) => !endsWithLeadDash(r.compact) && endsSentence(r.compact) && !(/[？！?!]$/u.test(r.compact) && tooLong(r));
  if (run.some(final)) return false;
  if (run.some((r) => endsWithLeadDash(r.compact))) return true;
  if (run.some((r) => tooLong(r) || r.width < W - 1.5)) return true;
  // Every line is full width: a headline only if structure follows directly (an indented line, a
  // byline, a marker, the page end) or the next text after a blank is a headline too.
  let k = i + run.length;
  if (k >= lines.length || lines[k]!.compact) return true;
  while (k < lines.length && !lines[k]!.compact) k++;
  if (k >= lines.length || !isPlain(lines[k]!)) return true;
  return depth < 3 && isHeadlineRun(lines, k, widths, isPlain, depth + 1);
}

/**
 * Cuts a run of headline lines where a kicker (a line ending in ———, which leads into the title
 * below it) follows a title line: "美日韩…峰会" / "…之际———" / "三国防长…" is two groups, so every
 * title stays one contiguous stretch of the page.
 */
function splitHeadlineRun(run: Line[]): Line[][] {
  const groups: Line[][] = [[]];
  run.forEach((l, k) => {
    const cur = groups[groups.length - 1]!;
    const prev = run[k - 1];
    if (prev && endsWithLeadDash(l.compact) && !endsWithLeadDash(prev.compact) && k + 1 < run.length) groups.push([l]);
    else cur.push(l);
  });
  return groups.filter((g) => g.length > 0);
}

/** An article under construction: its items in page order. */
interface ArticleItems {
  items: number[];
}

/** Step 3: cuts the items into articles. Headline groups are kept aside for step 4. */
function cutArticles(
  items: Item[],
  paraStartsDateline: (i: number) => boolean,
  paraClosed: (i: number) => boolean,
): { articles: ArticleItems[]; heads: number[] } {
  const articles: ArticleItems[] = [];
  const heads: number[] = [];
  let cur: ArticleItems | null = null;
  let hasBody = false;
  const start = () => {
    cur = { items: [] };
    articles.push(cur);
    hasBody = false;
  };
  items.forEach((it, i) => {
    switch (it.type) {
      case 'head':
        heads.push(i);
        cur = null; // a headline between two bodies always separates them
        return;
      case 'byline':
        // A bracketed byline printed after the body belongs to that body.
        if (!cur || (hasBody && !it.byline.trailing)) start();
        break;
      case 'caption':
        return;
      case 'marker':
        if (it.kind === 'from' && (!cur || hasBody)) start();
        // "（下转第二版）" printed after a caption or a headline still ends the article before it.
        else if (!cur && it.kind === 'to' && articles.length > 0) cur = articles[articles.length - 1]!;
        else if (!cur) start();
        break;
      case 'para': {
        // A finished paragraph, a blank line, then an indented one: columns break inside
        // paragraphs, not between them, so this is where one article ends and the next begins.
        const prev = items[i - 1];
        const fresh = it.afterBlank && prev?.type === 'para' && paraClosed(i - 1);
        if (!cur || (hasBody && (fresh || paraStartsDateline(i)))) start();
        hasBody = true;
        break;
      }
    }
    (cur as ArticleItems | null)!.items.push(i);
    if (it.type === 'marker' && it.kind === 'to') cur = null;
  });
  return { articles, heads };
}

/**
 * Page layout: articles with raw code-point spans and clean paragraphs, plus every passage.
 * `cues`: a dicts folder's layout cues (Resources.layoutCues).
 * `traditional`: whether the page is Traditional Chinese, when the caller knows (else detected).
 */
export function layoutPage(raw: string, cues: LayoutCues, traditional?: boolean): LayoutResult {
  if (typeof raw !== 'string' || !raw.trim()) return { articles: [], passages: [] };
  const cps = utf16ToCodePoints(raw);
  // The cues (本报记者, 本报3月5日讯, 责任编辑, 图为 …) are Simplified: a Traditional page (本報記者, 本報4月8日訊)
  // is read through a Simplified copy of the same length, every UTF-16 unit in its place, while the
  // passages' text, titles and names keep the page's own characters.
  const cue = (traditional ?? isTraditional(raw)) ? toSimplified(raw) : raw;
  const simplified = (s: string) => (cue === raw ? s : toSimplified(s));
  const lines = splitLines(cue);
  const { items, furniture } = walkLines(cue, lines, cues);

  // Paragraph passages first (article index filled in below); datelines are read from them.
  const paraPassage = new Map<number, Passage>();
  items.forEach((it, i) => {
    if (it.type === 'para') paraPassage.set(i, buildPassage(raw, cps, it.pieces, 'paragraph', -1));
  });
  const datelineOf = (i: number) => cues.matchDateline(compactWithIndex(simplified(paraPassage.get(i)!.text)).compact);
  const { articles: cut, heads } = cutArticles(
    items,
    (i) => datelineOf(i) !== null,
    (i) => endsSentence(paraPassage.get(i)!.text),
  );

  const passages: Passage[] = [];
  const articles: Article[] = [];
  const bodies: string[] = [];
  const spans: { firstLine: number; lastLine: number; firstItem: number; lastItem: number }[] = [];
  for (const a of cut) {
    const idx = articles.length;
    const art: Article = newArticle();
    const own: Passage[] = [];
    let firstPara = true;
    for (const i of a.items) {
      const it = items[i]!;
      if (it.type === 'para') {
        const p = paraPassage.get(i)!;
        p.article = idx;
        if (!p.text) continue;
        own.push(p);
        art.paragraphs.push(p.text);
        if (firstPara) {
          firstPara = false;
          const { compact, index } = compactWithIndex(simplified(p.text));
          const d = cues.matchDateline(compact);
          if (d) {
            art.dateline = d.date;
            if (d.who) {
              const s = p.map[index[d.who[0]]!]!;
              const e = p.map[index[d.who[1] - 1]!]! + 1;
              // Join the wrapped lines but keep the spaces between names: "记者 孙立\n平 黄敏".
              const join = (t: string) => joinWrapped(sliceByCp(t, cps, s, e));
              const who = cues.parseByline(join(cue));
              if (who) addByline(art, inOriginal(who, join(cue), join(raw)));
            }
          }
        }
      } else if (it.type === 'byline') {
        const l = lines[it.line]!;
        own.push(buildPassage(raw, cps, [{ line: l.n, s: l.cs, e: l.ce }], 'byline', idx));
        addByline(art, inOriginal(it.byline, cue.slice(l.cs, l.ce), raw.slice(l.cs, l.ce)));
      } else if (it.type === 'marker') {
        own.push(buildPassage(raw, cps, [{ line: it.line, s: it.s, e: it.e }], 'marker', idx));
        if (it.kind === 'from' && art.continued_from === null) art.continued_from = it.page || null;
      }
    }
    if (own.length === 0) continue;
    // A bracketed byline closing the last paragraph ("…5000亿元。（记者 宗武邦）") names the reporters too;
    // read from the raw text, whose spaces keep the names apart ("记者 张三 李四").
    const lastPara = own.filter((p) => p.kind === 'paragraph').pop();
    if (lastPara && lastPara.map.length) {
      const tail = (t: string) => joinWrapped(sliceByCp(t, cps, lastPara.map[Math.max(0, lastPara.map.length - 60)]!, lastPara.map[lastPara.map.length - 1]! + 1));
      const closing = cues.trailingByline(tail(cue));
      if (closing) addByline(art, inOriginal(closing, tail(cue), tail(raw)));
    }
    art.start = Math.min(...own.map((p) => p.map[0]!));
    art.end = Math.max(...own.map((p) => p.map[p.map.length - 1]! + 1));
    passages.push(...own);
    articles.push(art);
    bodies.push(art.paragraphs.join(''));
    const lineOf = (i: number): [number, number] => {
      const it = items[i]!;
      if (it.type === 'para') return [it.pieces[0]!.line, it.pieces[it.pieces.length - 1]!.line];
      if (it.type === 'head' || it.type === 'caption') return [it.lines[0]!, it.lines[it.lines.length - 1]!];
      return [it.line, it.line];
    };
    spans.push({
      firstLine: lineOf(a.items[0]!)[0],
      lastLine: lineOf(a.items[a.items.length - 1]!)[1],
      firstItem: a.items[0]!,
      lastItem: a.items[a.items.length - 1]!,
    });
  }

  // Nothing but headline-like lines ("第一行\n第二行"): not a page after all.
  if (articles.length === 0) return layoutRunningText(raw, cues, cue !== raw);

  // Photo captions belong to no article, but their text is read like the rest.
  for (const it of items) {
    if (it.type === 'caption') passages.push(buildPassage(raw, cps, it.lines.map((n) => piece(lines[n]!)), 'caption', -1));
  }

  // Step 4: headline groups.
  const words = new BodyWords(bodies);
  // Headline items and articles both come in page order: one pointer finds the article below each.
  let below = 0;
  const candidates: HeadlineCandidate[] = heads.flatMap((i) => {
    const it = items[i] as Extract<Item, { type: 'head' }>;
    // A subtitle either leads into the title ("…之际———" above it) or follows it ("——全市…调查").
    const isSub = (n: number) => endsWithLeadDash(lines[n]!.compact) || startsWithDash(lines[n]!.compact);
    const candidate = (group: number[]): HeadlineCandidate => {
      const title = group.filter((n) => !isSub(n));
      const sub = group.filter(isSub);
      return {
        item: i,
        firstLine: group[0]!,
        lastLine: group[group.length - 1]!,
        title: title.length ? buildPassage(raw, cps, title.map((n) => piece(lines[n]!)), 'headline', -1) : null,
        subtitle: sub.length ? buildPassage(raw, cps, sub.map((n) => piece(lines[n]!)), 'subtitle', -1) : null,
      };
    };
    // Between two bodies, the run may be two stories' titles: one printed after its body, the next
    // before its own.
    while (below < spans.length && spans[below]!.firstItem < i) below++;
    const above = below - 1;
    const k = it.lines.some(isSub) || below >= spans.length ? 0 : splitHeadlineLines(it.lines.map((n) => lines[n]!.compact), words, above, below);
    return k > 0 ? [candidate(it.lines.slice(0, k)), candidate(it.lines.slice(k))] : [candidate(it.lines)];
  });
  const assigned = assignHeadlines(candidates, spans, bodies, heads, words);
  const firstItems = spans.map((p) => p.firstItem);
  candidates.forEach((c, k) => {
    const a = assigned[k]!;
    for (const p of [c.title, c.subtitle]) {
      if (!p) continue;
      p.article = a;
      passages.push(p);
    }
    if (a < 0) return;
    if (c.title) articles[a]!.title = c.title.text;
    if (c.subtitle) articles[a]!.subtitle = c.subtitle.text.replace(/^[—－-]+|[—－-]+$/gu, '') || null;
    // A headline printed against its body (only blank lines between) is part of the article's
    // span; one printed elsewhere on the page is not (it keeps its own passage).
    // (Articles come in page order: the ones between are those between `a` and the first after the
    // headline; other headline groups between are counted by binary search.)
    const place = spans[a]!;
    const next = firstAbove(firstItems, c.item);
    const touching = c.item < place.firstItem
      ? countBetween(heads, c.item, place.firstItem) === 0 && next >= a
      : countBetween(heads, place.lastItem, c.item) === 0 && next - 1 <= a;
    if (!touching) return;
    for (const p of [c.title, c.subtitle]) {
      if (!p || p.map.length === 0) continue;
      articles[a]!.start = Math.min(articles[a]!.start, p.map[0]!);
      articles[a]!.end = Math.max(articles[a]!.end, p.map[p.map.length - 1]! + 1);
    }
  });

  passages.sort((x, y) => (x.map[0] ?? 0) - (y.map[0] ?? 0));
  if (furniture.length === 0) return { articles, passages };
  return { articles, passages, furniture: furniture.map(([s, e]): [number, number] => [cps[s]!, cps[e]!]) };
}

function piece(l: Line): Piece {
  return { line: l.n, s: l.cs, e: l.ce };
}

function addByline(art: Article, b: Byline): void {
  for (const r of b.reporters) if (!art.reporters.includes(r)) art.reporters.push(r);
  for (const c of b.correspondents) if (!art.correspondents.includes(c)) art.correspondents.push(c);
}

/** Wrapped lines joined, the spaces between words on a line kept: "记者 孙立\n平 黄敏" -> "记者 孙立平 黄敏". */
function joinWrapped(s: string): string {
  return s.replace(/[ \t\u3000]*[\r\n]+[ \t\u3000]*/gu, '');
}

/** raw code points [s, e) as a string. */
function sliceByCp(raw: string, cps: Int32Array, s: number, e: number): string {
  // cps is non-decreasing: binary search, not a walk from the top of the page for every article.
  const a = Math.min(raw.length, firstAbove(cps, s - 1));
  const b = Math.min(raw.length, firstAbove(cps, e - 1));
  return raw.slice(a, b);
}

/**
 * Does the text look like a printed page (hard-wrapped columns, bylines, markers) rather than
 * running text? Running text — one paragraph, or lines that are whole sentences — is passed
 * through untouched by the pipeline.
 *   "　　□记者 李涛 报道\n　　本报讯 为进一步提升新区干\n部基层社会治理的能力和水平，助" -> true
 *   "今年以来，全市经济运行稳中有进。\n全年新增就业5万人。"                           -> false
 */
/** The share of a page's characters that stand in narrow (column) lines. */
const NARROW_SHARE = 0.6;

export function looksLikePage(raw: string, cues: LayoutCues): boolean {
  if (typeof raw !== 'string') return false;
  const lines = splitLines(raw).filter((l) => l.compact);
  if (lines.length < 3) return false;
  let wraps = 0;
  let structural = 0;
  // Lines that stop mid-sentence and go on in the unindented line right under them: a column's wraps
  // (a story's head has at most its two-line headline).
  let continued = 0;
  // Furniture (a source or editor line, a page header) and byline lines neither wrap nor end a
  // sentence: not counted as text.
  let text = 0;
  lines.forEach((l, k) => {
    if (l.width <= MAX_CUE_WIDTH) {
      if (cues.isFurniture(l.compact)) return;
      const m = cues.matchMarker(l.compact);
      if (m && m.kind === 'from' && m.start === 0) structural++;
      if (cues.parseByline(l.text)) {
        structural++;
        return;
      }
    }
    text++;
    // A line closed by a bracketed byline after its last sentence ends a paragraph too.
    if (endsSentence(l.compact) || endsWithLeadDash(l.compact) || cues.trailingByline(l.text)) return;
    wraps++;
    const next = lines[k + 1];
    if (next && next.n === l.n + 1 && next.indent < 1 && !startsWithDash(next.compact)) continued++;
  });
  const widths = lines.map((l) => l.width).sort((a, b) => a - b);
  const median = widths[Math.floor(widths.length / 2)]!;
  // Column text is set in narrow lines: most of its characters stand in them. A story file with one
  // paragraph per line has as many short lines (headline, source, editor) as long ones, but its text
  // is in the long ones.
  let total = 0;
  let narrow = 0;
  for (const w of widths) {
    total += w;
    if (w <= MAX_CUE_WIDTH) narrow += w;
  }
  if (median > MAX_CUE_WIDTH || narrow < NARROW_SHARE * total) return false;
  // Column text: most lines are narrow and stop mid-sentence.
  if (text >= 3 && wraps / text >= 0.4) return true;
  return structural > 0 && continued >= 2;
}
