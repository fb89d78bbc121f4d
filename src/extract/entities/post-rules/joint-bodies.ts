// Two bodies acting together are two organisations, split at the verb or conjunction between them.
//   区教育局|联合|市公安局         -> ORG 区教育局, ORG 市公安局
//   山东大学青岛校区|与|海尔集团   -> ORG 山东大学青岛校区, ORG 海尔集团
//   劳动和社会保障部 (和 joins two fields, the part before it no body) -> unchanged
// Why: the model runs two names together when the word between them is short and common.

import type { WordToken } from '../../../segment/segmenter.js';
import type { EntityMatch } from '../../types.js';
import type { Gazetteers } from '../features.js';
import type { PostRule } from './lexicon.js';
import { wordIndexAt } from './helpers.js';
import { endsInHead } from './name-tests.js';

/** Verbs of joint action that stand between two bodies, never inside one's name: 区教育局|联合|市公安局. */
const JOINT_VERBS = new Set(['联合', '会同', '携手', '联手', '协同']);
/**
 * Conjunctions between two bodies: 山东大学青岛校区|与|海尔集团. Inside one body's name they join two
 * fields, never two bodies (劳动和社会保障部, 住房和城乡建设部), so the part before them ends in no
 * organisation head there.
 */
const JOINT_CONJUNCTIONS = new Set(['与', '和', '及', '同']);
/** A branch written after its body's name, which ends the name as a head would: 山东大学青岛校区. */
const BRANCH_END = /(?:校区|分校|分院|分部|分行|支行|分局|分会)$/;

/**
 * Two bodies acting together are two organisations: an ORG of the model that runs over a verb of
 * joint action (jieba's own word, tagged as a verb) or a conjunction (jieba's word, tagged c or p)
 * between two names that each end in an organisation head is split there. 区教育局联合市公安局 ->
 * 区教育局 | 市公安局; 山东大学青岛校区与海尔集团 -> 山东大学青岛校区 | 海尔集团. (联合国, 联合会 are
 * words of their own.)
 */
export function splitJointBodies(text: string, words: readonly WordToken[], ents: EntityMatch[], gaz: Gazetteers): EntityMatch[] {
  if (!ents.some((x) => x.type === 'ORG')) return ents;
  const out: EntityMatch[] = [];
  for (const x of ents) {
    let s = x.s;
    if (x.type === 'ORG') {
      for (let k = wordIndexAt(words, x.s); k >= 0 && k < words.length && words[k]!.e < x.e; k++) {
        const w = words[k]!;
        if (w.s <= s) continue;
        const verb = JOINT_VERBS.has(w.word) && w.pos.startsWith('v');
        if (!verb && !(JOINT_CONJUNCTIONS.has(w.word) && (w.pos === 'c' || w.pos === 'p'))) continue;
        const left = text.slice(s, w.s);
        if (!(endsInHead(left, gaz) || (!verb && BRANCH_END.test(left))) || !endsInHead(text.slice(w.e, x.e), gaz)) continue;
        out.push({ ...x, s, e: w.s });
        s = w.e;
      }
    }
    out.push(s === x.s ? x : { ...x, s });
  }
  return out;
}

export const JOINT_BODIES: PostRule = { name: 'joint-bodies', apply: (ents, c) => splitJointBodies(c.text, c.words, ents, c.gaz) };
