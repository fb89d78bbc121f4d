// A local government department (dicts/ner/departments.txt) after its place or bare level is one body.
//   胶州市|人力资源和社会保障局 -> ORG 胶州市人力资源和社会保障局
//   市|住房和城乡建设局         -> ORG 市住房和城乡建设局
//   全市|教育局 (全市 is no level) -> unchanged
// Why: meeting 和 inside a name, the tagger often keeps only its tail (社会保障局).

import type { WordToken } from '../../../segment/segmenter.js';
import type { EntityMatch } from '../../types.js';
import type { Lexicon, PostRule } from './lexicon.js';
import { EntityCursor } from './entity-cursor.js';
import { wordBounds, WORD_END, WORD_START } from '../../../segment/bounds.js';

/** Bare levels that open a department's name: 市|教育局, 区|市场监督管理局. */
const DEPARTMENT_LEVELS = new Set([...'省市区县州镇乡']);

/**
 * A local government department (departments.txt) written right after its place or its bare level
 * is one organisation: 胶州市|人力资源和社会保障局 -> ORG 胶州市人力资源和社会保障局, 市|住房和城乡建设局
 * -> ORG 市住房和城乡建设局 (the tagger, meeting 和 inside a name, often keeps only its tail). The name
 * ends on a word boundary; a level must open a word (全市|教育局 and 各市 are no level). Model entities
 * inside give way; a model ORG that starts inside the name and runs on past it starts at the place;
 * any other entity across it: the model decided.
 */
export function addDepartments(text: string, words: readonly WordToken[], ents: EntityMatch[], lex: Lexicon): EntityMatch[] {
  const trie = lex.departments;
  let list: EntityCursor | null = null;
  let bounds: Uint8Array | null = null;
  for (let s = 1; s < text.length; s++) {
    if (!trie.mayStart(text.charCodeAt(s))) continue;
    bounds ??= wordBounds(words, text.length);
    if (!(bounds[s]! & WORD_START)) continue;
    let e = 0;
    for (let node = 0, k = 0; s + k < text.length; k++) {
      node = trie.child(node, text.charCodeAt(s + k));
      if (node < 0) break;
      if (trie.isTerminal(node) && bounds[s + k + 1]! & WORD_END) e = s + k + 1;
    }
    if (!e) continue;
    list ??= new EntityCursor(ents);
    let start = placeEndingAt(list, s)?.s ?? -1;
    if (start < 0 && DEPARTMENT_LEVELS.has(text[s - 1]!) && bounds[s - 1]! & WORD_START) {
      start = placeEndingAt(list, s - 1)?.s ?? s - 1;
    }
    if (start < 0) continue;
    const touching = list.touching(start, e);
    if (touching.every((x) => x.s >= start && x.e <= e)) {
      list.replace({ type: 'ORG', s: start, e });
    } else {
      const runOn = touching.find((x) => x.e > e);
      if (!runOn || runOn.type !== 'ORG' || runOn.s < start || touching.some((x) => x !== runOn && (x.s < start || x.e > e))) continue;
      list.replace({ ...runOn, s: start }); // over the entities it touched, itself included
    }
    s = e - 1;
  }
  return list ? list.toArray() : ents;
}

/** The LOC of `list` ending at pos, if any. */
function placeEndingAt(list: EntityCursor, pos: number): EntityMatch | undefined {
  const x = list.endingAt(pos);
  return x?.type === 'LOC' ? x : undefined;
}

export const DEPARTMENTS: PostRule = { name: 'departments', apply: (ents, c) => addDepartments(c.text, c.words, ents, c.lex) };
