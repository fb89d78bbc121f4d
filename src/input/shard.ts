// Shards: a deterministic partition of a run's documents, so that N independent runs (`analyze
// --shard I/N`, one per Slurm array task or GNU parallel job) analyse every document exactly once.
//
// A document belongs to shard I of N when I = shardOf(id, N): the first four bytes of the SHA-256 of its
// id's UTF-8 bytes, read as an unsigned big-endian integer, modulo N. The id alone decides, so the same
// document lands in the same shard whatever the order of the inputs, whichever machine runs it, and in
// any language (Python: int.from_bytes(hashlib.sha256(id.encode()).digest()[:4], 'big') % n).
// Error records are items with ids too (a file that cannot be read: its path; a JSONL line that is not
// JSON: "file.jsonl:LINE"; a CSV row: "file.csv:ROW"), so each belongs to exactly one shard as well.
//
//   shardOf('news-001', 4) -> 0      parseShard('2/4') -> { index: 2, count: 4 }      parseShard('4/4') -> error

import { createHash } from 'node:crypto';
import type { ByteSource, InputItem } from './read.js';

/** Shard `index` (0 ≤ index < count) of `count`. */
export interface Shard {
  index: number;
  count: number;
}

/** The shard (0 … count - 1) of a document id. */
export function shardOf(id: string, count: number): number {
  return createHash('sha256').update(id, 'utf8').digest().readUInt32BE(0) % count;
}

export function inShard(id: string, shard: Shard): boolean {
  return shard.count === 1 || shardOf(id, shard.count) === shard.index;
}

/** Shards are numbered from 0, as Slurm's --array=0-(N-1) numbers its tasks. */
export const MAX_SHARDS = 1_000_000;

/** "I/N" -> { index: I, count: N }, or what is wrong with it. */
export function parseShard(spec: string): Shard | { error: string } {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(spec);
  if (!m) return { error: `expected I/N (shard I of N, 0 ≤ I < N: 0/4 … 3/4), got "${spec}"` };
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || count > MAX_SHARDS) return { error: `N must be from 1 to ${MAX_SHARDS}, got "${spec}"` };
  if (index >= count) return { error: `I must be from 0 to N - 1 = ${count - 1} (shards are numbered from 0), got "${spec}"` };
  return { index, count };
}

/**
 * The sources whose documents are in the shard, for inputs whose id is the source's name (text files:
 * one document per file, id = the path as given). The others are never read.
 */
export function shardSources(sources: ByteSource[], shard: Shard): ByteSource[] {
  return sources.filter((s) => inShard(s.name, shard));
}

/** The items in the shard, for inputs with many documents per source (JSONL, CSV): every line is read, the shard's kept. */
export async function* shardItems(items: AsyncIterable<InputItem>, shard: Shard): AsyncGenerator<InputItem> {
  for await (const item of items) if (inShard(item.id, shard)) yield item;
}
