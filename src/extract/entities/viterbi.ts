// Constrained Viterbi decoding over the BIOES labels.
//
// Scores come in as a flat emission matrix (n positions x L labels) plus a transition matrix whose
// row L is the start state and column L the end state. Transitions that break BIOES (B-PER -> O,
// I-LOC -> B-ORG, ...) are never taken, so every decoded sequence reads back as clean spans.
//
// Only the allowed predecessors of each label are visited (61 of the 169 pairs: I-x and E-x can
// only follow B-x or I-x; O, B-x and S-x only O, E-x or S-x), in ascending order, so ties resolve
// exactly as a full scan would. `viterbi` is that loop unrolled for the 13 BIOES labels, with the
// transition weights and the previous position's scores in locals (about three times faster; the
// tagger runs it on every passage); `viterbiGeneric` is the plain loop, which tests compare it to.
// The unrolled body is mechanical (t{p}_{l}: weight of prev p -> next l; p{l}: the previous position's
// score of l; b{l}/a{l}: best score and predecessor of l): if the label set changes, regenerate it
// from the PREV lists; a check at module load throws when it no longer matches labels.ts. (Where all
// of a label's predecessors score -Infinity its back pointer differs from the loop's 0, but such a
// label is never on the best path: O is always reachable with a finite score.)

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

// Work arrays, grown as needed and reused across calls.
let score = new Float64Array(256 * L);
let back = new Uint8Array(256 * L);

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
  if (back.length < n * L) back = new Uint8Array(Math.max(n * L, back.length * 2));
  const bk = back;
  const t0_0 = trans[14]!;
  const t3_0 = trans[56]!;
  const t4_0 = trans[70]!;
  const t7_0 = trans[112]!;
  const t8_0 = trans[126]!;
  const t11_0 = trans[168]!;
  const t12_0 = trans[182]!;
  const t0_1 = trans[15]!;
  const t3_1 = trans[57]!;
  const t4_1 = trans[71]!;
  const t7_1 = trans[113]!;
  const t8_1 = trans[127]!;
  const t11_1 = trans[169]!;
  const t12_1 = trans[183]!;
  const t1_2 = trans[30]!;
  const t2_2 = trans[44]!;
  const t1_3 = trans[31]!;
  const t2_3 = trans[45]!;
  const t0_4 = trans[18]!;
  const t3_4 = trans[60]!;
  const t4_4 = trans[74]!;
  const t7_4 = trans[116]!;
  const t8_4 = trans[130]!;
  const t11_4 = trans[172]!;
  const t12_4 = trans[186]!;
  const t0_5 = trans[19]!;
  const t3_5 = trans[61]!;
  const t4_5 = trans[75]!;
  const t7_5 = trans[117]!;
  const t8_5 = trans[131]!;
  const t11_5 = trans[173]!;
  const t12_5 = trans[187]!;
  const t5_6 = trans[90]!;
  const t6_6 = trans[104]!;
  const t5_7 = trans[91]!;
  const t6_7 = trans[105]!;
  const t0_8 = trans[22]!;
  const t3_8 = trans[64]!;
  const t4_8 = trans[78]!;
  const t7_8 = trans[120]!;
  const t8_8 = trans[134]!;
  const t11_8 = trans[176]!;
  const t12_8 = trans[190]!;
  const t0_9 = trans[23]!;
  const t3_9 = trans[65]!;
  const t4_9 = trans[79]!;
  const t7_9 = trans[121]!;
  const t8_9 = trans[135]!;
  const t11_9 = trans[177]!;
  const t12_9 = trans[191]!;
  const t9_10 = trans[150]!;
  const t10_10 = trans[164]!;
  const t9_11 = trans[151]!;
  const t10_11 = trans[165]!;
  const t0_12 = trans[26]!;
  const t3_12 = trans[68]!;
  const t4_12 = trans[82]!;
  const t7_12 = trans[124]!;
  const t8_12 = trans[138]!;
  const t11_12 = trans[180]!;
  const t12_12 = trans[194]!;
  // Scores of the previous position.
  let p0 = emit[0]! + trans[0]!;
  let p1 = emit[1]! + trans[1]!;
  let p2 = -Infinity;
  let p3 = -Infinity;
  let p4 = emit[4]! + trans[4]!;
  let p5 = emit[5]! + trans[5]!;
  let p6 = -Infinity;
  let p7 = -Infinity;
  let p8 = emit[8]! + trans[8]!;
  let p9 = emit[9]! + trans[9]!;
  let p10 = -Infinity;
  let p11 = -Infinity;
  let p12 = emit[12]! + trans[12]!;
  for (let i = 1; i < n; i++) {
    const r = i * 13;
    let s: number;
    let b0 = p0 + t0_0;
    let a0 = 0;
    s = p3 + t3_0;
    if (s > b0) {
      b0 = s;
      a0 = 3;
    }
    s = p4 + t4_0;
    if (s > b0) {
      b0 = s;
      a0 = 4;
    }
    s = p7 + t7_0;
    if (s > b0) {
      b0 = s;
      a0 = 7;
    }
    s = p8 + t8_0;
    if (s > b0) {
      b0 = s;
      a0 = 8;
    }
    s = p11 + t11_0;
    if (s > b0) {
      b0 = s;
      a0 = 11;
    }
    s = p12 + t12_0;
    if (s > b0) {
      b0 = s;
      a0 = 12;
    }
    let b1 = p0 + t0_1;
    let a1 = 0;
    s = p3 + t3_1;
    if (s > b1) {
      b1 = s;
      a1 = 3;
    }
    s = p4 + t4_1;
    if (s > b1) {
      b1 = s;
      a1 = 4;
    }
    s = p7 + t7_1;
    if (s > b1) {
      b1 = s;
      a1 = 7;
    }
    s = p8 + t8_1;
    if (s > b1) {
      b1 = s;
      a1 = 8;
    }
    s = p11 + t11_1;
    if (s > b1) {
      b1 = s;
      a1 = 11;
    }
    s = p12 + t12_1;
    if (s > b1) {
      b1 = s;
      a1 = 12;
    }
    let b2 = p1 + t1_2;
    let a2 = 1;
    s = p2 + t2_2;
    if (s > b2) {
      b2 = s;
      a2 = 2;
    }
    let b3 = p1 + t1_3;
    let a3 = 1;
    s = p2 + t2_3;
    if (s > b3) {
      b3 = s;
      a3 = 2;
    }
    let b4 = p0 + t0_4;
    let a4 = 0;
    s = p3 + t3_4;
    if (s > b4) {
      b4 = s;
      a4 = 3;
    }
    s = p4 + t4_4;
    if (s > b4) {
      b4 = s;
      a4 = 4;
    }
    s = p7 + t7_4;
    if (s > b4) {
      b4 = s;
      a4 = 7;
    }
    s = p8 + t8_4;
    if (s > b4) {
      b4 = s;
      a4 = 8;
    }
    s = p11 + t11_4;
    if (s > b4) {
      b4 = s;
      a4 = 11;
    }
    s = p12 + t12_4;
    if (s > b4) {
      b4 = s;
      a4 = 12;
    }
    let b5 = p0 + t0_5;
    let a5 = 0;
    s = p3 + t3_5;
    if (s > b5) {
      b5 = s;
      a5 = 3;
    }
    s = p4 + t4_5;
    if (s > b5) {
      b5 = s;
      a5 = 4;
    }
    s = p7 + t7_5;
    if (s > b5) {
      b5 = s;
      a5 = 7;
    }
    s = p8 + t8_5;
    if (s > b5) {
      b5 = s;
      a5 = 8;
    }
    s = p11 + t11_5;
    if (s > b5) {
      b5 = s;
      a5 = 11;
    }
    s = p12 + t12_5;
    if (s > b5) {
      b5 = s;
      a5 = 12;
    }
    let b6 = p5 + t5_6;
    let a6 = 5;
    s = p6 + t6_6;
    if (s > b6) {
      b6 = s;
      a6 = 6;
    }
    let b7 = p5 + t5_7;
    let a7 = 5;
    s = p6 + t6_7;
    if (s > b7) {
      b7 = s;
      a7 = 6;
    }
    let b8 = p0 + t0_8;
    let a8 = 0;
    s = p3 + t3_8;
    if (s > b8) {
      b8 = s;
      a8 = 3;
    }
    s = p4 + t4_8;
    if (s > b8) {
      b8 = s;
      a8 = 4;
    }
    s = p7 + t7_8;
    if (s > b8) {
      b8 = s;
      a8 = 7;
    }
    s = p8 + t8_8;
    if (s > b8) {
      b8 = s;
      a8 = 8;
    }
    s = p11 + t11_8;
    if (s > b8) {
      b8 = s;
      a8 = 11;
    }
    s = p12 + t12_8;
    if (s > b8) {
      b8 = s;
      a8 = 12;
    }
    let b9 = p0 + t0_9;
    let a9 = 0;
    s = p3 + t3_9;
    if (s > b9) {
      b9 = s;
      a9 = 3;
    }
    s = p4 + t4_9;
    if (s > b9) {
      b9 = s;
      a9 = 4;
    }
    s = p7 + t7_9;
    if (s > b9) {
      b9 = s;
      a9 = 7;
    }
    s = p8 + t8_9;
    if (s > b9) {
      b9 = s;
      a9 = 8;
    }
    s = p11 + t11_9;
    if (s > b9) {
      b9 = s;
      a9 = 11;
    }
    s = p12 + t12_9;
    if (s > b9) {
      b9 = s;
      a9 = 12;
    }
    let b10 = p9 + t9_10;
    let a10 = 9;
    s = p10 + t10_10;
    if (s > b10) {
      b10 = s;
      a10 = 10;
    }
    let b11 = p9 + t9_11;
    let a11 = 9;
    s = p10 + t10_11;
    if (s > b11) {
      b11 = s;
      a11 = 10;
    }
    let b12 = p0 + t0_12;
    let a12 = 0;
    s = p3 + t3_12;
    if (s > b12) {
      b12 = s;
      a12 = 3;
    }
    s = p4 + t4_12;
    if (s > b12) {
      b12 = s;
      a12 = 4;
    }
    s = p7 + t7_12;
    if (s > b12) {
      b12 = s;
      a12 = 7;
    }
    s = p8 + t8_12;
    if (s > b12) {
      b12 = s;
      a12 = 8;
    }
    s = p11 + t11_12;
    if (s > b12) {
      b12 = s;
      a12 = 11;
    }
    s = p12 + t12_12;
    if (s > b12) {
      b12 = s;
      a12 = 12;
    }
    p0 = b0 + emit[r + 0]!;
    back[r + 0] = a0;
    p1 = b1 + emit[r + 1]!;
    back[r + 1] = a1;
    p2 = b2 + emit[r + 2]!;
    back[r + 2] = a2;
    p3 = b3 + emit[r + 3]!;
    back[r + 3] = a3;
    p4 = b4 + emit[r + 4]!;
    back[r + 4] = a4;
    p5 = b5 + emit[r + 5]!;
    back[r + 5] = a5;
    p6 = b6 + emit[r + 6]!;
    back[r + 6] = a6;
    p7 = b7 + emit[r + 7]!;
    back[r + 7] = a7;
    p8 = b8 + emit[r + 8]!;
    back[r + 8] = a8;
    p9 = b9 + emit[r + 9]!;
    back[r + 9] = a9;
    p10 = b10 + emit[r + 10]!;
    back[r + 10] = a10;
    p11 = b11 + emit[r + 11]!;
    back[r + 11] = a11;
    p12 = b12 + emit[r + 12]!;
    back[r + 12] = a12;
  }
  // The best closed label at the end.
  let best = p0 + trans[27]!;
  let arg = 0;
  let s: number;
  s = p3 + trans[69]!;
  if (s > best) {
    best = s;
    arg = 3;
  }
  s = p4 + trans[83]!;
  if (s > best) {
    best = s;
    arg = 4;
  }
  s = p7 + trans[125]!;
  if (s > best) {
    best = s;
    arg = 7;
  }
  s = p8 + trans[139]!;
  if (s > best) {
    best = s;
    arg = 8;
  }
  s = p11 + trans[181]!;
  if (s > best) {
    best = s;
    arg = 11;
  }
  s = p12 + trans[195]!;
  if (s > best) {
    best = s;
    arg = 12;
  }

  out[n - 1] = arg;
  for (let i = n - 1; i > 0; i--) out[i - 1] = bk[i * L + out[i]!]!;
  return out;
}

// The unrolled viterbi hard-codes which labels may follow which: check that against labels.ts.
{
  const closed = [0, 3, 4, 7, 8, 11, 12];
  for (let l = 0; l < L; l++) {
    const expected = [0, 1, 4, 5, 8, 9, 12].includes(l) ? closed : [1 + 4 * ((l - 1) >> 2), 2 + 4 * ((l - 1) >> 2)];
    const actual = Array.from(PREV.subarray(PREV_AT[l]!, PREV_AT[l + 1]!));
    const opensAtStart = ALLOWED[l] === 1; // prev = -1 row of ALLOWED
    if (L !== 13 || actual.join() !== expected.join() || opensAtStart !== (expected === closed) || !!ALLOWED_END[l] !== closed.includes(l)) {
      throw new Error('viterbi: the unrolled decoder does not match the label set');
    }
  }
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
