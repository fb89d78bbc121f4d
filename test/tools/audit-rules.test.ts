// The post-rule audit's scoring on a tiny gold file written here: exact span and type, masked spans not
// counted, F1 per corpus, the change when a rule is off, and the entities it changes. The rules are
// faked (apply gives fixed predictions), so every figure below is worked out by hand.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditRuns, corpusOf, formatTable, scoreRuns } from '../../src/tools/audit-rules.js';
import { EntityScore, readGold, type CpEntity } from '../../src/tools/ner-score.js';
import { POST_RULE_NAMES } from '../../src/extract/entities/post-rules/index.js';

const dir = mkdtempSync(join(tmpdir(), 'zhnews-audit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// 李明在北京工作: PER 李明 [0,2), LOC 北京 [3,5).
// 他在腾讯上班玩王者荣耀: ORG 腾讯 [3,5); the game 王者荣耀 [7,11) is masked (no type of ours).
const GOLD = [
  { id: 'm1', text: '李明在北京工作', entities: [{ type: 'PER', start: 0, end: 2 }, { type: 'LOC', start: 3, end: 5 }] },
  { id: 'c1', text: '他在腾讯上班玩王者荣耀', entities: [{ type: 'ORG', start: 3, end: 5 }], masked: [{ start: 7, end: 11 }] },
];
const goldFile = join(dir, 'gold.jsonl');
writeFileSync(goldFile, GOLD.map((g) => JSON.stringify(g)).join('\n') + '\n');

const e = (type: string, start: number, end: number): CpEntity => ({ type, start, end });
/** With every rule: all right, plus ORG 王者 inside the masked game (not counted). */
const ON = [[e('PER', 0, 2), e('LOC', 3, 5)], [e('ORG', 3, 5), e('ORG', 7, 9)]];
/** Without rule 'cut': the person cut to 李, and 他 read as a place. */
const CUT_OFF = [[e('PER', 0, 1), e('LOC', 3, 5)], [e('ORG', 3, 5), e('LOC', 0, 1)]];

describe('audit scoring', () => {
  const gold = readGold(goldFile);
  const samples = [
    { gold: gold[0]!, corpus: corpusOf('msra-train-01.jsonl') },
    { gold: gold[1]!, corpus: corpusOf('cluener-train.jsonl') },
  ];
  const runs = auditRuns(['cut', 'idle']);
  const results = scoreRuns(samples, runs, (i, skip) => (skip.includes('cut') ? CUT_OFF[i]! : ON[i]!));

  it('runs all on, all off, then each rule off', () => {
    expect(runs.map((r) => [r.name, r.skip])).toEqual([
      ['all on', []],
      ['all off', ['cut', 'idle']],
      ['cut', ['cut']],
      ['idle', ['idle']],
    ]);
    expect(auditRuns()).toHaveLength(POST_RULE_NAMES.length + 2);
  });

  it('scores per corpus, leaving out what lies inside a masked span', () => {
    const [on, , cut, idle] = results;
    expect(on!.f1).toEqual({ MSRA: 1, CLUENER: 1 });
    // MSRA: tp 1 (北京), fp 1 (李), fn 1 (李明): P .5 R .5. CLUENER: tp 1, fp 1 (他): P .5 R 1.
    expect(cut!.f1['MSRA']).toBeCloseTo(0.5, 10);
    expect(cut!.f1['CLUENER']).toBeCloseTo(2 / 3, 10);
    // 李明 and 李, 王者 and 他: two entities differ in each sentence.
    expect(cut!.changed).toBe(4);
    expect(idle).toEqual({ name: 'idle', f1: { MSRA: 1, CLUENER: 1 }, changed: 0 });
  });

  it('prints the change of F1 per corpus and summed, with the corpora in a fixed order', () => {
    const table = formatTable(results, { MSRA: 1, CLUENER: 1 }).split('\n');
    expect(table[0]).toBe('| rule off | MSRA ΔF1 | CLUENER ΔF1 | sum ΔF1 | entities changed |');
    expect(table[2]).toBe('| (none: all on, F1) | 1.0000 (1 sentences) | 1.0000 (1 sentences) | | |');
    expect(table).toContain('| cut | −0.5000 | −0.3333 | −0.8333 | 4 |');
    expect(table).toContain('| idle | +0.0000 | +0.0000 | +0.0000 | 0 |');
  });

  it('counts a duplicate prediction once and a wrong type as wrong', () => {
    const s = new EntityScore();
    s.add(gold[0]!, [e('PER', 0, 2), e('PER', 0, 2), e('ORG', 3, 5)]);
    expect(s.total()).toEqual({ tp: 1, fp: 1, fn: 1 });
    expect(s.byType.get('ORG')).toEqual({ tp: 0, fp: 1, fn: 0 });
    expect(s.byType.get('LOC')).toEqual({ tp: 0, fp: 0, fn: 1 });
  });

  it('names the corpus of a training file', () => {
    expect(['msra-train-02.jsonl', 'pd1998-train-01.jsonl', 'cluener-train.jsonl', 'weibo.jsonl'].map(corpusOf)).toEqual([
      'MSRA',
      "People's Daily",
      'CLUENER',
      'weibo',
    ]);
  });

  it('refuses a gold file with a broken line, naming file and line', () => {
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(bad, `${JSON.stringify(GOLD[0])}\n{"id": "x", "text": "半行\n`);
    expect(() => readGold(bad)).toThrow(`${bad}:2: not JSON`);
    writeFileSync(bad, `{"id": "y", "text": "没有实体字段"}\n`);
    expect(() => readGold(bad)).toThrow(`${bad}:1: wants`);
  });
});
