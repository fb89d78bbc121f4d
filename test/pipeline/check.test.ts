// The check a stage list passes when a Pipeline is built: each stage's required fields come from the
// input or an earlier stage, optional ones never from a later stage, names are unique, `disable`
// names stages of the list.

import { describe, expect, it } from 'vitest';
import {
  checkStages, entitiesStage, figuresStage, keywordsStage, layoutStage, Pipeline, segmentationStages, segmentStage, slogansStage, STAGES,
  StageOrderError, tokensStage, verbatimLayout, DEFAULT_OPTIONS, type Stage,
} from '../../src/pipeline.js';
import { MERGE_KINDS, type MergeKind } from '../../src/tokens/merge.js';

const entities = entitiesStage();

describe('checkStages', () => {
  it('passes the default list and every segmentation list', () => {
    expect(() => checkStages(STAGES)).not.toThrow();
    const subsets = (kinds: readonly MergeKind[]): MergeKind[][] =>
      kinds.length === 0 ? [[]] : subsets(kinds.slice(1)).flatMap((s) => [s, [kinds[0]!, ...s]]);
    for (const merge of subsets(MERGE_KINDS)) expect(() => checkStages(segmentationStages(merge)), merge.join()).not.toThrow();
  });

  it.each<[string, Stage[], RegExp]>([
    ['a stage before the one it needs', [layoutStage, entities, segmentStage], /stage "entities" requires "words", which no stage before it produces \("segment" produces it, after\)/],
    ['a needed stage missing', [layoutStage, slogansStage, keywordsStage], /stage "keywords" requires "tokens", which no stage before it produces$/],
    ['no layout at all', [segmentStage, tokensStage()], /stage "segment" requires "layout"/],
    ['an optional field produced too late', [layoutStage, segmentStage, tokensStage(), slogansStage], /stage "tokens" reads "slogans", which "slogans" produces after it/],
    ['figures before slogans', [layoutStage, figuresStage, slogansStage], /stage "figures" reads "slogans", which "slogans" produces after it/],
    ['a name twice', [layoutStage, segmentStage, segmentStage], /stage "segment" is listed twice/],
  ])('refuses %s', (_, stages, message) => {
    expect(() => checkStages(stages)).toThrow(StageOrderError);
    expect(() => checkStages(stages)).toThrow(message);
  });

  it('lets a list leave out a stage whose fields are only read when there (tokens without entities)', () => {
    expect(() => checkStages([verbatimLayout, segmentStage, tokensStage()])).not.toThrow();
  });

  it('counts a disabled stage as there: what reads its fields runs on their empty defaults', () => {
    expect(() => checkStages(STAGES, ['segment', 'tokens'])).not.toThrow();
  });

  it('refuses to disable a stage the list does not have, naming the stages it has', () => {
    expect(() => checkStages([verbatimLayout, segmentStage, tokensStage()], ['entities'])).toThrow(
      'disable: no stage "entities" in the list (stages: verbatim, segment, tokens)',
    );
  });

  it('runs when a Pipeline is built', () => {
    const stages = [layoutStage, figuresStage, slogansStage];
    expect(() => new Pipeline({ ...DEFAULT_OPTIONS, stages })).toThrow(/stage "figures" reads "slogans"/);
  });
});
