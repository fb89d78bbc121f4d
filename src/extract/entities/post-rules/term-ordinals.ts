// A body elected for a term takes the term's ordinal written right before it.
//   第十三届|全国人大 -> ORG 第十三届全国人大;  九届|全国人大 -> ORG 九届全国人大
//   第五届|亚足联大会 -> ORG 亚足联 stays (the ordinal counts the congress, not the body)
// Why: MSRA writes the ordinal into the name (25 times in its training text, People's Daily the other
// way 3 times); the news guidelines take the longest full name as written.

import type { EntityMatch } from '../../types.js';
import type { PostRule } from './lexicon.js';

/** A term's ordinal written right before its body: 第九届, 九届, 第十二届 (Arabic digits too). */
const TERM_ORDINAL = /(?:第)?(?:[一二三四五六七八九十百零〇两]{1,4}|[0-9０-９]{1,3})届$/;
/** Bodies elected for a term, whose official name carries it (第十三届全国人民代表大会, 第五届全国政协). */
const TERM_BODY = /(?:代表大会|人大|政协|委员会|常委会|立法会)$/;

/**
 * A body's term ordinal belongs to its name (MSRA: 第十三届全国人大, 九届全国人大, 第十届全国政协;
 * the news guidelines' longest full name as written): such a body right after one starts at it.
 * Only bodies elected for a term (TERM_BODY): in 第五届亚足联大会 the ordinal counts the congress, not
 * 亚足联. People's Daily leaves the ordinal out (全国政协 in 第五届全国政协), but writes it far less
 * often than MSRA writes it in (3 against 25 times in the training text).
 */
export function joinTermOrdinals(text: string, ents: EntityMatch[]): EntityMatch[] {
  if (!text.includes('届')) return ents;
  return ents.map((x, k) => {
    if (x.type !== 'ORG' || text[x.s - 1] !== '届' || !TERM_BODY.test(text.slice(x.s, x.e))) return x;
    const m = TERM_ORDINAL.exec(text.slice(Math.max(0, x.s - 6), x.s));
    if (!m) return x;
    const s = x.s - m[0].length;
    const prev = ents[k - 1];
    return prev && prev.e > s ? x : { ...x, s };
  });
}

export const TERM_ORDINALS: PostRule = { name: 'term-ordinals', apply: (ents, c) => joinTermOrdinals(c.text, ents) };
