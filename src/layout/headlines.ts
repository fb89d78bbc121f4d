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

/**
 * Index of the first value of an ascending list that is greater than x (the list's length when none).
 * A binary search: a page of tens of thousands of headline groups asks it once per pair it weighs.
 */
export function firstAbove(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Number of values of an ascending list of distinct integers that lie strictly between lo and hi. */
export function countBetween(sorted: ArrayLike<number>, lo: number, hi: number): number {
  return hi <= lo ? 0 : Math.max(0, firstAbove(sorted, hi - 1) - firstAbove(sorted, lo));
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

/**
 * The words of the page's bodies, indexed once: `share(text, a)` is the share of the text's character
 * bigrams found in body `a`, each weighted by how few bodies contain it (idf).
 */
export class BodyWords {
  private readonly sets: Set<string>[];
  private readonly df = new Map<string, number>();
  constructor(readonly bodies: string[]) {
    this.sets = bodies.map((b) => new Set(bigrams(b)));
    for (const set of this.sets) for (const g of set) this.df.set(g, (this.df.get(g) ?? 0) + 1);
  }
  /** The text's distinct bigrams with their weights, and their total. */
  weigh(text: string): { grams: string[]; weight: Map<string, number>; total: number } {
    const N = this.bodies.length;
    const grams = [...new Set(bigrams(text))];
    const weight = new Map(grams.map((g) => [g, Math.log(1 + (N + 1) / (1 + (this.df.get(g) ?? 0)))]));
    return { grams, weight, total: grams.reduce((s, g) => s + weight.get(g)!, 0) };
  }
  share(text: string, a: number): number {
    const { grams, weight, total } = this.weigh(text);
    return this.shareOf(grams, weight, total, a);
  }
  shareOf(grams: string[], weight: Map<string, number>, total: number, a: number): number {
    const set = this.sets[a];
    if (!set || total <= 0) return 0;
    return grams.reduce((s, g) => s + (set.has(g) ? weight.get(g)! : 0), 0) / total;
  }
}

// A run's top lines are the title of the body above when their words lean that way and the rest are
// clearly about the body below.
const SPLIT_MIN_UP = 0.25;
const SPLIT_UP_MARGIN = 0.05;
const SPLIT_MIN_DOWN = 0.4;
const SPLIT_DOWN_MARGIN = 0.2;

/**
 * Where a run of headline lines between two bodies changes story: the first lines may be the title
 * printed after the body above, the rest the title of the body below ("…心理压力大" / "美日韩开通国家" /
 * "安全委员会三方热线"). Returns k (lines [0, k) go with the body above), or 0 to keep the run whole.
 * The words decide: the top part must share more with the body above than with the one below, the
 * bottom part clearly more with the body below.
 */
export function splitHeadlineLines(lines: string[], words: BodyWords, above: number, below: number): number {
  if (lines.length < 2 || above < 0 || below < 0 || above === below) return 0;
  let best = 0;
  let bestScore = 0;
  for (let k = 1; k < lines.length; k++) {
    const top = lines.slice(0, k).join('');
    const bottom = lines.slice(k).join('');
    const up = words.share(top, above);
    const upElsewhere = words.share(top, below);
    if (up < SPLIT_MIN_UP || up < upElsewhere + SPLIT_UP_MARGIN) continue;
    const down = words.share(bottom, below);
    if (down < SPLIT_MIN_DOWN || down < words.share(bottom, above) + SPLIT_DOWN_MARGIN) continue;
    const score = up - upElsewhere + down;
    if (score > bestScore) [best, bestScore] = [k, score];
  }
  return best;
}

/** For each candidate, the index of its article (-1: none). */
export function assignHeadlines(
  cands: HeadlineCandidate[],
  places: ArticlePlace[],
  bodies: string[],
  heads: number[],
  words: BodyWords = new BodyWords(bodies),
): number[] {
  const out = cands.map(() => -1);
  if (places.length === 0) return out;
  const pairs: { c: number; a: number; score: number }[] = [];
  const firstItems = places.map((p) => p.firstItem);
  cands.forEach((c, ci) => {
    // The first article after the headline (articles never span one).
    const next = firstAbove(firstItems, c.item);
    const lo = Math.max(0, next - 1 - FAR_ARTICLES);
    const hi = Math.min(places.length - 1, next + FAR_ARTICLES);
    const text = (c.subtitle?.text ?? '') + (c.title?.text ?? '');
    const { grams, weight, total } = words.weigh(text);
    const quoted = new Map<number, number>();
    for (const q of quotedTerms(text)) {
      const hits: number[] = [];
      for (let a = lo; a <= hi; a++) if (bodies[a]!.includes(q)) hits.push(a);
      if (hits.length === 1) quoted.set(hits[0]!, QUOTED_BONUS);
    }
    for (let a = lo; a <= hi; a++) {
      const w = words.shareOf(grams, weight, total, a);
      const prior = positionPrior(c, a, next, places, heads);
      const bonus = quoted.get(a) ?? 0;
      if (prior < 0 && w < FAR_MIN_WORDS && bonus === 0) continue;
      const score = WORD_WEIGHT * w + Math.max(prior, 0) + bonus;
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
