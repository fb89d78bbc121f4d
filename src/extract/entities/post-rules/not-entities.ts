// Spans that are never entities, whatever the model says (dicts/ner/not-entities.txt) are dropped.
//   我国, 全国, 中央 (model: LOC or ORG) -> nothing
// Why: these words refer to a place or a body without naming it; the guidelines tag none of them.

import type { PostRule } from './lexicon.js';

export const NOT_ENTITIES: PostRule = { name: 'not-entities', apply: (ents, c) => ents.filter((x) => !c.lex.notEntities.has(c.text.slice(x.s, x.e))) };
