// What the layout stage hands to the rest of the pipeline.

import type { Article } from '../types.js';
import type { Passage } from '../text/passage.js';

export interface LayoutResult {
  /** Articles in page order, with raw code-point spans and clean paragraphs (docs/output.md). */
  articles: Article[];
  /**
   * Every piece of text the extractors should read: body paragraphs, headlines, subtitles, bylines,
   * continuation markers, each tagged with its article (-1: none). Extractors report spans through
   * the passage map, so everything they find keeps raw-page offsets.
   */
  passages: Passage[];
}

/** An article with nothing found yet but its span and paragraphs; the layout fills in the rest. */
export function newArticle(start = 0, end = 0, paragraphs: string[] = []): Article {
  return { title: null, subtitle: null, reporters: [], correspondents: [], dateline: null, continued_from: null, start, end, paragraphs };
}
