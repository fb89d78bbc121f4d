// Encodings: each Chinese encoding an archive holds is decoded to the right text, or refused.

import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decode } from '../src/input/index.js';
import { streamDecoder, StreamDecodeError } from '../src/input/decode.js';

const SIMPLIFIED = '青岛开发区紧扣高质量发展主线，对照全省“十大创新”发展路线图。1至7月份出口商用车28500余辆，同比增长13.5%。';
const TRADITIONAL = '臺灣的經濟發展與兩岸關係密切，政府宣佈新的產業政策，預計投資新臺幣三百億元。';

describe('decode (--encoding auto)', () => {
  it.each([
    ['UTF-8', Buffer.from(SIMPLIFIED, 'utf8'), SIMPLIFIED, 'UTF-8'],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(SIMPLIFIED)]), SIMPLIFIED, 'UTF-8'],
    ['GBK', iconv.encode(SIMPLIFIED, 'gbk'), SIMPLIFIED, 'GB18030'],
    ['GB18030 (with a character outside GBK)', iconv.encode(SIMPLIFIED + '𠀀', 'gb18030'), SIMPLIFIED + '𠀀', 'GB18030'],
    ['Big5', iconv.encode(TRADITIONAL, 'big5'), TRADITIONAL, 'Big5'],
    ['UTF-16LE with BOM', iconv.encode(SIMPLIFIED, 'utf-16le', { addBOM: true }), SIMPLIFIED, 'UTF-16LE'],
    ['UTF-16BE with BOM', iconv.encode(SIMPLIFIED, 'utf-16be', { addBOM: true }), SIMPLIFIED, 'UTF-16BE'],
    ['UTF-16LE without BOM', iconv.encode(SIMPLIFIED, 'utf-16le'), SIMPLIFIED, 'UTF-16LE'],
  ])('%s', (_name, bytes, text, encoding) => {
    expect(decode(bytes)).toEqual({ text, encoding });
  });

  // Chinese in UTF-16 has NUL bytes on both sides: ASCII and line breaks put one on one side, 开 (U+5F00)
  // and 上 (U+4E0A) on the other, so NULs alone do not say which order; the text read either way does.
  const MIXED = '青岛开发区开放日开门红\n上半年开工项目开展，开局良好，出口增长13%。\n';
  it.each([
    ['UTF-16LE', 'utf-16le', 'UTF-16LE'],
    ['UTF-16BE', 'utf-16be', 'UTF-16BE'],
  ])('Chinese %s without a BOM, NULs on both sides', (_name, enc, encoding) => {
    expect(decode(iconv.encode(MIXED, enc))).toEqual({ text: MIXED, encoding });
  });

  it.each([
    ['Shift_JIS', 'shift_jis', '東京都は今日、新しい経済対策を発表しました。来年度の予算は百億円です。'],
    ['EUC-JP', 'euc-jp', '大阪市では、観光客の数が去年より二割ほど増えたということです。'],
    ['EUC-KR', 'euc-kr', '서울시는 오늘 새로운 경제 대책을 발표했습니다. 예산은 백억 원입니다.'],
  ])('%s is read as such, not as GB18030 mojibake', (encoding, enc, text) => {
    expect(decode(iconv.encode(text, enc))).toEqual({ text, encoding });
  });

  it('refuses a binary file', () => {
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01]);
    expect(decode(png)).toEqual({ error: expect.stringMatching(/binary|cannot decode/) });
  });

  it('refuses UTF-8 text with NUL bytes in it as binary', () => {
    expect(decode(Buffer.from('abc\0def'))).toEqual({ error: 'binary file (NUL bytes)' });
  });

  it('keeps an empty file as empty UTF-8 text', () => {
    expect(decode(Buffer.alloc(0))).toEqual({ text: '', encoding: 'UTF-8' });
  });

  it('decodes as told with an explicit encoding, and refuses what does not fit', () => {
    expect(decode(iconv.encode(SIMPLIFIED, 'gbk'), 'gbk')).toEqual({ text: SIMPLIFIED, encoding: 'GBK' });
    expect(decode(iconv.encode(SIMPLIFIED, 'gbk'), 'utf-8')).toEqual({ error: 'not valid UTF-8' });
  });
});

describe('streamDecoder (CSV exports, read in chunks)', () => {
  const text = '青岛开发区紧扣高质量发展主线。𠀀臺灣';
  it.each([
    ['utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)])],
    ['gb18030', iconv.encode(text, 'gb18030')],
    ['utf-16le', iconv.encode(text, 'utf-16le', { addBOM: true })],
  ] as const)('%s: the same text whatever the chunk size, a leading BOM dropped', (encoding, bytes) => {
    for (const size of [1, 2, 3, 5, 64]) {
      const d = streamDecoder(encoding);
      let out = '';
      for (let i = 0; i < bytes.length; i += size) out += d.write(bytes.subarray(i, i + size));
      out += d.end();
      expect(out, `chunks of ${size}`).toBe(text);
    }
  });

  it('keeps a U+FEFF inside the text, and refuses a stream that ends inside a character', () => {
    const d = streamDecoder('utf-8');
    expect(d.write(Buffer.from('甲')) + d.write(Buffer.from('\uFEFF乙'))).toBe('甲\uFEFF乙');
    const cut = streamDecoder('utf-8');
    expect(cut.write(Buffer.from('甲乙').subarray(0, 4))).toBe('甲');
    expect(() => cut.end()).toThrow(StreamDecodeError);
  });

  it('hands back the text before the first byte that does not fit', () => {
    const d = streamDecoder('utf-8');
    const bytes = Buffer.concat([Buffer.from('第一行\n第二'), Buffer.from([0xff]), Buffer.from('行')]);
    try {
      d.write(bytes);
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(StreamDecodeError);
      expect((e as StreamDecodeError).before).toBe('第一行\n第二');
    }
  });
});
