// The report page's escaping: no string of the data (a headline, a name, an id, a file name) can end
// a script element, open a comment or become markup; and the page asks for no font or file from outside.
import { describe, expect, it } from 'vitest';
import { ReportAggregator } from '../../src/report/aggregate.js';
import { FONT_STACK, escapeHtml, inlineScript, renderReport, scriptJson } from '../../src/report/html.js';

const HOSTILE = '</script><script>alert("乱码")</script><!-- 注释 -->\u2028';

describe('escapeHtml', () => {
  it.each([
    ['<b>北京&上海</b>', '&lt;b&gt;北京&amp;上海&lt;/b&gt;'],
    [`"引号" 'single'`, '&quot;引号&quot; &#39;single&#39;'],
    ['平凡的标题', '平凡的标题'],
  ])('%s', (input, expected) => {
    expect(escapeHtml(input)).toBe(expected);
  });
});

describe('scriptJson', () => {
  it('leaves no <, > or line separator in the text, and parses back to the same value', () => {
    const value = { title: HOSTILE, names: ['李<强>', 'a&b'] };
    const json = scriptJson(value);
    expect(json).not.toMatch(/[<>\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
});

describe('inlineScript', () => {
  it('hides a closing script tag and a comment opener inside code from the HTML parser', () => {
    const code = 'var s = "</SCRIPT>"; var t = "<!--";';
    const out = inlineScript(code);
    expect(out).not.toMatch(/<\/script|<!--/i);
    // The same program: evaluating both gives the same strings.
    expect(new Function(out + ' return [s, t];')()).toEqual(['</SCRIPT>', '<!--']);
  });
});

describe('renderReport', () => {
  const a = new ReportAggregator([`records<${'i'}>.jsonl`]);
  a.add({
    id: 'evil-1',
    articles: [{ title: HOSTILE, date: '2024-05-06' }],
    entities: [{ type: 'ORG', text: '</script>科技有限公司' }],
    slogans: [{ kind: 'coined', text: '<!--新基建-->', canonical: '<!--新基建-->' }],
  });
  const data = a.result();
  // A stand-in for the charting library keeps the test fast; the real one is checked in the browser test.
  const page = renderReport(data, 'window.echarts = { "note": "</script>" };');

  it('has exactly the three script elements it opens, whatever the headlines say', () => {
    expect(page.match(/<script\b/gi)).toHaveLength(3);
    expect(page.match(/<\/script>/gi)).toHaveLength(3);
    expect(page).not.toContain('<!--');
  });

  it('embeds the data so that the page reads it back unchanged', () => {
    const embedded = /<script type="application\/json" id="report-data">([^<]*)<\/script>/.exec(page)![1]!;
    expect(JSON.parse(embedded)).toEqual(data);
  });

  it('escapes the file names in the title and the header', () => {
    expect(page).toContain('<title>zhnews report: records&lt;i&gt;.jsonl</title>');
    expect(page).not.toContain('records<i>');
  });

  it('sets the desktop Chinese font stack and loads no web font or remote file', () => {
    expect(page).toContain(`font-family: ${FONT_STACK}`);
    for (const font of ['PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei']) {
      expect(FONT_STACK).toContain(`"${font}"`);
    }
    expect(FONT_STACK.endsWith('sans-serif')).toBe(true);
    expect(page).not.toMatch(/@font-face|@import|<link\b|\bsrc=/i);
  });
});
