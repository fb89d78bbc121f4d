// Which post-rules touched an entity: `rules`, written only with `explain` (library) / `--explain` (CLI).
import { describe, expect, it } from 'vitest';
import { credit, POST_RULES } from '../../../../src/extract/entities/post-rules/index.js';
import { DEFAULT_OPTIONS, Pipeline } from '../../../../src/pipeline.js';
import { main } from '../../../../src/cli/main.js';
import type { CliIO } from '../../../../src/cli/io.js';
import type { DocumentRecord } from '../../../../src/types.js';
import type { EntityMatch } from '../../../../src/extract/types.js';

describe('credit', () => {
  const loc = (s: number, e: number, rules?: string[]): EntityMatch => ({ type: 'LOC', s, e, ...(rules ? { rules } : {}) });

  it('names the rule on a merged span, after the names its parts carried', () => {
    // 山东省[0,3) (added by known-names) + 青岛市[3,6) -> 山东省青岛市[0,6)
    const out = credit([loc(0, 3, ['known-names']), loc(3, 6)], [loc(0, 6)], 'admin-chains');
    expect(out.map((x) => x.rules)).toEqual([['known-names', 'admin-chains']]);
  });

  it('leaves an entity the rule kept as it was, even as a copy', () => {
    const out = credit([loc(0, 2), loc(5, 7, ['zones'])], [loc(0, 2), { ...loc(5, 7) }], 'edges');
    expect(out.map((x) => x.rules)).toEqual([undefined, ['zones']]);
  });

  it('names the rule on both halves of a split, and on a changed type or new titles', () => {
    const org = (s: number, e: number): EntityMatch => ({ type: 'ORG', s, e });
    expect(credit([org(0, 10)], [org(0, 4), org(6, 10)], 'joint-bodies').map((x) => x.rules)).toEqual([['joint-bodies'], ['joint-bodies']]);
    expect(credit([loc(0, 8)], [org(0, 8)], 'bodies-not-places')[0]!.rules).toEqual(['bodies-not-places']);
    const per: EntityMatch = { type: 'PER', s: 4, e: 6 };
    expect(credit([per], [{ ...per, titles: ['主席'] }], 'titles')[0]!.rules).toEqual(['titles']);
  });

  it('does not name a rule twice', () => {
    expect(credit([loc(0, 3, ['edges'])], [loc(1, 3)], 'edges')[0]!.rules).toEqual(['edges']);
  });
});

describe('POST_RULES', () => {
  it('has one rule per name, in kebab case', () => {
    const names = POST_RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const n of names) expect(n).toMatch(/^[a-z]+(?:-[a-z]+)*$/);
  });
});

/** Entities as 'TYPE:text rule,rule'. */
const explained = (r: DocumentRecord) => r.entities.map((x) => `${x.type}:${x.text} ${(x.rules ?? ['-']).join(',')}`);

describe('explain on whole sentences', () => {
  const pipeline = new Pipeline({ ...DEFAULT_OPTIONS, layout: 'none', explain: true });

  it.each([
    [
      '区政协党组书记、主席逯鹰出席在山东省青岛市举行的会议，区教育局联合市公安局开展检查。',
      ['PER:逯鹰 titles', 'LOC:山东省青岛市 admin-chains', 'ORG:区教育局 joint-bodies', 'ORG:市公安局 joint-bodies'],
    ],
    ['美国总统拜登表示将访问上海。', ['PER:拜登 listed-names,titles']],
    ['海关总署发布通知，黄岛口岸恢复通关。', ['LOC:黄岛口岸 place-suffixes']],
  ])('%s', (text, expected) => {
    const got = explained(pipeline.analyze('t', text));
    for (const e of expected) expect(got).toContain(e);
  });

  it('gives the tagger\'s own spans an empty list', () => {
    const r = pipeline.analyze('t', '美国总统拜登表示将访问上海。');
    expect(r.entities.find((x) => x.text === '上海')?.rules).toEqual([]);
  });

  it('writes no rules field without explain', () => {
    const r = new Pipeline({ ...DEFAULT_OPTIONS, layout: 'none' }).analyze('t', '江苏省徐州市中级人民法院昨天公开审理此案。');
    expect(r.entities.length).toBeGreaterThan(0);
    for (const x of r.entities) expect(x).not.toHaveProperty('rules');
  });
});

describe('analyze --explain', () => {
  async function analyze(args: string[], stdin: string) {
    let stdout = '';
    const io: CliIO = {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: () => true },
      readStdin: async () => Buffer.from(stdin),
      env: {},
    };
    const status = await main(['node', 'zhnews', 'analyze', '--no-layout', '--jobs', '1', '--format', 'jsonl', ...args], io);
    return { status, record: JSON.parse(stdout) as DocumentRecord, stdout };
  }
  const TEXT = '区教育局联合市公安局开展检查。';

  it('writes the rules with the flag, and nothing of them without it', async () => {
    const on = await analyze(['--explain'], TEXT);
    expect(on.status).toBe(0);
    expect(on.record.entities.map((x) => [x.text, x.rules])).toEqual([
      ['区教育局', ['joint-bodies']],
      ['市公安局', ['joint-bodies']],
    ]);
    const off = await analyze([], TEXT);
    expect(off.stdout).not.toContain('"rules"');
    expect(off.record.entities.map((x) => x.text)).toEqual(['区教育局', '市公安局']);
  });
});
