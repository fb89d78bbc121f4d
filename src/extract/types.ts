// What an extractor returns: matches in UTF-16 indices [s, e) of the passage text it was given.
// The pipeline maps them to raw code-point spans (src/text/passage.ts); extractors never see offsets
// of the raw document.

import type { EntityType, FigureType, SloganKind } from '../types.js';

export interface Match {
  s: number;
  e: number;
}

export interface EntityMatch extends Match {
  type: EntityType;
  titles?: string[];
}

export interface FigureMatch extends Match {
  type: 'number' | 'percent' | 'money' | 'quantity' | 'date' | 'range' | 'ordinal';
  value: number | string | null;
  unit: string | null;
  approx?: boolean;
  low?: number | string | null;
  high?: number | string | null;
  indicator?: string | null;
}
export type { FigureType };

export interface SloganMatch extends Match {
  kind: SloganKind;
  canonical: string;
}

/** What the figures stage knows about the document around a passage. */
export interface FigureContext {
  /** Year that 今年 / bare month-day dates resolve to (from the dateline or the page), if known. */
  referenceYear: number | null;
  /** Ranges of the passage (UTF-16) that belong to another stage (slogans): no figure may overlap them. */
  blocked: readonly Match[];
}
