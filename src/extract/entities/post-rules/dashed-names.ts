// Two persons with only a dash or a middle dot between them are one name.
//   让|—|皮埃尔 -> PER 让—皮埃尔;  让|·|雅克 -> PER 让·雅克
// Why: a transliterated double-barrelled name is one person; the model sees two names and a mark.

import type { EntityMatch } from '../../types.js';
import type { PostRule } from './lexicon.js';
import { DASHES } from './helpers.js';

/** Marks that join the parts of one transliterated name: 让—皮埃尔, 让·雅克. */
const NAME_JOINERS = new Set([...DASHES, '·', '•', '・']);

/** Two persons with only a dash or a middle dot between them are one double-barrelled name: 让—皮埃尔. */
export function joinDashedNames(text: string, ents: EntityMatch[]): EntityMatch[] {
  const out: EntityMatch[] = [];
  for (const x of ents) {
    const prev = out[out.length - 1];
    if (prev && prev.type === 'PER' && x.type === 'PER' && x.s === prev.e + 1 && NAME_JOINERS.has(text[prev.e]!)) {
      out[out.length - 1] = { ...prev, e: x.e };
    } else out.push(x);
  }
  return out;
}

export const DASHED_NAMES: PostRule = { name: 'dashed-names', apply: (ents, c) => joinDashedNames(c.text, ents) };
