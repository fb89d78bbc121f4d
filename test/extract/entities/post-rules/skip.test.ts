// applyPostRules' `skip`: a skipped rule leaves its pattern as the tagger gave it, the other rules still
// run, and a name that is no rule's fails loudly (a misspelt name would otherwise measure nothing).
import { describe, expect, it } from 'vitest';
import { applyPostRules, POST_RULE_NAMES } from '../../../../src/extract/entities/post-rules/index.js';
import type { EntityMatch } from '../../../../src/extract/types.js';
import { Resources } from '../../../../src/resources.js';
import { ents, tokens } from './passage.js';

/** Tokens from 'word/pos|word/pos' and the tagger's entities by surface text. */
function passage(spec: string, list: [EntityMatch['type'], string][]) {
  const { text, words } = tokens(spec);
  return { text, words, ents: ents(text, list) };
}

const show = (text: string, out: EntityMatch[]) =>
  out.map((x) => `${x.type}:${text.slice(x.s, x.e)}${x.titles ? `[${x.titles.join('/')}]` : ''}`);

const resources = new Resources();
const tables = { gaz: resources.gazetteers(), lex: resources.lexicon() };

describe('applyPostRules skip', () => {
  // A city and its district written together are one place (admin-chains), a department after a place
  // is a body of it (departments), a title before a name goes to the person (titles). Skipping one
  // rule leaves its pattern as the tagger gave it; the rules after it work on what they are given.
  const p = passage('烟台市/ns|芝罘区/ns|交通运输局/n|局长/n|孙立成/nr|介绍/v|说/v', [
    ['LOC', '烟台市'],
    ['LOC', '芝罘区'],
    ['PER', '孙立成'],
  ]);

  it('runs every rule without skip', () => {
    expect(show(p.text, applyPostRules(p.text, p.words, p.ents, tables))).toEqual([
      'ORG:烟台市芝罘区交通运输局',
      'PER:孙立成[烟台市芝罘区交通运输局局长]',
    ]);
  });

  it('leaves the city apart from its district when admin-chains is skipped', () => {
    expect(show(p.text, applyPostRules(p.text, p.words, p.ents, tables, { skip: ['admin-chains'] }))).toEqual([
      'LOC:烟台市',
      'ORG:芝罘区交通运输局',
      'PER:孙立成[烟台市芝罘区交通运输局局长]',
    ]);
    const chain = passage('青岛市/ns|黄岛区/ns|发布/v|通告/n', [
      ['LOC', '青岛市'],
      ['LOC', '黄岛区'],
    ]);
    expect(show(chain.text, applyPostRules(chain.text, chain.words, chain.ents, tables))).toEqual(['LOC:青岛市黄岛区']);
    expect(show(chain.text, applyPostRules(chain.text, chain.words, chain.ents, tables, { skip: ['admin-chains'] }))).toEqual([
      'LOC:青岛市',
      'LOC:黄岛区',
    ]);
  });

  it('leaves the person without titles when titles is skipped, and the body as before', () => {
    expect(show(p.text, applyPostRules(p.text, p.words, p.ents, tables, { skip: ['titles'] }))).toEqual([
      'ORG:烟台市芝罘区交通运输局',
      'PER:孙立成',
    ]);
  });

  it('returns the tagger output, sorted, when every rule is skipped', () => {
    const q = passage('他/r|从/p|青岛/ns|到/v|北京/ns', [
      ['LOC', '北京'],
      ['LOC', '青岛'],
    ]);
    const out = applyPostRules(q.text, q.words, q.ents, tables, { skip: POST_RULE_NAMES });
    expect(show(q.text, out)).toEqual(['LOC:青岛', 'LOC:北京']);
  });

  it('credits no skipped rule under explain', () => {
    const out = applyPostRules(p.text, p.words, p.ents, tables, { explain: true, skip: ['titles'] });
    expect(out.flatMap((x) => x.rules ?? [])).not.toContain('titles');
  });

  it('rejects a name that is no rule, and says which names are', () => {
    expect(() => applyPostRules(p.text, p.words, p.ents, tables, { skip: ['title'] })).toThrow(/unknown post-rule title; the rules are: known-names, /);
  });
});
