// Layout of a single-story file: wire copy, a web page saved as text, a local-paper story, a broadcast
// item. One paragraph per line (as such files come), with the story's furniture around the body:
//
//   head   a headline of one or two lines, or 【headline】; a subtitle ——…; a kicker …——; a byline line
//          (□本报记者 张三); source / time / 字号 lines (来源：新华网　2024-03-05 10:20)
//   body   the paragraphs; the first may open with a dateline (新华社北京3月5日电（记者 张三）,
//          本报讯（记者 … 通讯员 …）), which stays in it and names the reporters
//   tail   a closing byline — on its own line or after the last sentence (…。（记者 张三）) — and
//          editor / share lines (责任编辑：李四, [责任编辑：李四]); an editor is no reporter
//
// Furniture lines may stand anywhere. Every character ends up in a passage (headline, subtitle, byline,
// paragraph) or in a furniture range; only whitespace is left out.
//   "美日韩举行会谈\n\n新华社东京3月5日电（记者 张三）…。\n责任编辑：李四"
//     -> title "美日韩举行会谈", dateline "3月5日", reporters ["张三"], one paragraph; the editor line is furniture
// A text with none of these shapes is running text (layoutRunningText), unchanged.

import type { Passage } from '../text/passage.js';
import { verbatimPassage } from '../text/passage.js';
import { utf16ToCodePoints } from '../text/codepoints.js';
import { isTraditional, toSimplified } from '../normalize/script.js';
import { newArticle, type LayoutResult } from './types.js';
import { endsSentence, endsWithLeadDash, splitLines, startsWithDash, type Line } from './lines.js';
import { inOriginal, type Byline, type LayoutCues } from './cues.js';
import { buildPassage } from './passages.js';
import { layoutRunningText } from './running-text.js';

// A headline is short: longer lines are body whatever they look like.
const MAX_HEADLINE_WIDTH = 40;
// A headline of more lines than this is no headline: a list or verse opening the text.
const MAX_HEADLINE_LINES = 2;
// Bylines and furniture lines are short too.
const MAX_CUE_WIDTH = 60;

/** 【headline】 on a line of its own: the broadcast items' headline. */
const BRACKETED = /^【([^【】]{2,80})】$/u;

type Role =
  | { kind: 'title' }
  | { kind: 'bracketed' }
  | { kind: 'subtitle' }
  | { kind: 'byline'; byline: Byline }
  | { kind: 'furniture' }
  | { kind: 'body' };

/**
 * Could this line of a story's head be (part of) its headline? Short, unindented, no full stop, no
 * dateline. A question or exclamation may end a headline ("还能这样？"), a full stop may not.
 */
function headlineLike(cues: LayoutCues, l: Line): boolean {
  if (l.indent >= 1 || l.width > MAX_HEADLINE_WIDTH) return false;
  if (/[。；;]/u.test(l.compact)) return false;
  if (endsSentence(l.compact) && !/[？！?!]$/u.test(l.compact)) return false;
  return cues.matchDateline(l.compact) === null;
}

/** A byline on a line of its own: □本报记者 张三 / （记者 张三） / 文/张三. */
function bylineOf(cues: LayoutCues, l: Line): Byline | null {
  return l.width <= MAX_CUE_WIDTH ? cues.parseByline(l.text) : null;
}

function furnitureLine(cues: LayoutCues, l: Line): boolean {
  return l.width <= MAX_CUE_WIDTH && cues.isFurniture(l.compact);
}

/** Roles of the non-blank lines, or null when the text shows no story structure at all. */
function readRoles(cues: LayoutCues, text: Line[]): Role[] | null {
  const roles: Role[] = text.map(() => ({ kind: 'body' }));
  // Head: from the top, while lines are headline, subtitle, byline or furniture.
  let titles = 0;
  let lastTitle = -2;
  let bylineSeen = false;
  let head = 0;
  for (; head < text.length; head++) {
    const l = text[head]!;
    if (furnitureLine(cues, l)) {
      roles[head] = { kind: 'furniture' };
      continue;
    }
    const b = bylineOf(cues, l);
    if (b) {
      roles[head] = { kind: 'byline', byline: b };
      bylineSeen = true;
      continue;
    }
    if (bylineSeen) break; // a byline closes the head
    if (titles === 0 && BRACKETED.test(l.compact)) {
      roles[head] = { kind: 'bracketed' };
      titles = MAX_HEADLINE_LINES;
      continue;
    }
    if (l.indent < 1 && (startsWithDash(l.compact) || endsWithLeadDash(l.compact)) && l.width <= MAX_HEADLINE_WIDTH) {
      roles[head] = { kind: 'subtitle' };
      continue;
    }
    // A second headline line follows the first directly, with no blank line between.
    if (headlineLike(cues, l) && (titles === 0 || lastTitle === l.n - 1)) {
      if (titles >= MAX_HEADLINE_LINES) {
        // One line too many: a list or verse opening the text, no headline.
        for (let k = 0; k < head; k++) if (roles[k]!.kind === 'title') roles[k] = { kind: 'body' };
        head = roles.findIndex((r) => r.kind === 'body');
        break;
      }
      roles[head] = { kind: 'title' };
      titles++;
      lastTitle = l.n;
      continue;
    }
    break;
  }
  // A headline needs a body under it: a text of headline-like lines only is running text.
  if (head >= text.length) return null;
  // Tail: from the bottom, while lines are furniture or closing bylines.
  for (let k = text.length - 1; k > head; k--) {
    const l = text[k]!;
    if (furnitureLine(cues, l)) roles[k] = { kind: 'furniture' };
    else {
      const b = bylineOf(cues, l);
      if (!b) break;
      roles[k] = { kind: 'byline', byline: b };
    }
  }
  // Furniture between paragraphs (a 字号 or share line set in the body).
  for (let k = head; k < text.length; k++) {
    if (roles[k]!.kind === 'body' && furnitureLine(cues, text[k]!)) roles[k] = { kind: 'furniture' };
  }
  return roles.some((r) => r.kind !== 'body') ? roles : null;
}

/**
 * Story layout; falls back to running text when the text shows none of a story's shapes.
 * `cues`: a dicts folder's layout cues (Resources.layoutCues).
 * `traditional`: whether the text is Traditional Chinese, when the caller knows (else detected).
 */
export function layoutStory(raw: string, cues: LayoutCues, traditional?: boolean): LayoutResult {
  if (typeof raw !== 'string' || !raw.trim()) return { articles: [], passages: [] };
  const convert = traditional ?? isTraditional(raw);
  // Cues are Simplified: a Traditional text is read through a Simplified copy of the same length.
  const cue = convert ? toSimplified(raw) : raw;
  const text = splitLines(cue).filter((l) => l.compact);
  const roles = readRoles(cues, text);
  const hasClosing = text.length > 0 && cues.closingByline(text[text.length - 1]!.text) !== null;
  if (!roles && !hasClosing) return layoutRunningText(raw, cues, convert);
  const cps = utf16ToCodePoints(raw);
  const cpAt = (i: number) => cps[i]!;
  const piece = (l: Line, s = l.cs, e = l.ce) => ({ line: l.n, s, e });
  const furniture: [number, number][] = [];
  const passages: Passage[] = [];
  const art = newArticle();
  const bylines: Byline[] = [];
  const titleLines: Line[] = [];
  const subtitles: Passage[] = [];
  const body: number[] = [];
  let bracketOpen = -1;

  (roles ?? text.map((): Role => ({ kind: 'body' }))).forEach((r, k) => {
    const l = text[k]!;
    switch (r.kind) {
      case 'furniture':
        furniture.push([cpAt(l.cs), cpAt(l.ce)]);
        break;
      case 'byline':
        passages.push(buildPassage(raw, cps, [piece(l)], 'byline', 0));
        bylines.push(inOriginal(r.byline, l.text, raw.slice(l.cs, l.ce)));
        break;
      case 'title':
        titleLines.push(l);
        break;
      case 'bracketed': {
        // The brackets are print; the headline is what they hold.
        const open = l.cs + raw.slice(l.cs).indexOf('【');
        const close = l.cs + raw.slice(l.cs, l.ce).lastIndexOf('】');
        furniture.push([cpAt(open), cpAt(open) + 1], [cpAt(close), cpAt(close) + 1]);
        bracketOpen = cpAt(open);
        titleLines.push({ ...l, cs: open + 1, ce: close });
        break;
      }
      case 'subtitle': {
        const p = buildPassage(raw, cps, [piece(l)], 'subtitle', 0);
        subtitles.push(p);
        passages.push(p);
        break;
      }
      case 'body':
        body.push(k);
        break;
    }
  });

  if (titleLines.length) {
    const title = buildPassage(raw, cps, titleLines.map((l) => piece(l)), 'headline', 0);
    passages.push(title);
    art.title = title.text || null;
  }
  if (subtitles.length) art.subtitle = subtitles.map((p) => p.text).join('').replace(/^[—－-]+|[—－-]+$/gu, '') || null;

  body.forEach((k, j) => {
    const l = text[k]!;
    let end = l.ce;
    if (j === body.length - 1) {
      // A byline after the last sentence closes the story; it is no paragraph text.
      const closing = cues.closingByline(l.text);
      if (closing) {
        const at = l.cs + closing.at;
        passages.push(buildPassage(raw, cps, [piece(l, at, l.ce)], 'byline', 0));
        bylines.push(inOriginal(closing.byline, cue.slice(at, l.ce), raw.slice(at, l.ce)));
        end = at;
        while (end > l.cs && /\s/u.test(raw[end - 1]!)) end--;
      }
    }
    if (end <= l.cs) return;
    const p = verbatimPassage(raw.slice(l.cs, end), cps[l.cs]!, 'paragraph', 0);
    passages.push(p);
    art.paragraphs.push(p.text);
  });

  // The dateline opens the first paragraph and stays in it.
  const first = body.length ? text[body[0]!]! : null;
  if (first) {
    const d = cues.readDateline(first.text);
    if (d) {
      art.dateline = d.date;
      if (d.byline) bylines.unshift(inOriginal(d.byline, first.text, raw.slice(first.cs, first.ce)));
    }
  }
  art.reporters = [...new Set(bylines.flatMap((b) => b.reporters))];
  art.correspondents = [...new Set(bylines.flatMap((b) => b.correspondents))];
  if (passages.length === 0) return { articles: [], passages: [], furniture };
  passages.sort((x, y) => (x.map[0] ?? 0) - (y.map[0] ?? 0));
  // A 【headline】's bracket opens the story's first line: the span starts there.
  art.start = bracketOpen >= 0 ? bracketOpen : Infinity;
  for (const p of passages) {
    if (p.map.length === 0) continue;
    art.start = Math.min(art.start, p.map[0]!);
    art.end = Math.max(art.end, p.map[p.map.length - 1]! + 1);
  }
  return { articles: [art], passages, ...(furniture.length ? { furniture } : {}) };
}
