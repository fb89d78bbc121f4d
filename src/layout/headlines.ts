// Which article does each headline group belong to?
//
// A headline usually sits right before its body, sometimes right after it, and on a made-up page
// sometimes far away (a kicker on one column, the title three articles later). Two signals decide:
//   position — before the next body beats after the previous one; printed flush against a body
//              (no blank line) beats across a blank; other headline groups in between weaken it;
//   words    — the share of the headline's character bigrams found in the body, weighted by how
//              few articles on the page contain them ("微改革" picks its article, "发展" picks none).
// Pairs are taken best first; an article takes one title group and one subtitle.
//   "国产商用车 / “排队”出海" after the 330-vehicles story, before a continuation about climate
//   finance -> the vehicles story (商用车 occurs there only).

import type { Passage } from '../text/passage.js';

export interface HeadlineCandidate {
  /** Index of the headline item in page order. */
  item: number;
  firstLine: number;
  lastLine: number;
  title: Passage | null;
  subtitle: Passage | null;
}

export interface ArticlePlace {
  firstLine: number;
  lastLine: number;
  firstItem: number;
  lastItem: number;
}

// Position priors, on the same scale as the word score (0..1).
const BEFORE_FLUSH = 0.6;
const BEFORE_GAP = 0.45;
const AFTER_FLUSH = 0.3;
const AFTER_GAP = 0.3;
const PER_GROUP_BETWEEN = 0.15;
const PER_ARTICLE_BETWEEN = 0.25;
const MAX_ARTICLES_BETWEEN = 1;
const QUOTED_BONUS = 0.5;
const WORD_WEIGHT = 1.5;
// Far from the article: only the words speak, and they must speak clearly.
const FAR_MIN_WORDS = 0.5;
// How many articles either side a headline may travel on the word evidence alone.
const FAR_ARTICLES = 8;
const MIN_SCORE = 0.2;

function bigrams(text: string): string[] {
  const out: string[] = [];
  for (const seg of text.split(/[^\p{Script=Han}A-Za-z0-9０-９Ａ-Ｚａ-ｚ]+/u)) {
    const cs = Array.from(seg);
    for (let i = 0; i + 1 < cs.length; i++) out.push(cs[i]! + cs[i + 1]!);
  }
  return out;
}

/** Number of values in the sorted list that lie strictly between lo and hi. */
function countBetween(sorted: number[], lo: number, hi: number): number {
  let n = 0;
  for (const h of sorted) if (h > lo && h < hi) n++;
  return n;
}

/**
 * Position prior of headline `c` for article `a`; -1 when they are not neighbours. Other headline
 * groups and at most one other article may stand between them, each weakening the link. `next` is
 * the first article after the headline (articles never span a headline).
 */
function positionPrior(c: HeadlineCandidate, a: number, next: number, places: ArticlePlace[], heads: number[]): number {
  const p = places[a]!;
  const before = a >= next;
  const articlesBetween = before ? a - next : next - 1 - a;
  if (articlesBetween > MAX_ARTICLES_BETWEEN) return -1;
  const between = before ? countBetween(heads, c.item, p.firstItem) : countBetween(heads, p.lastItem, c.item);
  const base = before
    ? c.lastLine + 1 === p.firstLine ? BEFORE_FLUSH : BEFORE_GAP
    : p.lastLine + 1 === c.firstLine ? AFTER_FLUSH : AFTER_GAP;
  return base - PER_GROUP_BETWEEN * between - PER_ARTICLE_BETWEEN * articlesBetween;
}

// Quoted coinages in a headline (“微改革”, “萨德”) are the story's signature: found in one body only,
// they name the article wherever it stands on the page.
const QUOTED = /[“"‘「『]([^“”"‘’「」『』]{2,12})[”"’」』]/gu;

function quotedTerms(text: string): string[] {
  return [...text.matchAll(QUOTED)].map((m) => m[1]!.replace(/\s+/gu, ''));
}

/** For each candidate, the index of its article (-1: none). */
export function assignHeadlines(
  cands: HeadlineCandidate[],
  places: ArticlePlace[],
  bodies: string[],
  heads: number[],
): number[] {
  const out = cands.map(() => -1);
  if (places.length === 0) return out;
  const bodySets = bodies.map((b) => new Set(bigrams(b)));
  const df = new Map<string, number>();
  for (const set of bodySets) for (const g of set) df.set(g, (df.get(g) ?? 0) + 1);
  const N = bodies.length;
  const pairs: { c: number; a: number; score: number }[] = [];
  cands.forEach((c, ci) => {
    let next = places.findIndex((p) => p.firstItem > c.item);
    if (next < 0) next = places.length;
    const lo = Math.max(0, next - 1 - FAR_ARTICLES);
    const hi = Math.min(places.length - 1, next + FAR_ARTICLES);
    const text = (c.subtitle?.text ?? '') + (c.title?.text ?? '');
    const grams = [...new Set(bigrams(text))];
    const weight = new Map(grams.map((g) => [g, Math.log(1 + (N + 1) / (1 + (df.get(g) ?? 0)))]));
    const total = grams.reduce((s, g) => s + weight.get(g)!, 0);
    const quoted = new Map<number, number>();
    for (const q of quotedTerms(text)) {
      const hits: number[] = [];
      for (let a = lo; a <= hi; a++) if (bodies[a]!.includes(q)) hits.push(a);
      if (hits.length === 1) quoted.set(hits[0]!, QUOTED_BONUS);
    }
    for (let a = lo; a <= hi; a++) {
      const words = total > 0 ? grams.reduce((s, g) => s + (bodySets[a]!.has(g) ? weight.get(g)! : 0), 0) / total : 0;
      const prior = positionPrior(c, a, next, places, heads);
      const bonus = quoted.get(a) ?? 0;
      if (prior < 0 && words < FAR_MIN_WORDS && bonus === 0) continue;
      const score = WORD_WEIGHT * words + Math.max(prior, 0) + bonus;
      if (score >= MIN_SCORE) pairs.push({ c: ci, a, score });
    }
  });
  pairs.sort((x, y) => y.score - x.score || x.c - y.c || x.a - y.a);
  const hasTitle = new Set<number>();
  const hasSub = new Set<number>();
  for (const { c, a } of pairs) {
    if (out[c]! >= 0) continue;
    const cand = cands[c]!;
    if (cand.title && hasTitle.has(a)) continue;
    if (cand.subtitle && hasSub.has(a)) continue;
    out[c] = a;
    if (cand.title) hasTitle.add(a);
    if (cand.subtitle) hasSub.add(a);
  }
  return out;
}
