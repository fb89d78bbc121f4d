// Spans that are never entities, whatever the model says, are dropped: the words of
// dicts/ner/not-entities.txt, and organisations that count a kind of body instead of naming one.
//   我国, 全国, 中央 (model: LOC or ORG) -> nothing
//   六大业务集团, 三大运营商, 四大国有银行 (model: ORG) -> nothing
// Why: these words refer to a place or a body without naming it; the guidelines tag none of them. A
// numeral with 大 opens a count of bodies (六大|业务集团: "the six big business groups"); the training
// corpora's organisations that open so are only the party congresses' short forms (十五大, 七大), which
// end at 大 and stay.

import type { EntityMatch } from '../../types.js';
import type { PostRule, RuleContext } from './lexicon.js';

/** A numeral, 大, and at least two characters more: a count of bodies (三大运营商), not a congress (十五大). */
const COUNTED_BODIES = /^[一二三四五六七八九十两]{1,3}大.{2,}/u;

function notEntities(ents: EntityMatch[], c: RuleContext): EntityMatch[] {
  return ents.filter((x) => {
    const span = c.text.slice(x.s, x.e);
    return !c.lex.notEntities.has(span) && !(x.type === 'ORG' && COUNTED_BODIES.test(span));
  });
}

export const NOT_ENTITIES: PostRule = { name: 'not-entities', apply: notEntities };
