// What an extractor returns: matches in UTF-16 indices [s, e) of the passage text it was given.
// The pipeline maps them to raw code-point spans (src/text/passage.ts); extractors never see offsets
// of the raw document.

import type { Entity, Figure, FigureType, Slogan, Span } from '../types.js';

export interface Match {
  s: number;
  e: number;
}

/** A record type's own fields (src/types.ts), at a passage position instead of a document span. */
type AtMatch<T extends Span> = Match & Omit<T, keyof Span>;

export type EntityMatch = AtMatch<Entity>;
export type FigureMatch = AtMatch<Figure>;
export type SloganMatch = AtMatch<Slogan>;
export type { FigureType };

/** What the figures stage knows about the document around a passage. */
export interface FigureContext {
  /** Year that 今年 / bare month-day dates resolve to (from the dateline or the page), if known. */
  referenceYear: number | null;
  /** Ranges of the passage (UTF-16) that belong to another stage (slogans): no figure may overlap them. */
  blocked: readonly Match[];
  /**
   * The currency of a bare 元 in this document when it is not the yuan (HKD in a Hong Kong story that
   * names 港元): figures/currency.ts `documentCurrency`. Absent or null: CNY.
   */
  currency?: string | null;
}
