// The knowledge of the slogans stage, read from a dicts folder by whoever owns it (a Pipeline's Resources):
//   slogans-lexicon.tsv         national slogans: form -> kind, category, scope, canonical
//   slogans-heads.tsv           head words of coined terms (机制, 模式, 经验 …)
//   slogans-verbs.tsv           trigger verbs before a quoted term (推行, 落实 …)
//   slogans-code-suffixes.tsv   what follows a programme code (总体思路, 规划 …)
//   slogans-numbered-heads.tsv  what may follow numeral + 大/个/项 unquoted (三大攻坚战, 两个大局)
//   slogans-numeral-stop.tsv    numeral-led words that are not formulas (一心一意, 一刀切, 五一)
//   slogans-quoted-train.tsv    training examples of the quoted-phrase classifier
//   slogans-terms.tsv           policy terms counted unquoted (新质生产力), with variants -> term

import type { SloganKind } from '../../types.js';
import { DictError, type DictFolder } from '../../dicts.js';
import { SLOGAN_KINDS } from '../../types.js';

export interface LexiconEntry {
  form: string;
  kind: SloganKind;
  category: string;
  /** 'any': found quoted or not; 'quoted': only as the whole of a quoted phrase. */
  scope: 'any' | 'quoted';
  canonical: string;
}

/** A written form of a policy term: the term itself or a fixed variant (推动高质量发展 -> 高质量发展). */
export interface TermForm {
  form: string;
  norm: string;
}

export interface TrainingExample {
  label: 'coined' | 'other';
  before: string;
  inner: string;
  after: string;
}

export interface SloganKnowledge {
  lexicon: Map<string, LexiconEntry>;
  /** Lexicon forms with scope 'any', longest first (for scanning running text). */
  unquotedForms: string[];
  afterHeads: string[];
  innerHeads: string[];
  verbs: string[];
  codeSuffixes: string[];
  /** measure (大/个/项) -> heads allowed after it, longest first. */
  numberedHeads: Map<string, string[]>;
  numeralStop: Set<string>;
  /** Place names led by a numeral: no numbered formula starts with one. */
  numeralStopPrefixes: string[];
  training: TrainingExample[];
  /** Policy terms and their variants, form -> term. */
  terms: Map<string, string>;
  /** The forms of `terms`, longest first. */
  termForms: string[];
}

const byLengthDesc = (a: string, b: string): number => b.length - a.length || (a < b ? -1 : 1);

/** The slogan tables of the folder. */
export function loadSloganKnowledge(dicts: DictFolder): SloganKnowledge {
  const readDict = (name: string, minFields = 1) => dicts.read(name, minFields);
  const lexicon = new Map<string, LexiconEntry>();
  for (const row of readDict('slogans-lexicon.tsv', 4)) {
    const [form, kind, category, scope, canonical] = row.fields as [string, string, string, string, string?];
    if (!(SLOGAN_KINDS as readonly string[]).includes(kind) || (scope !== 'any' && scope !== 'quoted')) {
      throw new DictError(`slogans-lexicon.tsv:${row.line}: bad kind or scope "${kind}" "${scope}"`);
    }
    lexicon.set(form, { form, kind: kind as SloganKind, category, scope, canonical: canonical || form });
  }
  const heads = readDict('slogans-heads.tsv', 2);
  const numberedHeads = new Map<string, string[]>();
  for (const row of readDict('slogans-numbered-heads.tsv', 2)) {
    const [measure, head] = row.fields as [string, string];
    numberedHeads.set(measure, [...(numberedHeads.get(measure) ?? []), head]);
  }
  for (const list of numberedHeads.values()) list.sort(byLengthDesc);
  const training: TrainingExample[] = readDict('slogans-quoted-train.tsv', 3).map((row) => {
    const [label, before, inner, after] = row.fields as [string, string, string, string?];
    if (label !== 'coined' && label !== 'other') {
      throw new DictError(`slogans-quoted-train.tsv:${row.line}: label must be coined or other, got "${label}"`);
    }
    return { label, before, inner, after: after ?? '' };
  });
  const terms = new Map<string, string>();
  for (const row of readDict('slogans-terms.tsv', 4)) {
    const [term, variants] = row.fields as [string, string];
    const forms = [term, ...(variants === '-' ? [] : variants.split(',').map((v) => v.trim()))];
    for (const form of forms) {
      if (!form || /\s/.test(form)) throw new DictError(`slogans-terms.tsv:${row.line}: empty variant or one with spaces in "${variants}"`);
      if (terms.has(form) && terms.get(form) !== term) throw new DictError(`slogans-terms.tsv:${row.line}: "${form}" is already a form of ${terms.get(form)}`);
      terms.set(form, term);
    }
  }
  return {
    lexicon,
    unquotedForms: [...lexicon.values()].filter((e) => e.scope === 'any').map((e) => e.form).sort(byLengthDesc),
    afterHeads: heads.filter((r) => r.fields[1] !== 'inner').map((r) => r.fields[0]!).sort(byLengthDesc),
    innerHeads: heads.filter((r) => r.fields[1] !== 'after').map((r) => r.fields[0]!).sort(byLengthDesc),
    verbs: readDict('slogans-verbs.tsv').map((r) => r.fields[0]!).sort(byLengthDesc),
    codeSuffixes: readDict('slogans-code-suffixes.tsv').map((r) => r.fields[0]!).sort(byLengthDesc),
    numberedHeads,
    numeralStop: new Set(readDict('slogans-numeral-stop.tsv').filter((r) => r.fields[1] !== 'prefix').map((r) => r.fields[0]!)),
    numeralStopPrefixes: readDict('slogans-numeral-stop.tsv').filter((r) => r.fields[1] === 'prefix').map((r) => r.fields[0]!),
    training,
    terms,
    termForms: [...terms.keys()].sort(byLengthDesc),
  };
}
