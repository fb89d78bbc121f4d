import { describe, expect, it } from 'vitest';
import { retokenize, type TokenSpan } from '../../src/segment/retokenize.js';
import type { WordToken } from '../../src/segment/segmenter.js';

/** Tokens from "词/tag" pieces laid end to end: '国家/n 发展/vn' -> offsets [0,2) [2,4). */
function tokens(spec: string): WordToken[] {
  let pos = 0;
  return spec.split(' ').map((t) => {
    const [word, tag] = t.split('/') as [string, string];
    const w = { word, pos: tag, s: pos, e: pos + word.length };
    pos = w.e;
    return w;
  });
}
const text = (ws: WordToken[]) => ws.map((w) => w.word).join('');
const show = (ws: WordToken[]) => ws.map((w) => `${w.word}/${w.pos}`).join(' ');
/** A span given by the text it covers (its first occurrence) and a tag. */
function span(of: string, inText: string, pos: string, nth = 0): TokenSpan {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = inText.indexOf(of, at + 1);
  return { s: at, e: at + of.length, pos };
}

describe('retokenize: each span one token, partial overlaps cut at its edges', () => {
  it.each([
    // no span: unchanged
    ['投资/vn 增长/v 13.5/m %/x', [], '投资/vn 增长/v 13.5/m %/x'],
    // a span that is exactly one token takes the span's tag
    ['郑栅洁/nr 在/p 北京/ns', [['郑栅洁', 'PER']], '郑栅洁/PER 在/p 北京/ns'],
    // several whole tokens joined
    ['同比/d 增长/v 13.5/m %/x', [['13.5%', 'm']], '同比/d 增长/v 13.5%/m'],
    ['国家/n 发展/vn 改革委/n 主任/n', [['国家发展改革委', 'nt']], '国家发展改革委/nt 主任/n'],
    // the span ends inside a token: the token is cut, the rest keeps its tag
    ['国家/n 发展/vn 改革委主任/n 郑/nr 栅洁/nr', [['国家发展改革委', 'nt'], ['郑栅洁', 'nr']], '国家发展改革委/nt 主任/n 郑栅洁/nr'],
    // the span starts inside a token
    ['会见了郑/x 栅洁/nr 同志/n', [['郑栅洁', 'nr']], '会见了/x 郑栅洁/nr 同志/n'],
    // the span starts and ends inside tokens
    ['推进五/m 位一体/l 总体/n', [['五位一体', 'nz']], '推进/m 五位一体/nz 总体/n'],
    // a span inside one token cuts it in three
    ['黄岛区人民政府/nt', [['人民', 'n']], '黄岛区/nt 人民/n 政府/nt'],
    // two adjacent spans stay two tokens
    ['2000/m 年/m 12/m 月/m', [['2000年', 't'], ['12月', 't']], '2000年/t 12月/t'],
    // overlapping spans: the longer wins, the shorter is ignored
    ['出口/v 28500/m 余/m 辆/q', [['28500', 'm'], ['28500余辆', 'm']], '出口/v 28500余辆/m'],
    // equal length: the earlier wins
    ['青岛西海岸新区/ns', [['青岛西海岸', 'ns'], ['西海岸新区', 'ns']], '青岛西海岸/ns 新区/ns'],
  ] as [string, [string, string][], string][])('%s + %j -> %s', (spec, spans, expected) => {
    const ws = tokens(spec);
    const t = text(ws);
    const out = retokenize(ws, spans.map(([of, pos]) => span(of, t, pos)));
    expect(show(out)).toBe(expected);
  });

  it.each([
    ['empty span', { s: 3, e: 3, pos: 'x' }],
    ['reversed span', { s: 4, e: 2, pos: 'x' }],
    ['fractional offsets', { s: 0.5, e: 2, pos: 'x' }],
  ])('ignores a bad span (%s)', (_name, bad) => {
    const ws = tokens('投资/vn 增长/v 较快/a');
    expect(show(retokenize(ws, [bad]))).toBe('投资/vn 增长/v 较快/a');
  });

  it('clips a span that runs past the text to the tokens there are', () => {
    const ws = tokens('增长/v 13.5/m');
    expect(show(retokenize(ws, [{ s: 2, e: 40, pos: 'm' }]))).toBe('增长/v 13.5/m');
  });

  it('returns nothing for no words and does not change its input', () => {
    expect(retokenize([], [{ s: 0, e: 2, pos: 'x' }])).toEqual([]);
    const ws = tokens('国家/n 发展/vn');
    const before = JSON.stringify(ws);
    retokenize(ws, [{ s: 0, e: 4, pos: 'nt' }]);
    expect(JSON.stringify(ws)).toBe(before);
  });

  it('keeps the tiling: the tokens reassemble the text with contiguous offsets', () => {
    const ws = tokens('山东省/ns 青岛市/ns 黄岛区/ns 今年/t 上半年/t 出口/v 商用车/n 28500/m 余/m 辆/q ，/x 同比/d 增长/v 13.5/m %/x');
    const t = text(ws);
    const spans = [span('青岛市黄岛区', t, 'ns'), span('28500余辆', t, 'm'), span('13.5%', t, 'm'), span('岛区今年上', t, 'x'), span('车2', t, 'x')];
    const out = retokenize(ws, spans);
    expect(text(out)).toBe(t);
    out.forEach((w, i) => {
      expect(w.e - w.s).toBe(w.word.length);
      expect(w.word).toBe(t.slice(w.s, w.e));
      if (i > 0) expect(w.s).toBe(out[i - 1]!.e);
    });
  });

  it('leaves a gap in the input tiling a gap, also inside a span', () => {
    const ws: WordToken[] = [
      { word: '十四', pos: 'm', s: 0, e: 2 },
      { word: '五', pos: 'm', s: 3, e: 4 },
    ];
    const out = retokenize(ws, [{ s: 0, e: 4, pos: 'nz' }]);
    expect(out.map((w) => [w.word, w.s, w.e])).toEqual([['十四', 0, 2], ['五', 3, 4]]);
  });
});
