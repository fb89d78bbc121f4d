// Resources (src/resources.ts): each Pipeline reads its own dicts folder, loads only what its stages ask
// for, and a folder that lacks a file says which.
import { describe, expect, it } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_OPTIONS, Pipeline } from '../src/pipeline.js';
import { Resources } from '../src/resources.js';
import { DictError, DictFolder } from '../src/dicts.js';
import { DICTS_DIR } from '../src/paths.js';
import { main } from '../src/cli/main.js';
import type { CliIO } from '../src/cli/io.js';
import type { DocumentRecord } from '../src/types.js';

/** A copy of the package's dicts/ in a temporary folder, changed by `edit` (file name -> new text, or null: removed). */
function dictsCopy(edit: (read: (name: string) => string) => Record<string, string | null> = () => ({})): string {
  const dir = mkdtempSync(join(tmpdir(), 'zhnews-dicts-'));
  cpSync(DICTS_DIR, dir, { recursive: true });
  const read = (name: string) => readFileSync(join(dir, name), 'utf8');
  for (const [name, text] of Object.entries(edit(read))) {
    if (text === null) rmSync(join(dir, name));
    else writeFileSync(join(dir, name), text);
  }
  return dir;
}

/** The copy without the known-names line that makes 东盟 an organisation. */
const withoutAsean = () => dictsCopy((read) => ({ 'ner/known-names.txt': read('ner/known-names.txt').replace(/^东盟\tORG\n/m, '') }));

const running = { ...DEFAULT_OPTIONS, layout: 'none' as const, disable: ['keywords' as const] };
const entities = (r: DocumentRecord | Error) => {
  if (r instanceof Error) throw r;
  return r.entities.map((x) => `${x.type}:${x.text}`);
};

// The tagger reads 东盟 next to 中国 as a place; known-names.txt lists it as an organisation.
const ASEAN = '中国与东盟各国加强经贸合作。';

describe('one Resources per Pipeline', () => {
  it('two Pipelines with two dicts folders analyse side by side in one process', () => {
    const bundled = new Pipeline(running);
    const custom = new Pipeline({ ...running, dicts: withoutAsean() });
    expect(entities(bundled.analyze('a', ASEAN))).toEqual(['LOC:中国', 'ORG:东盟']);
    expect(entities(custom.analyze('b', ASEAN))).toEqual(['LOC:中国', 'LOC:东盟']);
    // Neither changed the other's tables.
    expect(entities(bundled.analyze('a', ASEAN))).toEqual(['LOC:中国', 'ORG:东盟']);
    // (Not `not.toBe`: on objects that differ it deep-compares them, tables and all, for its message.)
    expect(bundled.env.resources === custom.env.resources).toBe(false);
    expect(bundled.env.resources.dir).toBe(DICTS_DIR);
  });

  it('a Resources handed to two Pipelines is loaded once and shared', () => {
    const shared = new Resources();
    const a = new Pipeline(running, { resources: shared });
    const b = new Pipeline({ ...running, tokens: true }, { resources: shared });
    expect(entities(a.analyze('a', ASEAN))).toEqual(entities(b.analyze('b', ASEAN)));
    expect(a.env.resources.tagger()).toBe(b.env.resources.tagger());
  });

  it('a folder without the model fails each document that needs it, naming the file', () => {
    const dir = dictsCopy(() => ({ 'ner/model.bin': null }));
    const [r] = new Pipeline({ ...running, dicts: dir }).analyzeMany([{ id: 'a', raw: ASEAN }]);
    expect(r).toBeInstanceOf(DictError);
    expect((r as Error).message).toBe(`${join(dir, 'ner', 'model.bin')}: no such file (dicts folder ${dir})`);
  });

  it('loads only what the stages ask for: without entities, no model is needed', () => {
    const dir = dictsCopy(() => ({ 'ner/model.bin': null }));
    const r = new Pipeline({ ...running, dicts: dir, disable: ['entities', 'keywords'] }).analyze('a', '增长13.5%');
    expect(r.entities).toEqual([]);
    expect(r.figures.map((f) => f.text)).toEqual(['13.5%']);
  });

  it('reads the figure tables of its folder', () => {
    // 台套 (sets of equipment) added to the copy's units: the longer unit wins there, 台 is read here.
    const dir = dictsCopy((read) => ({ 'figures-units.tsv': read('figures-units.tsv') + '台套\tquantity\t台套\tone\n' }));
    const text = '今年新增工业机器人1200台套。';
    const figure = (p: Pipeline) => p.analyze('a', text).figures.map((f) => [f.text, f.value, f.unit]);
    expect(figure(new Pipeline(running))).toEqual([['1200台', 1200, '台']]);
    expect(figure(new Pipeline({ ...running, dicts: dir }))).toEqual([['1200台套', 1200, '台套']]);
  });

  it('reads the numeral characters of its folder', () => {
    // 參, the Traditional 大写 three, is read through the Simplified copy as 参: added to the copy's
    // numerals, 參仟伍佰萬 is 3500万 there; here 参 is no numeral, so the sum starts at 仟 (one thousand).
    const dir = dictsCopy((read) => ({ 'figures-numerals.tsv': read('figures-numerals.tsv') + '参\tdigit\t3\tfinancial\n' }));
    const text = '合同金額為參仟伍佰萬元。';
    const figure = (p: Pipeline) => p.analyze('a', text).figures.map((f) => [f.text, f.value, f.unit]);
    expect(figure(new Pipeline(running))).toEqual([['仟伍佰萬元', 15_000_000, 'CNY']]);
    expect(figure(new Pipeline({ ...running, dicts: dir }))).toEqual([['參仟伍佰萬元', 35_000_000, 'CNY']]);
  });

  it('reads the slogan tables of its folder', () => {
    // A policy term added to the copy's slogans-terms.tsv is found there, and only there.
    const dir = dictsCopy((read) => ({ 'slogans-terms.tsv': read('slogans-terms.tsv') + '数字乡村示范带\t-\t浙江\t县政府工作报告\n' }));
    const text = '全县建成数字乡村示范带三条。';
    const terms = (p: Pipeline) => p.analyze('a', text).slogans.map((s) => `${s.kind}:${s.text}`);
    expect(terms(new Pipeline(running))).toEqual([]);
    expect(terms(new Pipeline({ ...running, dicts: dir }))).toEqual(['term:数字乡村示范带']);
  });

  it('reads the layout cues of its folder', () => {
    // A county media centre's byline label added to the copy's layout-bylines.tsv: the closing bracket
    // names a reporter there; here the label is unknown, so the bracket is no byline.
    const dir = dictsCopy((read) => ({ 'layout-bylines.tsv': read('layout-bylines.tsv') + '县融媒体中心记者\treporter\n' }));
    const text = '今年全县新修农村公路一百二十公里，沿线群众出行更加方便。（县融媒体中心记者 陈思远）';
    const options = { ...running, disable: ['entities' as const, 'keywords' as const] };
    const reporters = (p: Pipeline) => p.analyze('a', text).articles.flatMap((a) => a.reporters);
    expect(reporters(new Pipeline(options))).toEqual([]);
    expect(reporters(new Pipeline({ ...options, dicts: dir }))).toEqual(['陈思远']);
  });

  it('a bad pattern in its layout cues names file:line', () => {
    const dir = dictsCopy((read) => ({ 'layout-furniture.tsv': read('layout-furniture.tsv') + '^责任编辑[\n' }));
    const line = readFileSync(join(dir, 'layout-furniture.tsv'), 'utf8').split('\n').length - 1;
    expect(() => new Resources(dir).layoutCues()).toThrow(`layout-furniture.tsv:${line}: bad pattern`);
  });

  it('reads the keyword stop words of its folder', () => {
    const dir = dictsCopy((read) => ({ 'keywords-stopwords.txt': read('keywords-stopwords.txt') + '充电桩\tgeneric-action\n' }));
    const text = '今年全市新建充电桩三千个，充电桩覆盖所有乡镇，新能源汽车出行更方便。';
    const keywords = (p: Pipeline) => p.analyze('a', text).keywords.map((k) => k.word);
    const options = { ...running, disable: [] };
    expect(keywords(new Pipeline(options))).toContain('充电桩');
    expect(keywords(new Pipeline({ ...options, dicts: dir }))).not.toContain('充电桩');
  });

  it('a word list missing beside a good model fails when the post-rules first need it', () => {
    const dir = dictsCopy(() => ({ 'ner/titles-attach.txt': null }));
    const res = new Resources(dir);
    expect(res.tagger().tag(ASEAN, []).length).toBeGreaterThan(0);
    expect(() => res.lexicon()).toThrow(`${join(dir, 'ner', 'titles-attach.txt')}: no such file`);
  });
});

describe('DictFolder', () => {
  it('reads a file once and names file:line on a bad entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-dicts-'));
    writeFileSync(join(dir, 'places.tsv'), '\uFEFF# What: test places\n青岛\tcity\n\n黄岛区\n');
    const folder = new DictFolder(dir);
    expect(folder.read('places.tsv')).toBe(folder.read('places.tsv'));
    expect(folder.read('places.tsv').map((r) => r.fields[0])).toEqual(['青岛', '黄岛区']);
    expect(() => folder.read('places.tsv', 2)).toThrow('places.tsv:4: expected 2 tab-separated fields, got "黄岛区"');
    expect(() => folder.read('nowhere.tsv')).toThrow(`${join(dir, 'nowhere.tsv')}: no such file`);
  });
});

/** `zhnews <args>` in process, with `stdin` as its standard input. */
async function runMain(args: string[], stdin: string) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = {
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => ((stderr += s), true) },
    readStdin: async () => Buffer.from(stdin),
    env: {},
  };
  const status = await main(['node', 'zhnews', ...args], io);
  return { status, stdout, stderr };
}

describe('analyze --dicts', () => {
  const analyze = (args: string[], stdin: string) => runMain(['analyze', '--no-layout', '--jobs', '1', '--format', 'jsonl', ...args], stdin);

  it('reads the folder given', async () => {
    const r = await analyze(['--dicts', withoutAsean()], ASEAN);
    expect(r.status).toBe(0);
    expect(entities(JSON.parse(r.stdout) as DocumentRecord)).toEqual(['LOC:中国', 'LOC:东盟']);
  });

  it('is a usage error for a folder that is not there or lacks a file, before any input is read', async () => {
    const none = await analyze(['--dicts', join(tmpdir(), 'zhnews-no-such-dicts')], ASEAN);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain(`--dicts: not a directory: ${join(tmpdir(), 'zhnews-no-such-dicts')}`);
    const dir = dictsCopy(() => ({ 'ner/departments.txt': null }));
    const lacking = await analyze(['--dicts', dir], ASEAN);
    expect(lacking.status).toBe(2);
    expect(lacking.stderr).toContain(`--dicts: ${join(dir, 'ner', 'departments.txt')}: no such file`);
    expect(lacking.stdout).toBe('');
  });
});

describe('segment --dicts', () => {
  it('reads the folder given: without its known-names line, 东盟 is tagged a place name', async () => {
    const bundled = await runMain(['segment', '--pos'], ASEAN + '\n');
    const custom = await runMain(['segment', '--pos', '--dicts', withoutAsean()], ASEAN + '\n');
    expect(bundled.stdout).toContain('东盟/nt');
    expect(custom.status).toBe(0);
    expect(custom.stdout).toContain('东盟/ns');
  });
});
