// Prepared tagger tables: the entity scorer's regrouped weights, built once by `npm run build` and read
// back by every process and worker instead of being rebuilt from the model.
//
// Building the scorer from dicts/ner/model.bin (gunzip, varint decoding of 216,000 sparse rows, the
// regrouping of scorer.ts) and the tries of the model's name lexicon took about half of the tagger's
// load; reading the same arrays back is a file read and a few views. The file is derived data, written to dist/ (never committed) by
// src/tools/prepare.ts, and it is used only when its fingerprint matches: the model file's
// bytes and the source of the modules that define the layout (this one, scorer, scorer-layout,
// feature-templates, row-table, char-trie). A stale
// or foreign file is ignored and the scorer is built from the model as before, so a retrained model
// or an edited scorer never meets old tables: it only loads slower until the next build.
//
// The file format is prepared.ts's.

import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PACKAGE_ROOT } from '../../paths.js';
import { decodeBundle, encodeBundle, fingerprintOf, readBundle, writeBundle, type Bundle, type OpenBundle, type TypedArray } from '../../prepared.js';
import type { ModelHeader } from './model-io.js';
import type { RowTableParts } from './row-table.js';
import type { ScorerParts } from './scorer.js';
import type { CharTrieParts } from './char-trie.js';

/** Where `npm run build` writes the tables of the committed model. */
export const PREPARED_PATH = join(PACKAGE_ROOT, 'dist', 'ner-model.tables');

/**
 * What a tagger needs besides the gazetteers: the model's header (without its weights), the scorer,
 * and the tries of the model's name lexicon (features.ts nameLexicon; none for a model without one).
 */
export interface PreparedTagger {
  header: ModelHeader;
  scorer: ScorerParts;
  lexicon: { forward: CharTrieParts; backward: CharTrieParts } | null;
}

type Arr = TypedArray;

/** Fingerprint of a model file together with the code that lays its tables out. */
export function fingerprint(modelBytes: Uint8Array): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const ext = extname(fileURLToPath(import.meta.url));
  const code = ['tables', 'scorer', 'scorer-layout', 'feature-templates', 'row-table', 'char-trie'].map((name) => join(here, name + ext));
  return fingerprintOf([modelBytes], [...code, join(here, '..', '..', 'prepared' + ext)]);
}

const ROW_TABLES = ['bi', 'tri', 'skip', 'words'] as const;

/** A prepared tagger as a bundle (prepared.ts): the model header, and its arrays and numbers flattened to names. */
function toBundle(p: PreparedTagger): Bundle {
  const s = p.scorer;
  const arrays: [string, Arr][] = [
    ['uniDense', s.uniDense],
    ['uniHas', s.uniHas],
    ['posIndex', s.posIndex],
    ['charPosAt', s.charPosAt],
    ['charPosSlot', s.charPosSlot],
    ['charPosRow', s.charPosRow],
    ['pool', s.pool],
    ...s.direct.map((d, t) => [`direct.${t}`, d] as [string, Arr]),
  ];
  const numbers: Record<string, number> = { scale: s.scale, np: s.np, directCount: s.direct.length };
  for (const name of ROW_TABLES) {
    const r = s[name];
    arrays.push([`${name}.data`, r.data], [`${name}.dir`, r.dir], [`${name}.bloom`, r.bloom]);
    numbers[`${name}.mask`] = r.mask;
    numbers[`${name}.size`] = r.size;
    numbers[`${name}.bloomMask`] = r.bloomMask;
  }
  numbers.lexicon = p.lexicon ? 1 : 0;
  if (p.lexicon) {
    for (const side of ['forward', 'backward'] as const) {
      const t = p.lexicon[side];
      arrays.push(
        [`lexicon.${side}.cells`, t.cells],
        [`lexicon.${side}.terminal`, t.terminal],
        [`lexicon.${side}.values`, t.values],
        [`lexicon.${side}.first`, t.first],
        [`lexicon.${side}.pairs`, t.pairs],
      );
      numbers[`lexicon.${side}.maxLen`] = t.maxLen;
      numbers[`lexicon.${side}.astral`] = t.astral;
    }
  }
  return { meta: p.header, numbers, arrays };
}

export function encodePrepared(p: PreparedTagger, print: string): Buffer {
  return encodeBundle(toBundle(p), print);
}

/** The prepared tagger in `file`, or null when the file is not one or its fingerprint is not `print`. */
export function decodePrepared(file: Buffer, print: string): PreparedTagger | null {
  const b = decodeBundle(file, print);
  return b && fromBundle(b);
}

function fromBundle(b: OpenBundle): PreparedTagger {
  const arr = <T extends Arr>(name: string): T => b.array<T>(name);
  const n = b.numbers;
  const table = (name: string): RowTableParts => ({
    data: arr(`${name}.data`),
    dir: arr(`${name}.dir`),
    bloom: arr(`${name}.bloom`),
    mask: n[`${name}.mask`]!,
    size: n[`${name}.size`]!,
    bloomMask: n[`${name}.bloomMask`]!,
  });
  const trie = (side: string): CharTrieParts => ({
    cells: arr(`lexicon.${side}.cells`),
    terminal: arr(`lexicon.${side}.terminal`),
    values: arr(`lexicon.${side}.values`),
    first: arr(`lexicon.${side}.first`),
    pairs: arr(`lexicon.${side}.pairs`),
    maxLen: n[`lexicon.${side}.maxLen`]!,
    astral: n[`lexicon.${side}.astral`]!,
  });
  return {
    header: b.meta as ModelHeader,
    lexicon: n.lexicon ? { forward: trie('forward'), backward: trie('backward') } : null,
    scorer: {
      scale: n.scale!,
      np: n.np!,
      uniDense: arr('uniDense'),
      uniHas: arr('uniHas'),
      posIndex: arr('posIndex'),
      charPosAt: arr('charPosAt'),
      charPosSlot: arr('charPosSlot'),
      charPosRow: arr('charPosRow'),
      pool: arr('pool'),
      direct: Array.from({ length: n.directCount! }, (_, t) => arr<Int32Array>(`direct.${t}`)),
      bi: table('bi'),
      tri: table('tri'),
      skip: table('skip'),
      words: table('words'),
    },
  };
}

/** Writes `p` to `path` atomically. */
export function writePrepared(path: string, p: PreparedTagger, print: string): void {
  writeBundle(path, toBundle(p), print);
}

/** The prepared tables at `path` if they fit `modelBytes` and this code; null otherwise (or unreadable). */
export function readPrepared(path: string, modelBytes: Uint8Array): PreparedTagger | null {
  return readBundle(path, fingerprint(modelBytes), fromBundle);
}
