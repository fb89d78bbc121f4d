// The BIOES label set of the entity tagger and the conversions between labels and spans.
//
// 13 labels: O, then B/I/E/S for each of PER, LOC, ORG. A span is B I* E or a single S:
//   逯 鹰 在 青 岛  ->  B-PER E-PER O B-LOC E-LOC  ->  PER [0,2), LOC [3,5)

import type { EntityType } from '../../types.js';

export const ENTITY_LABEL_TYPES: readonly EntityType[] = ['PER', 'LOC', 'ORG'];
export const NUM_LABELS = 1 + 4 * ENTITY_LABEL_TYPES.length;
export const O = 0;

/** Parts of a BIOES label (O has none). */
export const Part = { B: 0, I: 1, E: 2, S: 3 } as const;
export type Part = (typeof Part)[keyof typeof Part];

/** Label index of part `part` of entity type number `t` (0 PER, 1 LOC, 2 ORG). */
export function labelOf(t: number, part: Part): number {
  return 1 + 4 * t + part;
}

/** Entity type number of a label (-1 for O). */
export function typeOf(label: number): number {
  return label === O ? -1 : (label - 1) >> 2;
}

/** B/I/E/S part of a label (-1 for O). */
export function partOf(label: number): number {
  return label === O ? -1 : (label - 1) & 3;
}

export const LABEL_NAMES: readonly string[] = [
  'O',
  ...ENTITY_LABEL_TYPES.flatMap((t) => ['B', 'I', 'E', 'S'].map((p) => `${p}-${t}`)),
];

/** Labels a span may be left open by (the next label must continue the same entity). */
function isOpen(label: number): boolean {
  const p = partOf(label);
  return p === Part.B || p === Part.I;
}

/** May `next` follow `prev`? (prev = -1 at the start of the sequence.) */
export function allowedTransition(prev: number, next: number): boolean {
  const np = partOf(next);
  if (prev >= 0 && isOpen(prev)) return typeOf(next) === typeOf(prev) && (np === Part.I || np === Part.E);
  return next === O || np === Part.B || np === Part.S;
}

/** May the sequence end on `label`? */
export function allowedEnd(label: number): boolean {
  return !isOpen(label);
}

export interface LabelSpan {
  type: number;
  s: number;
  e: number;
}

/**
 * Spans of a label sequence (indices are positions in the sequence). Viterbi only emits well-formed
 * sequences; for safety an ill-formed run is closed where it breaks rather than dropped.
 */
export function labelsToSpans(labels: ArrayLike<number>): LabelSpan[] {
  const out: LabelSpan[] = [];
  let open = -1;
  let openType = -1;
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    const t = typeOf(l);
    const p = partOf(l);
    if (open >= 0 && (t !== openType || p === Part.B || p === Part.S || l === O)) {
      out.push({ type: openType, s: open, e: i });
      open = -1;
    }
    if (l === O) continue;
    if (p === Part.S) out.push({ type: t, s: i, e: i + 1 });
    else if (p === Part.B) {
      open = i;
      openType = t;
    } else if (open < 0) {
      open = i; // I/E without B: start here
      openType = t;
    }
    if (p === Part.E && open >= 0) {
      out.push({ type: openType, s: open, e: i + 1 });
      open = -1;
    }
  }
  if (open >= 0) out.push({ type: openType, s: open, e: labels.length });
  return out;
}

/** BIOES labels for `n` positions from spans [s, e) with type numbers (overlaps: first wins). */
export function spansToLabels(n: number, spans: readonly LabelSpan[]): Uint8Array {
  const labels = new Uint8Array(n);
  for (const { type, s, e } of spans) {
    if (s < 0 || e > n || e <= s) continue;
    let free = true;
    for (let i = s; i < e; i++) if (labels[i] !== O) free = false;
    if (!free) continue;
    if (e - s === 1) labels[s] = labelOf(type, Part.S);
    else {
      labels[s] = labelOf(type, Part.B);
      for (let i = s + 1; i < e - 1; i++) labels[i] = labelOf(type, Part.I);
      labels[e - 1] = labelOf(type, Part.E);
    }
  }
  return labels;
}
