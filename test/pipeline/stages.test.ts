// A Pipeline built from a stage list: a list without a stage gives what disabling it gives, the
// stage variants `zhnews segment` uses keep to what a line says, and a soft-failing stage lets the
// run go on without it.

import { describe, expect, it } from 'vitest';
import {
  DEFAULT_OPTIONS, entitiesStage, figuresStage, keywordsStage, layoutStage, Pipeline, segmentStage, slogansStage, softFailing,
  tokensStage, verbatimLayout, type Stage,
} from '../../src/pipeline.js';
import { expectSpansHold } from '../helpers.js';

const running = { ...DEFAULT_OPTIONS, layout: 'none' as const };
const REPORT = '区政府今天召开常务会议，前7个月外贸进出口总额同比增长13.5%，青岛西海岸新区引进项目42个。';

describe('a Pipeline with a stage list', () => {
  it('without entities finds no entities, and gives the record that disabling them gives', () => {
    const stages = [layoutStage, segmentStage, slogansStage, figuresStage, tokensStage(), keywordsStage];
    const rec = new Pipeline({ ...running, stages }).analyze('r', REPORT);
    expect(rec.entities).toEqual([]);
    expect(rec.figures.map((f) => f.text)).toContain('13.5%');
    expect(rec.keywords.length).toBeGreaterThan(0);
    const disabled = new Pipeline({ ...running, disable: ['entities'] }).analyze('r', REPORT);
    expect(JSON.stringify(rec)).toBe(JSON.stringify(disabled));
    // The default list does find the place, so the empty list above is the stage's absence.
    expect(new Pipeline(running).analyze('r', REPORT).entities.map((e) => e.text)).toContain('青岛西海岸新区');
  });

  it('runs a stage of its own, placed where what it reads is made', () => {
    // A stage that keeps only the figures with a unit (42个: 个; 13.5% has none).
    const measured: Stage = {
      name: 'measured',
      requires: ['figures'],
      produces: ['figures'],
      windowed: true,
      run: (state) => ({ figures: state.figures.map((ms) => ms.filter((m) => m.unit !== null)) }),
    };
    const stages = [layoutStage, slogansStage, figuresStage, measured];
    const text = '同比增长13.5%，引进项目42个。';
    const rec = new Pipeline({ ...running, stages }).analyze('r', text);
    expect(rec.figures.map((f) => f.text)).toEqual(['42个']);
    expect(rec.keywords).toEqual([]);
    expectSpansHold(text, rec);
    expect(() => new Pipeline({ ...running, stages: [layoutStage, measured, figuresStage] })).toThrow(
      'stage "measured" requires "figures", which no stage before it produces ("figures" produces it, after)',
    );
  });

  it('disabling segment leaves entities and tokens without words, as before: no tokens, no keywords', () => {
    const rec = new Pipeline({ ...running, tokens: true, disable: ['segment'] }).analyze('r', REPORT);
    expect(rec.tokens).toEqual([]);
    expect(rec.keywords).toEqual([]);
    expect(rec.figures.map((f) => f.text)).toContain('13.5%');
  });
});

describe('stage variants', () => {
  it('entities without carryNames keep to what each passage says (no introduced name found bare again)', () => {
    // Bare, 仉静 is not found by the tagger alone; next to a title it is, and the default entities
    // stage then finds the name again in the second line (at 21).
    const raw = '县政协党组书记、主席仉静出席会议并讲话。\n仉静在讲话中说，要抓好项目建设。';
    const starts = (stages?: Stage[]) =>
      new Pipeline({ ...running, ...(stages ? { stages } : {}) }).analyze('p', raw).entities.filter((e) => e.text === '仉静').map((e) => e.start);
    expect(starts()).toEqual([10, 21]);
    expect(starts([layoutStage, segmentStage, entitiesStage({ carryNames: false })])).toEqual([10]);
  });

  it('the verbatim layout takes the text as one passage, spaces and all', () => {
    const raw = '  增长13.5%\t';
    const state = new Pipeline({ ...running, stages: [verbatimLayout] }).run('v', raw);
    expect(state.layout.passages.map((p) => p.text)).toEqual([raw]);
    expect(state.layout.articles).toEqual([]);
  });

  it('a soft-failing stage is left out after its first failure, said once, and the rest goes on', () => {
    let calls = 0;
    const broken: Stage = {
      name: 'broken',
      requires: ['layout'],
      produces: ['slogans'],
      run: () => {
        calls++;
        throw new Error('no lexicon');
      },
    };
    const problems: string[] = [];
    const pipeline = new Pipeline({ ...running, stages: [layoutStage, softFailing(broken, 'slogans are left out', problems), figuresStage] });
    const states = pipeline.runMany([{ id: 'a', raw: '增长13.5%' }, { id: 'b', raw: '“五位一体”' }]);
    expect(states.every((s) => !(s instanceof Error))).toBe(true);
    expect(problems).toEqual(['slogans are left out: no lexicon']);
    expect(calls).toBe(1);
    expect(pipeline.analyze('c', '增长13.5%').figures.map((f) => f.text)).toEqual(['13.5%']);
  });
});
