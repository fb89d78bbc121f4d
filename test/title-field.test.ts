// --title-field: a headline that a JSONL / CSV export carries apart from the text becomes the article's
// title; offsets stay offsets into the text field.

import { describe, expect, it } from 'vitest';
import { readDocuments, type ByteSource, type InputItem } from '../src/input/read.js';
import { Pipeline, DEFAULT_OPTIONS } from '../src/pipeline.js';
import { main } from '../src/cli/main.js';
import type { DocumentRecord } from '../src/types.js';

const source = (name: string, content: string): ByteSource => ({ name, read: async () => Buffer.from(content, 'utf8') });

async function read(src: ByteSource, format: 'jsonl' | 'csv', titleField?: string): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const d of readDocuments([src], { format, idField: 'id', textField: 'text', titleField })) out.push(d);
  return out;
}

describe('--title-field', () => {
  it('reads the headline from JSONL (nested too) and CSV; a blank or missing one is left out', async () => {
    const jsonl = [
      '{"id":"t1","headline":"春季招聘会提供岗位两万个","text":"招聘会共有三百家企业参加。"}',
      '{"id":"t2","meta":{"title":" 跨海大桥主体完工 "},"text":"大桥全长十二公里。"}',
      '{"id":"t3","headline":"  ","text":"正文三。"}',
      '{"id":"t4","text":"正文四。"}',
    ].join('\n');
    const flat = await read(source('a.jsonl', jsonl), 'jsonl', 'headline');
    expect(flat.map((d) => ('title' in d ? d.title : null))).toEqual(['春季招聘会提供岗位两万个', null, null, null]);
    const nested = await read(source('a.jsonl', jsonl), 'jsonl', 'meta.title');
    expect(nested.map((d) => ('title' in d ? d.title : null))).toEqual([null, '跨海大桥主体完工', null, null]);
    const none = await read(source('a.jsonl', jsonl), 'jsonl');
    expect(none.some((d) => 'title' in d)).toBe(false);
    const csv = await read(source('b.csv', 'id,标题,text\nc1,老街改造留住城市记忆,老街改造今年完工。\n'), 'csv', '标题');
    expect(csv[0]).toMatchObject({ id: 'c1', title: '老街改造留住城市记忆', text: '老街改造今年完工。' });
  });

  it('becomes the first article\'s title; offsets stay in the text', () => {
    const pipeline = new Pipeline({ ...DEFAULT_OPTIONS, disable: ['entities', 'keywords'] });
    const text = '今年以来，全市新增就业岗位5万个。\n就业形势保持稳定。';
    const rec = pipeline.analyze('t', text, { title: '全市新增就业岗位五万个' });
    expect(rec.articles[0]!.title).toBe('全市新增就业岗位五万个');
    expect(rec.articles[0]!.start).toBe(0);
    const fig = rec.figures.find((f) => f.text === '5万个')!;
    expect([...text].slice(fig.start, fig.end).join('')).toBe('5万个');
    expect(rec.unassigned).toBe(0);
    // No title field: the running text has none.
    expect(pipeline.analyze('t', text).articles[0]!.title).toBeNull();
  });

  it('on the command line', async () => {
    let stdout = '';
    const args = ['analyze', '--input-format', 'jsonl', '--title-field', 'headline', '--disable', 'entities,keywords', '--format', 'jsonl', '--jobs', '1'];
    const status = await main(['node', 'zhnews', ...args], {
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: () => true },
      readStdin: async () => Buffer.from('{"id":"x","headline":"春季招聘会提供岗位两万个","text":"招聘会共有三百家企业参加。"}\n', 'utf8'),
      env: {},
    });
    expect(status).toBe(0);
    const rec = JSON.parse(stdout.trim()) as DocumentRecord;
    expect(rec.articles[0]!.title).toBe('春季招聘会提供岗位两万个');
    expect(rec.articles[0]!.paragraphs).toEqual(['招聘会共有三百家企业参加。']);
  });
});
