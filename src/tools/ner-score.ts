// Entity scoring as the evaluation scores it: exact span and type, per-type and micro P/R/F1 over
// code-point offsets; a predicted entity wholly inside a masked span (a span the corpus labels with a
// type outside PER/LOC/ORG, or left unlabelled on purpose) is neither right nor wrong; duplicates count
// once. The same rules as the scorer the dev scoreboard runs, written here so the tools need nothing
// outside the repository.
//
//   gold 北京[0,2) LOC, 李明[5,7) PER; predicted 北京[0,2) LOC, 李[5,6) PER
//     -> LOC tp 1; PER fp 1, fn 1; micro P 0.5 R 0.5 F1 0.5

import { readFileSync } from 'node:fs';

/** A span in code points, end exclusive. */
export interface CpSpan {
  start: number;
  end: number;
}

export interface CpEntity extends CpSpan {
  type: string;
}

/** A gold sentence of a NER corpus (one JSONL line). */
export interface GoldSentence {
  id: string;
  text: string;
  entities: CpEntity[];
  masked?: CpSpan[];
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Prf {
  p: number;
  r: number;
  f1: number;
}

/** Per-type counts, summed over the sentences given to add(). */
export class EntityScore {
  readonly byType = new Map<string, Counts>();

  /** Counts one sentence's prediction against its gold. */
  add(gold: GoldSentence, predicted: readonly CpEntity[]): void {
    const g = keySet(gold.entities);
    const masked = gold.masked ?? [];
    const p = keySet(predicted.filter((e) => !masked.some((m) => m.start <= e.start && e.end <= m.end)));
    for (const k of p) this.bump(k.slice(0, k.indexOf('\t')), g.has(k) ? 'tp' : 'fp');
    for (const k of g) if (!p.has(k)) this.bump(k.slice(0, k.indexOf('\t')), 'fn');
  }

  /** Micro-averaged counts over all types. */
  total(): Counts {
    const t = { tp: 0, fp: 0, fn: 0 };
    for (const c of this.byType.values()) {
      t.tp += c.tp;
      t.fp += c.fp;
      t.fn += c.fn;
    }
    return t;
  }

  micro(): Prf {
    return prf(this.total());
  }

  private bump(type: string, k: keyof Counts): void {
    let c = this.byType.get(type);
    if (!c) this.byType.set(type, (c = { tp: 0, fp: 0, fn: 0 }));
    c[k]++;
  }
}

/** Precision, recall and F1 of counts (0 where undefined). */
export function prf({ tp, fp, fn }: Counts): Prf {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** `type\tstart\tend` keys: what makes two entities the same for scoring. */
export function keySet(ents: readonly CpEntity[]): Set<string> {
  return new Set(ents.map((e) => `${e.type}\t${e.start}\t${e.end}`));
}

/** The sentences of a gold JSONL file; a line that is not JSON fails with file:line. */
export function readGold(path: string): GoldSentence[] {
  const out: GoldSentence[] = [];
  readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (!line.trim()) return;
      let s: GoldSentence;
      try {
        s = JSON.parse(line) as GoldSentence;
      } catch {
        throw new Error(`${path}:${i + 1}: not JSON`);
      }
      if (typeof s?.text !== 'string' || !Array.isArray(s.entities)) throw new Error(`${path}:${i + 1}: wants {"id","text","entities":[…]}`);
      out.push(s);
    });
  return out;
}
