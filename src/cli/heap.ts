// Keeps a long run's memory flat: a full garbage collection after every few megabytes of analysed text.
//
// Nothing is retained from one document to the next, yet in a long CPU-bound run V8 grows its old
// generation lazily and collects late, so peak RSS crept up with corpus size (a 20 MB run peaked
// 20–50 % above a 5 MB one, varying from run to run). A process cannot lower its own heap limit after
// start (v8.setFlagsFromString leaves --max-old-space-size unchanged), but it can collect: `gc` is
// exposed for this isolate only, taken from a fresh context, and the flag is turned off again. The
// live heap here is small (the models' tables are typed arrays outside it), so a collection is cheap
// next to analysing megabytes of text.

import v8 from 'node:v8';
import vm from 'node:vm';

/** Input bytes analysed between two forced collections. */
export const COLLECT_EVERY_BYTES = 2e6;

let collect: (() => void) | null | undefined;

/** The isolate's full collection, or null where it cannot be had (then nothing is forced). */
function fullCollection(): (() => void) | null {
  if (collect !== undefined) return collect;
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    collect = typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    collect = null;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
  return collect;
}

/** Counts analysed bytes and forces a full collection every `every` of them. */
export class HeapKeeper {
  private pending = 0;
  /** Collections forced so far. */
  collections = 0;

  constructor(private readonly every = COLLECT_EVERY_BYTES) {}

  /** Call after each document with its size in bytes. */
  analysed(bytes: number): void {
    this.pending += bytes;
    if (this.pending < this.every) return;
    this.pending = 0;
    const gc = fullCollection();
    if (gc) {
      gc();
      this.collections++;
    }
  }
}
