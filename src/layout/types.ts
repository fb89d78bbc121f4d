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
  /**
   * Raw code-point ranges [start, end) the layout read as furniture and left out of every passage: page
   * headers and mastheads, source / time / editor / share lines, the brackets of 【headline】, a digest
   * item's bullet. Absent when there is none. With the passages, they account for every character.
   */
  furniture?: [number, number][];
}

/** An article with nothing found yet but its span and paragraphs; the layout fills in the rest. */
export function newArticle(start = 0, end = 0, paragraphs: string[] = []): Article {
  return { title: null, subtitle: null, reporters: [], correspondents: [], dateline: null, continued_from: null, start, end, paragraphs };
}
