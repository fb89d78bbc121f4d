// Documents a batch at a time (pipeline.ts: BATCH_DOCS): grouping the input items, and the records of a
// group, whether analysed on this thread (analyze, validate) or in a worker.

import { BATCH_CHARS, BATCH_DOCS, type Pipeline } from '../pipeline.js';
import { errorRecord, type InputItem } from '../input/index.js';
import { isErrorRecord, type InputDocument, type OutputRecord } from '../types.js';

/** Characters of an item's text (an error record has none). */
export const textLength = (item: InputItem) => (isErrorRecord(item) ? 0 : item.text.length);

/**
 * The items in order, in groups of at most `maxItems` whose weights add up to at most `maxWeight` (an
 * item heavier than that makes a group of its own). `live` (standard input): a group also ends when the
 * next item is not there yet at the event loop's next turn, so a producer that writes one line and waits
 * gets that line's record, not a wait for a whole group. Files do not need that and do not pay for it
 * (racing each item against the turn cost ~5 µs an item).
 */
export async function* batches<T>(items: AsyncIterable<T>, maxItems: number, maxWeight: number, weight: (item: T) => number, live = false): AsyncGenerator<T[]> {
  let group: T[] = [];
  let total = 0;
  const source = items[Symbol.asyncIterator]();
  const IDLE = Symbol('idle');
  // One timer per turn of the event loop, shared by the items that arrive within it.
  let idle: Promise<typeof IDLE> | null = null;
  const turn = () =>
    (idle ??= new Promise((resolve) =>
      setImmediate(() => {
        idle = null;
        resolve(IDLE);
      }),
    ));
  for (;;) {
    const pending = source.next();
    let r = live && group.length ? await Promise.race([pending, turn()]) : await pending;
    if (r === IDLE) {
      yield group;
      group = [];
      total = 0;
      r = await pending;
    }
    const got = r as IteratorResult<T>;
    if (got.done) break;
    const w = weight(got.value);
    if (group.length && (group.length >= maxItems || total + w > maxWeight)) {
      yield group;
      group = [];
      total = 0;
    }
    group.push(got.value);
    total += w;
  }
  if (group.length) yield group;
}

/** Input items in the pipeline's batches: BATCH_DOCS documents, BATCH_CHARS characters at most. */
export function documentBatches(items: AsyncIterable<InputItem>, live = false): AsyncGenerator<InputItem[]> {
  return batches(items, BATCH_DOCS, BATCH_CHARS, textLength, live);
}

/**
 * The records of a batch of input items, in order: an error record stays as it is, the documents are
 * analysed together, and a document whose analysis throws becomes its error record (a bug on one
 * document must not cost the others). `idOf` names a document's record (default: its id).
 */
export function analyseBatch(pipeline: Pipeline, items: readonly InputItem[], idOf = (d: InputDocument) => d.id): OutputRecord[] {
  const docs = items.filter((item): item is InputDocument => !isErrorRecord(item));
  const records = pipeline.analyzeMany(docs.map((d) => ({ id: idOf(d), raw: d.text, meta: { encoding: d.encoding, date: d.date, title: d.title, fields: d.meta } })));
  let k = 0;
  return items.map((item) => {
    if (isErrorRecord(item)) return item;
    const r = records[k++]!;
    return r instanceof Error ? errorRecord(idOf(item), `analysis failed: ${r.message}`) : r;
  });
}
