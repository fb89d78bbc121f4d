// The hold-out selection shared by entity training and the post-rule audit: `K/N` leaves out of
// training every sentence whose index i in its corpus file has i % N === K, so a model trained with
// `--hold-out K/N` can be scored on exactly the sentences it never saw (a model scored on its own
// training sentences nearly memorises them, and any rule looks harmful next to it).
//   parseHoldOut('0/5') -> { k: 0, n: 5 }; isHeldOut(10, { k: 0, n: 5 }) -> true; isHeldOut(11, …) -> false

export interface HoldOut {
  /** The residue left out. */
  k: number;
  /** The modulus: one sentence in n is left out. */
  n: number;
}

/** Reads `K/N` (integers, N >= 2, 0 <= K < N); throws a message that says what is allowed. */
export function parseHoldOut(spec: string): HoldOut {
  const m = /^(\d+)\/(\d+)$/.exec(spec.trim());
  const k = m ? Number(m[1]) : NaN;
  const n = m ? Number(m[2]) : NaN;
  if (!m || n < 2 || k >= n) throw new Error(`--hold-out wants K/N with N >= 2 and 0 <= K < N (e.g. 0/5), not "${spec}"`);
  return { k, n };
}

/** True when the sentence at `index` of its corpus file is held out (not trained on, audited). */
export function isHeldOut(index: number, h: HoldOut): boolean {
  return index % h.n === h.k;
}

/** The sentences of one corpus file that training keeps (`held` false) or the audit scores (`held` true). */
export function selectHoldOut<T>(sentences: readonly T[], h: HoldOut, held: boolean): T[] {
  return sentences.filter((_, i) => isHeldOut(i, h) === held);
}
