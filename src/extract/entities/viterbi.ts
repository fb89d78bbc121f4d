// Constrained Viterbi decoding over the BIOES labels.
//
// Scores come in as a flat emission matrix (n positions x L labels) plus a transition matrix whose
// row L is the start state and column L the end state. Transitions that break BIOES (B-PER -> O,
// I-LOC -> B-ORG, ...) are never taken, so every decoded sequence reads back as clean spans.
//
// Only the allowed predecessors of each label are visited (61 of the 169 pairs: I-x and E-x can
// only follow B-x or I-x; O, B-x and S-x only O, E-x or S-x), in ascending order, so ties resolve
// exactly as a full scan would. `viterbi` is that loop unrolled over the labels, with the transition
// weights and the previous position's scores in locals (about three times faster than the loop; the
// tagger runs it on every passage). Its body is generated once, at module load, from the allowed
// transitions of labels.ts (unrolledSource below), so it can never drift from the label set;
// `viterbiGeneric` is the plain loop, which tests compare it to. (Where all of a label's predecessors
// score -Infinity its back pointer differs from the loop's 0, but such a label is never on the best
// path: O is always reachable with a finite score.)

import { NUM_LABELS, allowedEnd, allowedTransition } from './labels.js';

const L = NUM_LABELS;

/** ALLOWED[(prev + 1) * L + next]: prev = -1 is the start state. */
const ALLOWED: Uint8Array = (() => {
  const a = new Uint8Array((L + 1) * L);
  for (let p = -1; p < L; p++) for (let n = 0; n < L; n++) a[(p + 1) * L + n] = allowedTransition(p, n) ? 1 : 0;
  return a;
})();
const ALLOWED_END: Uint8Array = Uint8Array.from({ length: L }, (_, l) => (allowedEnd(l) ? 1 : 0));

/** Allowed predecessors of label l: PREV[PREV_AT[l] .. PREV_AT[l + 1]), ascending. */
const PREV_AT = new Int32Array(L + 1);
const PREV: Int32Array = (() => {
  const list: number[] = [];
  for (let l = 0; l < L; l++) {
    PREV_AT[l] = list.length;
    for (let p = 0; p < L; p++) if (ALLOWED[(p + 1) * L + l]) list.push(p);
  }
  PREV_AT[L] = list.length;
  return Int32Array.from(list);
})();

/** Transition weights: (L + 1) x (L + 1); index (prev + 1) * (L + 1) + next, next = L is the end. */
export function transIndex(prev: number, next: number): number {
  return (prev + 1) * (L + 1) + next;
}
export const TRANS_SIZE = (L + 1) * (L + 1);

// viterbiGeneric's work arrays, grown as needed and reused across calls.
let score = new Float64Array(256 * L);
let back = new Uint8Array(256 * L);

/** Allowed predecessors of label l, ascending. */
const prevOf = (l: number): number[] => Array.from(PREV.subarray(PREV_AT[l]!, PREV_AT[l + 1]!));

/**
 * The body of the unrolled decoder, as JavaScript. Names: t{p}_{l} the weight of prev p -> next l,
 * p{l} the previous position's score of l, b{l} / a{l} the best score and predecessor of l. For B-PER
 * (1), whose predecessors are O (0), E-PER (3), S-PER (4) ...:
 *   let b1 = p0 + t0_1; let a1 = 0; s = p3 + t3_1; if (s > b1) { b1 = s; a1 = 3; } s = p4 + t4_1; ...
 */
function unrolledSource(): string {
  const labels = Array.from({ length: L }, (_, l) => l);
  const js: string[] = [
    'if (n === 0) return out;',
    'if (work.back.length < n * L) work.back = new Uint8Array(Math.max(n * L, work.back.length * 2));',
    'const bk = work.back;',
  ];
  for (const l of labels) for (const p of prevOf(l)) js.push(`const t${p}_${l} = trans[${transIndex(p, l)}];`);
  for (const l of labels) js.push(`let p${l} = ${ALLOWED[l] ? `emit[${l}] + trans[${transIndex(-1, l)}]` : '-Infinity'};`);
  js.push('let s;', 'for (let i = 1; i < n; i++) {', `  const r = i * ${L};`);
  for (const l of labels) {
    const [first, ...rest] = prevOf(l);
    js.push(first === undefined ? `  let b${l} = -Infinity; let a${l} = 0;` : `  let b${l} = p${first} + t${first}_${l}; let a${l} = ${first};`);
    for (const p of rest) js.push(`  s = p${p} + t${p}_${l}; if (s > b${l}) { b${l} = s; a${l} = ${p}; }`);
  }
  for (const l of labels) js.push(`  p${l} = b${l} + emit[r + ${l}]; bk[r + ${l}] = a${l};`);
  js.push('}');
  // The best closed label at the end.
  const [first, ...rest] = labels.filter((l) => ALLOWED_END[l]);
  js.push(`let best = p${first} + trans[${transIndex(first!, L)}]; let arg = ${first};`);
  for (const l of rest) js.push(`s = p${l} + trans[${transIndex(l, L)}]; if (s > best) { best = s; arg = ${l}; }`);
  js.push('out[n - 1] = arg;', 'for (let i = n - 1; i > 0; i--) out[i - 1] = bk[i * L + out[i]];', 'return out;');
  return js.join('\n');
}

type Decoder = (emit: Float64Array | Float32Array, n: number, trans: Float64Array | Float32Array, out: Uint8Array) => Uint8Array;

// The generated decoder's back pointers, grown as needed and reused across calls.
const work = { back: new Uint8Array(256 * L) };
const unrolled = new Function('work', 'L', `return function viterbi(emit, n, trans, out) {\n${unrolledSource()}\n};`)(work, L) as Decoder;

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
  return unrolled(emit, n, trans, out);
}

/** viterbi as a plain loop over the allowed transitions (the reference for the unrolled one). */
export function viterbiGeneric(
  emit: Float64Array | Float32Array,
  n: number,
  trans: Float64Array | Float32Array,
  out: Uint8Array = new Uint8Array(n),
): Uint8Array {
  if (n === 0) return out;
  if (score.length < n * L) {
    score = new Float64Array(Math.max(n, 2 * (score.length / L)) * L);
    back = new Uint8Array(score.length);
  }
  const sc = score;
  const bk = back;
  for (let l = 0; l < L; l++) {
    sc[l] = ALLOWED[l] ? emit[l]! + trans[transIndex(-1, l)]! : -Infinity;
  }
  for (let i = 1; i < n; i++) {
    const row = i * L;
    const prevRow = row - L;
    for (let l = 0; l < L; l++) {
      let best = -Infinity;
      let arg = 0;
      for (let j = PREV_AT[l]!, end = PREV_AT[l + 1]!; j < end; j++) {
        const p = PREV[j]!;
        const s = sc[prevRow + p]! + trans[(p + 1) * (L + 1) + l]!;
        if (s > best) {
          best = s;
          arg = p;
        }
      }
      sc[row + l] = best + emit[row + l]!;
      bk[row + l] = arg;
    }
  }
  const last = (n - 1) * L;
  let best = -Infinity;
  let arg = 0;
  for (let l = 0; l < L; l++) {
    if (!ALLOWED_END[l]) continue;
    const s = sc[last + l]! + trans[transIndex(l, L)]!;
    if (s > best) {
      best = s;
      arg = l;
    }
  }
  out[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) out[i - 1] = bk[i * L + out[i]!]!;
  return out;
}
