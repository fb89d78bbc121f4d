import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { readDocuments, decodeUtf8, type ByteSource, type InputItem } from '../src/input/index.js';


const source = (name: string, content: string | Buffer): ByteSource => ({
  name,
  read: async () => (typeof content === 'string' ? Buffer.from(content, 'utf8') : content),
});
const failing = (name: string): ByteSource => ({
  name,
  read: async () => {
    throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
  },
});
async function all(sources: ByteSource[], format: 'text' | 'jsonl' | 'csv' = 'text', idField = 'id', textField = 'text', encoding?: 'gb18030') {
  const out: InputItem[] = [];
  for await (const d of readDocuments(sources, { format, idField, textField, encoding })) out.push(d);
  return out;
}

/** A source read as a stream of `size`-byte chunks (so characters and rows straddle chunks). */
const chunked = (name: string, bytes: Buffer, size: number): ByteSource => ({
  name,
  read: async () => bytes,
  chunks: async function* () {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  },
});

/** A CSV of `rows` news rows, about 110 bytes each in UTF-8. */
const newsCsv = (rows: number) =>
  'id,text\n' + Array.from({ length: rows }, (_, i) => `n${i},"黄岛海关设立汽车出口绿色通道，1至7月份出口商用车28500余辆，同比增长13.5%。"\n`).join('');

describe('reading documents', () => {
  it('reads a text file as one document named by its path, dropping a BOM', async () => {
    expect(await all([source('a.txt', '\uFEFF本报讯 新区召开会议。')])).toEqual([{ id: 'a.txt', text: '本报讯 新区召开会议。', encoding: 'UTF-8' }]);
  });

  it('turns bytes that decode in no encoding into an error record and goes on with the next file', async () => {
    const junk = Buffer.from([0x80, 0xff, 0xfe, 0x81, 0x30, 0xff, 0xff]);
    const docs = await all([source('junk.txt', junk), source('ok.txt', '黄岛海关')]);
    expect(docs[0]).toMatchObject({ id: 'junk.txt', error: expect.stringMatching(/cannot decode/) });
    expect(docs[1]).toEqual({ id: 'ok.txt', text: '黄岛海关', encoding: 'UTF-8' });
  });

  it('names the first bad byte when UTF-8 is forced', async () => {
    const out: InputItem[] = [];
    for await (const d of readDocuments([source('gbk.txt', Buffer.from([0x41, 0xc7, 0xe0]))], { format: 'text', idField: 'id', textField: 'text', encoding: 'utf-8' })) out.push(d);
    expect(out[0]).toMatchObject({ error: 'not valid UTF-8 (first bad byte at offset 1)' });
  });

  it('reports an unreadable file as an error record', async () => {
    expect(await all([failing('missing.txt')])).toEqual([
      expect.objectContaining({ id: 'missing.txt', error: 'cannot read: ENOENT' }),
    ]);
  });

  it('keeps empty and whitespace-only documents as documents', async () => {
    expect(await all([source('empty.txt', ''), source('blank.txt', ' \n　\n')])).toEqual([
      { id: 'empty.txt', text: '', encoding: 'UTF-8' },
      { id: 'blank.txt', text: ' \n　\n', encoding: 'UTF-8' },
    ]);
  });

  it('reads JSONL: one document per line, bad lines become error records in place', async () => {
    const jsonl = [
      '{"id":"n1","text":"出口商用车28500余辆。"}',
      '{"id":"n2","text":',
      '',
      '["not", "an", "object"]',
      '{"id":"n4","body":"没有text字段"}',
      '{"id":5,"text":"数字id"}',
      '{"text":"无id"}',
    ].join('\n');
    const docs = await all([source('in.jsonl', jsonl)], 'jsonl');
    expect(docs).toEqual([
      { id: 'n1', text: '出口商用车28500余辆。', encoding: 'UTF-8' },
      expect.objectContaining({ id: 'in.jsonl:2', error: expect.stringMatching(/line 2 is not JSON/) }),
      expect.objectContaining({ id: 'in.jsonl:4', error: 'line 4 is not a JSON object' }),
      expect.objectContaining({ id: 'n4', error: 'line 5 has no string field "text" (its fields: id, body; name one with --text-field)' }),
      { id: '5', text: '数字id', encoding: 'UTF-8' },
      { id: 'in.jsonl:7', text: '无id', encoding: 'UTF-8' },
    ]);
  });

  it('honours --id-field and --text-field', async () => {
    const docs = await all([source('c.jsonl', '{"doc":"x1","body":"青岛开发区"}\n')], 'jsonl', 'doc', 'body');
    expect(docs).toEqual([{ id: 'x1', text: '青岛开发区', encoding: 'UTF-8' }]);
  });

  it('follows a dotted --id-field / --text-field into nested objects, and joins a list of paragraphs', async () => {
    const lines = [
      '{"meta":{"id":"a1"},"data":{"body":"青岛开发区召开会议。"}}',
      '{"meta":{"id":7},"data":{"body":["第一段，市政府召开会议。","第二段，增长5%。"]}}',
      '{"meta":{"id":"a3"},"data":{"body":[1,2]}}',
      '{"meta":{"id":"a4"},"data":"正文"}',
      '{"meta.id":"literal","data.body":"键名本身带点。"}',
    ];
    const docs = await all([source('n.jsonl', lines.join('\n') + '\n')], 'jsonl', 'meta.id', 'data.body');
    expect(docs[0]).toEqual({ id: 'a1', text: '青岛开发区召开会议。', encoding: 'UTF-8' });
    expect(docs[1]).toEqual({ id: '7', text: '第一段，市政府召开会议。\n第二段，增长5%。', encoding: 'UTF-8' });
    expect(docs[2]).toMatchObject({ id: 'a3', error: 'line 3 has no string field "data.body" (its fields: meta, data; name one with --text-field)' });
    expect(docs[3]).toMatchObject({ id: 'a4', error: expect.stringMatching(/^line 4 has no string field "data.body" /) });
    expect(docs[4]).toEqual({ id: 'literal', text: '键名本身带点。', encoding: 'UTF-8' });
  });

  it('reads the document date from --date-field, nested or not, and leaves out one that is no date', async () => {
    const lines = [
      '{"id":"d1","pub":"2024/3/5 08:30","text":"正文一"}',
      '{"id":"d2","meta":{"time":1709598600},"text":"正文二"}',
      '{"id":"d3","pub":"昨天","text":"正文三"}',
      '{"id":"d4","text":"正文四"}',
    ];
    const out: InputItem[] = [];
    const src = source('d.jsonl', lines.join('\n') + '\n');
    for await (const d of readDocuments([src], { format: 'jsonl', idField: 'id', textField: 'text', dateField: 'pub' })) out.push(d);
    expect(out.map((d) => ('date' in d ? d.date : null))).toEqual(['2024-03-05', null, null, null]);
    const nested: InputItem[] = [];
    for await (const d of readDocuments([src], { format: 'jsonl', idField: 'id', textField: 'text', dateField: 'meta.time' })) nested.push(d);
    expect(nested.map((d) => ('date' in d ? d.date : null))).toEqual([null, '2024-03-05', null, null]);
    // Without --date-field nothing is read.
    expect((await all([src], 'jsonl')).some((d) => 'date' in d)).toBe(false);
  });

  it('keeps the --keep-fields of a JSONL line (dotted names reach into nested objects) and of a CSV row', async () => {
    const lines = [
      '{"id":"k1","title":"港口吞吐量创新高","src":{"url":"https://example.cn/k1","tags":["港口","外贸"]},"text":"正文一"}',
      '{"id":"k2","text":"正文二"}',
    ];
    const out: InputItem[] = [];
    const keep = ['title', 'src.url', 'src.tags', 'constructor'];
    for await (const d of readDocuments([source('k.jsonl', lines.join('\n'))], { format: 'jsonl', idField: 'id', textField: 'text', keepFields: keep })) out.push(d);
    expect(out.map((d) => ('meta' in d ? d.meta : null))).toEqual([
      { title: '港口吞吐量创新高', 'src.url': 'https://example.cn/k1', 'src.tags': ['港口', '外贸'] },
      {},
    ]);
    const rows: InputItem[] = [];
    const csv = 'id,标题,text\nc1,外贸稳中有进,正文一\n';
    for await (const d of readDocuments([source('k.csv', csv)], { format: 'csv', idField: 'id', textField: 'text', keepFields: ['标题'] })) rows.push(d);
    expect(rows).toEqual([{ id: 'c1', text: '正文一', meta: { 标题: '外贸稳中有进' }, encoding: 'UTF-8' }]);
  });

  it('reads the document date of a CSV row', async () => {
    const csv = 'id,日期,text\nc1,2023年12月1日,正文一\nc2,,正文二\n';
    const out: InputItem[] = [];
    for await (const d of readDocuments([source('d.csv', csv)], { format: 'csv', idField: 'id', textField: 'text', dateField: '日期' })) out.push(d);
    expect(out).toEqual([
      { id: 'c1', text: '正文一', date: '2023-12-01', encoding: 'UTF-8' },
      { id: 'c2', text: '正文二', encoding: 'UTF-8' },
    ]);
  });

  it('finds only a record\'s own fields', async () => {
    const docs = await all([source('p.jsonl', '{"id":"p1","text":"正文"}\n')], 'jsonl', 'id', 'constructor');
    expect(docs[0]).toMatchObject({ id: 'p1', error: expect.stringMatching(/^line 1 has no string field "constructor" /) });
    const nested = await all([source('q.jsonl', '{"id":"q1","text":{"a":"正文"}}\n')], 'jsonl', 'id', 'text.toString');
    expect(nested[0]).toMatchObject({ id: 'q1', error: expect.stringMatching(/^line 1 has no string field "text.toString" /) });
  });

  it('flags a JSONL line whose bytes are not UTF-8 and keeps the others', async () => {
    const bytes = Buffer.concat([Buffer.from('{"id":"a","text":"好"}\n'), Buffer.from([0xff, 0xfe, 0x0a]), Buffer.from('{"id":"c","text":"行"}\n')]);
    const docs = await all([source('mixed.jsonl', bytes)], 'jsonl');
    expect(docs.map((d) => d.id)).toEqual(['a', 'mixed.jsonl:2', 'c']);
    expect(docs[1]).toHaveProperty('error', 'line 2 is not valid UTF-8');
  });

  it.each([
    ['UTF-16LE with a BOM', 'utf-16le', true],
    ['UTF-16BE without a BOM', 'utf-16be', false],
  ])('reads JSON Lines in %s: decoded before it is split into lines', async (_name, enc, bom) => {
    // 上 is 0A 4E in UTF-16LE and 円 4E 0A in UTF-16BE: a 0x0A byte that is no line break.
    const jsonl = '{"id":"上-1","text":"黄岛海关上半年出口商用车28500余辆。"}\n{"id":"円-2","text":"区政协召开会议。"}\n';
    const docs = await all([chunked('u16.jsonl', iconv.encode(jsonl, enc, { addBOM: bom }), 7)], 'jsonl');
    const encoding = enc === 'utf-16le' ? 'UTF-16LE' : 'UTF-16BE';
    expect(docs).toEqual([
      { id: '上-1', text: '黄岛海关上半年出口商用车28500余辆。', encoding },
      { id: '円-2', text: '区政协召开会议。', encoding },
    ]);
  });

  it('reads small files of known size on this thread, larger ones ahead through read(), errors alike', async () => {
    const never = () => {
      throw new Error('the other way of reading was used');
    };
    const big = '黄岛海关'.repeat(10_000);
    const docs = await all([
      { name: 'small.txt', size: 12, readSync: () => Buffer.from('新区召开会议'), read: never },
      { name: 'big.txt', size: Buffer.byteLength(big), read: async () => Buffer.from(big), readSync: never },
      { name: 'gone.txt', size: 12, read: never, readSync: () => { throw Object.assign(new Error('gone'), { code: 'ENOENT' }); } },
    ]);
    expect(docs.map((d) => ('text' in d ? d.text.length : d.error))).toEqual([6, 40_000, 'cannot read: ENOENT']);
  });

  it('streams a CSV export larger than its encoding sample, characters split across chunks', async () => {
    const csv = newsCsv(12_000); // ~1.3 MB: past the 1 MB the encoding is chosen from
    for (const [encoding, bytes] of [['UTF-8', Buffer.from(csv)], ['GB18030', iconv.encode(csv, 'gbk')]] as const) {
      const docs = await all([chunked('big.csv', bytes, 65_537)], 'csv');
      expect(docs).toHaveLength(12_000);
      expect(docs[11_999]).toEqual({ id: 'n11999', text: '黄岛海关设立汽车出口绿色通道，1至7月份出口商用车28500余辆，同比增长13.5%。', encoding });
    }
  });

  it('stops a CSV at bytes that no longer fit its encoding: the rows before, then one error record', async () => {
    for (const [encoding, name] of [['utf8', 'UTF-8'], ['gbk', 'GB18030']] as const) {
      const enc = (t: string) => iconv.encode(t, encoding);
      // 14,000 rows: past the first MB (the encoding's sample) in either encoding
      const bytes = Buffer.concat([enc(newsCsv(14_000)), enc('n14000,"坏'), Buffer.from([0xff, 0xff]), enc('"\nn14001,"后面"\n')]);
      const docs = await all([chunked('bad-tail.csv', bytes, 65_536)], 'csv');
      expect(docs).toHaveLength(14_001);
      expect(docs[13_999]).toMatchObject({ id: 'n13999', encoding: name });
      expect(docs[14_000]).toMatchObject({ id: 'bad-tail.csv:14002', error: `not valid ${name} from row 14002 on (the rest of the file is not read)` });
    }
  });

  it('lets its reader stop early: a CSV stream is closed, not left hanging', async () => {
    let taken = 0;
    for await (const d of readDocuments([chunked('many.csv', Buffer.from(newsCsv(20_000)), 4096)], { format: 'csv', idField: 'id', textField: 'text' })) {
      expect(d).toHaveProperty('text');
      if (++taken === 3) break;
    }
    expect(taken).toBe(3);
  });

  it('refuses a GBK JSON Lines export under --encoding auto, saying which encoding to ask for', async () => {
    const bytes = iconv.encode('{"id":"g1","text":"黄岛海关设立汽车出口绿色通道"}\n', 'gbk');
    const [refused] = await all([source('crawl.jsonl', bytes)], 'jsonl');
    expect(refused).toMatchObject({
      id: 'crawl.jsonl:1',
      error: 'line 1 is not valid UTF-8 (it reads as GB18030: if the file is, run with --encoding gb18030)',
    });
    expect(await all([source('crawl.jsonl', bytes)], 'jsonl', 'id', 'text', 'gb18030')).toEqual([
      { id: 'g1', text: '黄岛海关设立汽车出口绿色通道', encoding: 'GB18030' },
    ]);
  });

  it('reads CSV exports: one document per row, header names the fields, quoted line breaks kept', async () => {
    const csv = 'id,title,text\r\nc1,标题,"第一段。\n第二段，含逗号"\r\nc2,,黄岛海关\r\n';
    expect(await all([source('x.csv', csv)], 'csv')).toEqual([
      { id: 'c1', text: '第一段。\n第二段，含逗号', encoding: 'UTF-8' },
      { id: 'c2', text: '黄岛海关', encoding: 'UTF-8' },
    ]);
  });

  it('turns a CSV record it cannot read into an error record in its place, numbered as a spreadsheet row', async () => {
    // row 3 has a stray quote inside a field; row 5 spans two lines; row 6 never closes its quote
    const csv = 'id,text\nc1,黄岛海关\nc2,青岛"港\nc3,胶州湾\nc4,"第一段\n第二段"\nc5,"未闭合\n';
    const docs = await all([source('bad.csv', csv)], 'csv');
    expect(docs.map((d) => d.id)).toEqual(['c1', 'bad.csv:3', 'c3', 'c4', 'bad.csv:6']);
    expect(docs[1]).toHaveProperty('error', expect.stringMatching(/^bad CSV record: Invalid Opening Quote.*line 3/));
    expect(docs[3]).toHaveProperty('text', '第一段\n第二段');
    expect(docs[4]).toHaveProperty('error', 'bad CSV record: the quote opened on line 7 is not closed; line 7 skipped');
  });

  it('ends a quote left open at the next line that reads as a record: one error record, the rows after it kept', async () => {
    const rows = Array.from({ length: 200 }, (_, i) => `n${i},2024-03-0${1 + (i % 9)},"西海岸新区第${i}期城市更新项目开工。"`);
    // Row 4 opens a quote it never closes, and its text runs on over a second line.
    rows[2] = 'n2,2024-03-03,"记者从区住建局获悉，本月将启动老旧小区改造';
    rows.splice(3, 0, '涉及居民1200户');
    const csv = 'id,date,text\n' + rows.join('\n') + '\n';
    const docs = await all([chunked('open.csv', Buffer.from(csv), 300)], 'csv');
    expect(docs).toHaveLength(200);
    expect(docs.slice(0, 4).map((d) => d.id)).toEqual(['n0', 'n1', 'open.csv:4', 'n3']);
    expect(docs[2]).toHaveProperty('error', 'bad CSV record: the quote opened on line 4 is not closed; lines 4-5 skipped');
    expect(docs[199]).toMatchObject({ id: 'n199', text: '西海岸新区第199期城市更新项目开工。' });
  });

  it('keeps a quoted field over several lines whole, an ASCII comma and a doubled quote in it', async () => {
    const csv = 'id,text\nm1,"第一段, 含逗号\n第二段说""好""\n第三段"\nm2,黄岛海关\n';
    expect((await all([source('multi.csv', csv)], 'csv')).map((d) => ('text' in d ? d.text : d.error))).toEqual(['第一段, 含逗号\n第二段说"好"\n第三段', '黄岛海关']);
    // One column: every line of the field reads as a record of one field, so no line ends the quote early.
    const one = 'text\n"第一段\n第二段\n第三段"\n胶州湾\n';
    expect((await all([source('one.csv', one)], 'csv')).map((d) => ('text' in d ? d.text : d.error))).toEqual(['第一段\n第二段\n第三段', '胶州湾']);
  });

  it('reports a CSV without the text column once, as an error record', async () => {
    const docs = await all([source('y.csv', 'id,body\n1,正文\n')], 'csv');
    expect(docs).toEqual([expect.objectContaining({ id: 'y.csv', error: 'CSV has no column "text" (its columns: id, body; name one with --text-field)' })]);
  });

  it('decodeUtf8 rejects a truncated multi-byte character', () => {
    expect(decodeUtf8(Buffer.from('青岛', 'utf8').subarray(0, 4))).toBeNull();
  });
});
