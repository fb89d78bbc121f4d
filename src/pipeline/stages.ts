// The pipeline's stages: each reads the state built so far, declares which fields it needs and which
// it writes, and returns only what it owns; the pipeline merges it (../pipeline.ts).
//
//   layout  -> layout, script, page, referenceYear      the page cut into passages (or running text)
//   segment -> words                                    jieba over each passage
//   slogans -> slogans
//   figures -> figures       (needs referenceYear; skips figures inside slogans when there are any)
//   entities -> entities     (needs words: without segment it sees none)
//   tokens  -> tokens        (words, with what slogans, entities and numbers found made one token)
//   keywords -> keywords     (needs tokens)
//
// STAGES is the default list. Two stages come in other forms for `zhnews segment` (one line, one
// document): verbatimLayout takes the text as one passage as it is, entitiesStage({ carryNames: false })
// keeps to what each text says on its own, tokensStage(kinds) merges the kinds asked for, and
// softFailing lets the run go on without a stage that failed (no entity model: no entities merged).

import type { AnalysisState, PipelineEnv, Stage } from './state.js';
import type { EntityMatch } from '../extract/types.js';
import type { Passage } from '../text/passage.js';
import type { KeywordToken } from '../keywords/tfidf.js';
import type { Resources } from '../resources.js';
import { layoutRunningText } from '../layout/running-text.js';
import { layoutPage, looksLikePage } from '../layout/page.js';
import { layoutStory } from '../layout/story.js';
import { extractSlogans } from '../extract/slogans/index.js';
import { documentCurrency, extractFigures } from '../extract/figures/index.js';
import { finishEntities, tagEntities } from '../extract/entities/index.js';
import { anyTaken, coveredUnits, occurrences } from '../text/lookups.js';
import { loadIdf, mayBeKeyword, topKeywords } from '../keywords/tfidf.js';
import { jiebaIdfPath } from '../segment/jieba.js';
import { mergeSpans, DEFAULT_MERGE, type MergeKind } from '../tokens/merge.js';
import { statedYear } from '../layout/dates.js';
import { retokenize } from '../segment/retokenize.js';
import { verbatimPassage } from '../text/passage.js';
import { isTraditional, toSimplified } from '../normalize/script.js';
import { wordBounds, WORD_END, WORD_START } from '../segment/bounds.js';
import type { LayoutCues } from '../layout/cues.js';

const perPassage = <T>(state: Readonly<AnalysisState>, f: (p: Passage, i: number) => T[]): T[][] =>
  state.layout.passages.map(f);

/** Whether the document is Traditional: as its caller settled, else as its text reads. */
const traditionalText = (state: Readonly<AnalysisState>) => (state.givenScript ? state.givenScript === 'traditional' : isTraditional(state.raw));

/** A Traditional document's passages are analysed through a Simplified copy (same length). */
function inScript(layout: AnalysisState['layout'], traditional: boolean): Partial<AnalysisState> {
  if (!traditional) return { layout, script: 'simplified' };
  const passages = layout.passages.map((p) => ({ ...p, norm: toSimplified(p.norm) }));
  return { layout: { ...layout, passages }, script: 'traditional' };
}

const LAYOUT_FIELDS = ['layout', 'script', 'page', 'referenceYear'] as const;

export const layoutStage: Stage = {
  name: 'layout',
  requires: ['raw', 'options'],
  produces: LAYOUT_FIELDS,
  run: (state, env) => {
    const { raw, options } = state;
    const cues = env.resources.layoutCues();
    const page = options.layout === 'page' || (options.layout === 'auto' && looksLikePage(raw, cues));
    const traditional = traditionalText(state);
    // Not a page: a single story's head and tail are read (auto), or the text is taken as it is (none).
    const layout = page
      ? layoutPage(raw, cues, traditional)
      : options.layout === 'auto' ? layoutStory(raw, cues, traditional) : layoutRunningText(raw, cues, traditional);
    // A headline carried apart from the text names the first article; it has no offsets, as it is not
    // in the text (a headline the layout read from the text stays a headline passage).
    if (state.title && layout.articles[0]) layout.articles[0] = { ...layout.articles[0], title: state.title };
    const referenceYear = referenceYearOf({ options, page, raw, date: state.date });
    return { ...inScript(layout, traditional), page, referenceYear };
  },
};

/**
 * The text as one passage, exactly as given (not trimmed, no article, no dateline read): a line of
 * `zhnews segment`, whose tokens must tile it.   "  增长13.5%" -> one passage "  增长13.5%"
 */
export const verbatimLayout: Stage = {
  name: 'verbatim',
  requires: ['raw'],
  produces: LAYOUT_FIELDS,
  run: (state) => {
    const layout = { articles: [], passages: [verbatimPassage(state.raw, 0, 'paragraph', -1)] };
    return { ...inScript(layout, traditionalText(state)), page: false, referenceYear: state.options.referenceYear };
  },
};

export const segmentStage: Stage = {
  name: 'segment',
  requires: ['layout'],
  produces: ['words'],
  windowed: true,
  run: (state, env) => ({ words: perPassage(state, (p) => env.segmenter.tag(p.norm)) }),
};

export const slogansStage: Stage = {
  name: 'slogans',
  requires: ['layout'],
  produces: ['slogans'],
  windowed: true,
  run: (state, env) => ({ slogans: perPassage(state, (p) => extractSlogans(p.norm, env.resources.slogans())) }),
};

export const figuresStage: Stage = {
  name: 'figures',
  requires: ['layout', 'referenceYear'],
  optional: ['slogans'],
  produces: ['figures'],
  windowed: true,
  run: (state, env) => {
    const lex = env.resources.figures();
    const currency = state.part ? state.part.currency : documentCurrency(state.layout.passages.map((p) => p.norm), lex);
    return {
      figures: perPassage(state, (p, i) => extractFigures(p.norm, { referenceYear: state.referenceYear, blocked: state.slogans[i] ?? [], currency }, lex)),
    };
  },
};

/**
 * Entities: the tagger and the post-rules over each passage, the article's reporters where their names
 * stand, and (`carryNames`, the default) the people the document introduced found again bare in later
 * passages. Without carryNames each passage keeps to what it says itself (a line of `zhnews segment`).
 */
export function entitiesStage({ carryNames = true }: { carryNames?: boolean } = {}): Stage {
  const afterWindows = (state: Readonly<AnalysisState>, bounds: readonly Uint8Array[]) => ({
    entities: knownPeopleAgain(state, state.entities, (i) => bounds[i]!),
  });
  return {
    name: 'entities',
    requires: ['layout', 'words'],
    produces: ['entities'],
    windowed: true,
    run: (state, env) => {
      const [result] = entityStage([state], env.resources, carryNames);
      if (result instanceof Error) throw result;
      return result!;
    },
    runMany: (states, env) => entityStage(states, env.resources, carryNames),
    ...(carryNames ? { afterWindows } : {}),
  };
}

/**
 * Tokens: jieba's words with the spans of `merge` kept whole (tokens/merge.ts); the analysis keeps
 * numbers, entities and slogans (DEFAULT_MERGE), `zhnews segment --merge` chooses.
 */
export function tokensStage(merge: readonly MergeKind[] = DEFAULT_MERGE): Stage {
  const kinds = new Set(merge);
  return {
    name: 'tokens',
    requires: ['layout', 'words'],
    optional: ['slogans', 'entities', 'figures'],
    produces: ['tokens'],
    windowed: true,
    run: (state) => ({
      tokens: perPassage(state, (p, i) =>
        retokenize(
          state.words[i] ?? [],
          mergeSpans(p.norm, { slogans: state.slogans[i] ?? [], entities: state.entities[i] ?? [], figures: state.figures[i] ?? [] }, kinds),
        ),
      ),
    }),
  };
}

export const keywordsStage: Stage = {
  name: 'keywords',
  requires: ['layout', 'tokens'],
  optional: ['slogans'],
  produces: ['keywords'],
  run: (state, env) => {
    const byline = bylineNames(state);
    const cues = env.resources.layoutCues();
    const tokens = state.tokens.flatMap((_, i) => keywordTokens(state, i, byline, creditsOf(state.layout.passages[i]!, cues)));
    return { keywords: topKeywords(tokens, loadIdf(jiebaIdfPath()), env.resources.stopWords(), state.options.keywords) };
  },
};

/** The default stages, in order. */
export const STAGES: readonly Stage[] = [layoutStage, segmentStage, slogansStage, figuresStage, entitiesStage(), tokensStage(), keywordsStage];

/**
 * The stages of `zhnews segment`: each line one document taken as it is, jieba's words, and the
 * extractors that `merge` needs (slogans also for figures, which skip figures inside slogans) before
 * the tokens; entities keep to the line and, without an entity model, are left out with a word in
 * `problems`.
 */
export function segmentationStages(merge: readonly MergeKind[] = DEFAULT_MERGE, problems: string[] = []): Stage[] {
  const kinds = new Set(merge);
  return [
    verbatimLayout,
    segmentStage,
    ...(kinds.has('slogans') || kinds.has('figures') ? [slogansStage] : []),
    ...(kinds.has('figures') ? [figuresStage] : []),
    ...(kinds.has('entities') ? [softFailing(entitiesStage({ carryNames: false }), 'entities are not merged', problems)] : []),
    tokensStage(merge),
  ];
}

/**
 * `stage`, except that a document it fails on goes on without it: the failure is written once to
 * `problems` (prefixed with `what`), and the stage is not run again. For a stage whose findings only
 * refine the rest (entities merged into segment's tokens), not for one whose output is the point.
 */
export function softFailing(stage: Stage, what: string, problems: string[]): Stage {
  let failed = false;
  const fail = (e: Error): Partial<AnalysisState> => {
    if (!failed) problems.push(`${what}: ${e.message}`);
    failed = true;
    return {};
  };
  const run = (state: Readonly<AnalysisState>, env: PipelineEnv): Partial<AnalysisState> => {
    if (failed) return {};
    const r = attempt(() => stage.run(state, env));
    return r instanceof Error ? fail(r) : r;
  };
  return {
    ...stage,
    run,
    runMany: (states, env) => {
      if (!stage.runMany || failed) return states.map((s) => run(s, env));
      const results = attempt(() => stage.runMany!(states, env));
      if (results instanceof Error) return states.map(() => fail(results));
      // In the batch's order, as one at a time: the documents after the first failure go without it too.
      return results.map((r) => (r instanceof Error ? fail(r) : failed ? {} : r));
    },
  };
}

/** Who wrote the story: names from its bylines and datelines, which are no keywords. */
export const bylineNames = (state: Readonly<AnalysisState>): Set<string> =>
  new Set(state.layout.articles.flatMap((a) => [...a.reporters, ...a.correspondents]));

/**
 * The tokens of passage i that count towards keywords. Bylines say who wrote the story, not what it
 * is about: their lines, datelines, editor and source lines, and the names they give (also where a
 * dateline gives them: 本报讯（记者 王晓明）) are no keywords. Counted in the original characters (a
 * Traditional page keeps its own keywords); where the analysis text is the original, the token's own
 * string (already hashed by the tag lookup). A policy term counts as its term, whichever variant wrote
 * it (推动高质量发展 -> 高质量发展). `credits`: the passage's credit spans (creditsOf), shifted to the
 * window when the passage is a window of a longer one (they are read at the whole paragraph's head and tail).
 */
export function keywordTokens(state: Readonly<AnalysisState>, i: number, byline: ReadonlySet<string>, credits: [number, number][]): KeywordToken[] {
  const p = state.layout.passages[i]!;
  if (p.kind === 'byline' || p.kind === 'marker') return [];
  const same = p.text === p.norm;
  const terms = new Map((state.slogans[i] ?? []).filter((m) => m.norm).map((m) => [m.s, m]));
  return (state.tokens[i] ?? [])
    .filter((t) => mayBeKeyword(t.pos, t.e - t.s) && !credits.some(([s, e]) => t.s < e && s < t.e))
    .map((t) => {
      const term = terms.get(t.s);
      if (term && term.e === t.e) return { word: term.norm!, pos: t.pos };
      return same ? { word: t.word, pos: t.pos } : { word: p.text.slice(t.s, t.e), pos: t.pos, norm: t.word };
    })
    .filter((t) => !byline.has(t.word));
}

/** The spans of a passage that say who reported it (a paragraph's dateline and closing credit line). */
export const creditsOf = (p: Passage, cues: LayoutCues): [number, number][] => (p.kind === 'paragraph' ? cues.creditSpans(p.text) : []);

/**
 * The year 今年 and month-day dates resolve to: --year, else the year of the document's own date (its
 * record's --date-field: the day it was published), else for a newspaper page the year the page states
 * most (a page is one dated edition), else none: a paragraph quoted on its own may mention a year that
 * is not its date ("2026年目标……4月29日召开"), so its month-day dates stay "--04-29".
 */
export function referenceYearOf(state: Pick<AnalysisState, 'options' | 'page' | 'raw' | 'date'>): number | null {
  return state.options.referenceYear ?? (state.date ? Number(state.date.slice(0, 4)) : null) ?? (state.page ? statedYear(state.raw) : null);
}

/**
 * Entities of a batch of documents: the tagger over every passage first, then the post-rules (two sets
 * of tables that would otherwise take turns in the caches passage by passage: ~10 % of the stage).
 */
function entityStage(states: readonly Readonly<AnalysisState>[], res: Resources, carryNames: boolean): (Partial<AnalysisState> | Error)[] {
  const tagged = states.map((state) =>
    attempt(() => state.layout.passages.map((p, i) => (p.kind === 'byline' ? null : tagEntities(p.norm, state.words[i] ?? [], res)))),
  );
  return states.map((state, k) => {
    const found = tagged[k]!;
    if (found instanceof Error) return found;
    return attempt(() => {
      const entities = state.layout.passages.map((p, i) =>
        withReporters(state, p, finishEntities(p.norm, state.words[i] ?? [], found[i] ?? null, res, { explain: state.options.explain })),
      );
      if (state.part || !carryNames) return { entities };
      return { entities: knownPeopleAgain(state, entities, (i) => wordBounds(state.words[i] ?? [], state.layout.passages[i]!.norm.length)) };
    });
  });
}

/**
 * A person the document has introduced — in a byline, or next to a title (区政协党组书记、主席逯鹰) — is
 * the same person when the name comes back bare in a later paragraph (逯鹰在讲话中说), where the tagger,
 * without the title beside it, may miss it. Only such introduced names are carried, only onto whole
 * jieba words (刘腾 is not found inside 刘腾飞), and never over another entity.
 */
function knownPeopleAgain(state: Readonly<AnalysisState>, found: EntityMatch[][], boundsOf: (i: number) => Uint8Array): EntityMatch[][] {
  const names = new Set<string>();
  found.forEach((ms, i) => {
    const p = state.layout.passages[i]!;
    for (const m of ms) if (m.type === 'PER' && (p.kind === 'byline' || m.titles?.length) && m.e - m.s >= 2) names.add(p.norm.slice(m.s, m.e));
  });
  if (names.size === 0) return found;
  const list = [...names];
  return found.map((ms, i) => {
    const p = state.layout.passages[i]!;
    if (p.kind === 'byline') return ms;
    const bounds = boundsOf(i);
    const taken = coveredUnits(p.norm.length, ms);
    const added: EntityMatch[] = [];
    // Name by name in the order they were introduced, each where it occurs: an earlier name's
    // occurrence takes the place first.
    occurrences(p.norm, list).forEach((ats, k) => {
      const name = list[k]!;
      for (const at of ats) {
        const e = at + name.length;
        if (!(bounds[at]! & WORD_START) || !(bounds[e]! & WORD_END)) continue;
        if (anyTaken(taken, at, e)) continue;
        taken.fill(1, at, e);
        added.push({ s: at, e, type: 'PER', ...(state.options.explain ? { rules: ['known-people'] } : {}) });
      }
    });
    return added.length ? [...ms, ...added].sort((a, b) => a.s - b.s) : ms;
  });
}

/**
 * The article's reporters and correspondents, wherever their names stand in its passages (the byline,
 * or a dateline such as 新华社上海3月5日电（记者 孙立平 黄敏）), are PER entities with exactly those
 * spans; a tagger entity overlapping one gives way (it would have run the two names together:
 * 孙立平黄敏 once the letter-spacing is gone).
 */
function withReporters(state: Readonly<AnalysisState>, p: Passage, found: EntityMatch[]): EntityMatch[] {
  const article = state.layout.articles[p.article];
  if (!article) return found;
  const names: EntityMatch[] = [];
  for (const name of new Set([...article.reporters, ...article.correspondents])) {
    if (!name) continue;
    for (let at = p.text.indexOf(name); at >= 0; at = p.text.indexOf(name, at + name.length)) {
      names.push({ s: at, e: at + name.length, type: 'PER', ...(state.options.explain ? { rules: ['reporters'] } : {}) });
    }
  }
  if (names.length === 0) return found;
  const taken = coveredUnits(p.text.length, names);
  const rest = found.filter((m) => !anyTaken(taken, m.s, m.e));
  return [...rest, ...names].sort((a, b) => a.s - b.s);
}

/** f's result, or what it threw as an Error. */
export function attempt<T>(f: () => T): T | Error {
  try {
    return f();
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

