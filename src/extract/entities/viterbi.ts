// Constrained Viterbi decoding over the BIOES labels.
//
// Scores come in as a flat emission matrix (n positions x L labels) plus a transition matrix whose
// row L is the start state and column L the end state. Transitions that break BIOES (B-PER -> O,
// I-LOC -> B-ORG, ...) are never taken, so every decoded sequence reads back as clean spans.

import { NUM_LABELS, allowedEnd, allowedTransition } from './labels.js';

const L = NUM_LABELS;

/** ALLOWED[(prev + 1) * L + next]: prev = -1 is the start state. */
const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array((L + 1) * L);
  for (let p = -1; p < L; p++) for (let n = 0; n < L; n++) a[(p + 1) * L + n] = allowedTransition(p, n) ? 1 : 0;
  return a;
})();
const ALLOWED_END: Uint8Array = Uint8Array.from({ length: L }, (_, l) => (allowedEnd(l) ? 1 : 0));

/** Transition weights: (L + 1) x (L + 1); index (prev + 1) * (L + 1) + next, next = L is the end. */
export function transIndex(prev: number, next: number): number {
  return (prev + 1) * (L + 1) + next;
}
export const TRANS_SIZE = (L + 1) * (L + 1);

/**
 * Best label sequence for `n` positions. `emit[i * L + l]` is the score of label l at position i,
 * `trans` the transition weights (see transIndex). Writes the labels into `out` and returns it.
 */
export function viterbi(
  emit: Float64Array | Float32Array,
  n: number,
  trans: Float64Array | Float32Array,
  out: Uint8Array = new Uint8Array(n),
): Uint8Array {
  if (n === 0) return out;
  const score = new Float64Array(n * L);
  const back = new Uint8Array(n * L);
  for (let l = 0; l < L; l++) {
    score[l] = ALLOWED[l] ? emit[l]! + trans[transIndex(-1, l)]! : -Infinity;
  }
  for (let i = 1; i < n; i++) {
    const row = i * L;
    const prevRow = row - L;
    for (let l = 0; l < L; l++) {
      let best = -Infinity;
      let arg = 0;
      for (let p = 0; p < L; p++) {
        if (!ALLOWED[(p + 1) * L + l]) continue;
        const s = score[prevRow + p]! + trans[(p + 1) * (L + 1) + l]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      score[row + l] = best + emit[row + l]!;
      back[row + l] = arg;
    }
  }
  const last = (n - 1) * L;
  let best = -Infinity;
  let arg = 0;
  for (let l = 0; l < L; l++) {
    if (!ALLOWED_END[l]) continue;
    const s = score[last + l]! + trans[transIndex(l, L)]!;
    if (s > best) {
      best = s;
      arg = l;
    }
  }
  out[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * L + out[i]!]!;
  return out;
}
