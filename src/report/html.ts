// The report page: one self-contained HTML file (styles, the charting library, the data and the
// script inlined; nothing fetched), from the data of aggregate.ts.
//
// Three ways a string reaches the page, each escaped for where it lands:
//   text in markup          escapeHtml      "<b>&" -> "&lt;b&gt;&amp;"
//   the data, as JSON       scriptJson      "</script>" -> "\u003c/script\u003e" (still the same JSON string)
//   the library's code      inlineScript    "</script" -> "<\/script" (the same JavaScript)
// Chinese renders with the fonts a desktop has (FONT_STACK); no web font is downloaded.

import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { ReportData } from './aggregate.js';
import { CLIENT_SCRIPT } from './client.js';

/** Simplified-Chinese fonts of macOS, Windows and Linux desktops, then the browser's sans-serif. */
export const FONT_STACK =
  '-apple-system, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

/** Apache ECharts, the full minified build of the npm package (see docs/report.md for the choice). */
export function chartLibrary(): string {
  return readFileSync(createRequire(import.meta.url).resolve('echarts/dist/echarts.min.js'), 'utf8');
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * JSON to embed in a <script type="application/json">: no "<" or ">" survives, so neither "</script>"
 * nor "<!--" in a headline can end or bend the element; U+2028/2029 are escaped for old parsers.
 * JSON.parse of the element's text gives the value back unchanged.
 */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** JavaScript source to put between <script> tags: "</script" and "<!--" are written so the HTML parser does not see them. */
export function inlineScript(code: string): string {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

export function renderReport(data: ReportData, library: string = chartLibrary()): string {
  const title = `zhnews report: ${data.sources.length ? data.sources.join(', ') : 'standard input'}`;
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="zhnews report">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Corpus report</h1>
<p class="sources">${escapeHtml(data.sources.length ? data.sources.join(' · ') : 'standard input')}</p>
<div id="counts" class="counts"></div>
</header>
<main>
<section>
<h2>Documents over time</h2>
<p class="note" id="timeline-note"></p>
<div class="chart" id="chart-timeline"></div>
</section>
<section>
<h2>Policy slogans and terms over time</h2>
<p class="note" id="term-note"></p>
<div class="chart tall" id="chart-terms"></div>
<ol class="terms" id="term-list"></ol>
<div class="docs" id="term-docs" hidden></div>
</section>
<section>
<h2>People, places, organisations</h2>
<p class="note">By documents that name them (a name's Simplified form groups its spellings). Click a bar for its documents.</p>
<div class="grid3">
<div><h3 id="head-PER"></h3><div class="chart" id="chart-PER"></div></div>
<div><h3 id="head-LOC"></h3><div class="chart" id="chart-LOC"></div></div>
<div><h3 id="head-ORG"></h3><div class="chart" id="chart-ORG"></div></div>
</div>
<div class="docs" id="entity-docs" hidden></div>
</section>
<section>
<h2>Figures by indicator</h2>
<p class="note">What the figures measure, where the text says so (同比增长 → growth_yoy). The plot shows each percent figure; click a dot for its document, an indicator for its documents.</p>
<table id="indicator-table"><thead><tr><th>indicator</th><th>figures</th><th>documents</th><th>types</th><th>percent</th><th>money (commonest currency)</th></tr></thead><tbody></tbody></table>
<p class="note" id="indicator-empty"></p>
<div class="chart" id="chart-figures"></div>
<div class="docs" id="figure-docs" hidden></div>
</section>
<section>
<h2>Documents</h2>
<input id="doc-search" type="search" placeholder="Search id, title or date" autocomplete="off">
<p class="note" id="doc-count"></p>
<div class="scroll"><table id="doc-table"><thead><tr><th>date</th><th>title</th><th>id</th><th>entities</th><th>figures</th><th>slogans</th></tr></thead><tbody></tbody></table></div>
</section>
<section id="errors" hidden>
<details>
<summary><h2>Error records</h2></summary>
<ul class="errors"></ul>
</details>
</section>
</main>
<script>${inlineScript(library)}</script>
<script type="application/json" id="report-data">${scriptJson(data)}</script>
<script>${inlineScript(CLIENT_SCRIPT)}</script>
</body>
</html>
`;
}

const STYLE = `
:root { --ink: #1f2933; --muted: #66727f; --line: #d9dee4; --accent: #3b6ea8; }
* { box-sizing: border-box; }
body { margin: 0; font-family: ${FONT_STACK}; color: var(--ink); background: #f6f7f9; line-height: 1.5; font-size: 14px; }
header, main { max-width: 1200px; margin: 0 auto; padding: 0 20px; }
header { padding-top: 20px; }
h1 { margin: 0; font-size: 24px; }
h2 { font-size: 18px; margin: 0 0 4px; }
h3 { font-size: 15px; margin: 8px 0 4px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 16px 20px; margin: 16px 0; }
.sources { color: var(--muted); margin: 4px 0 12px; word-break: break-all; }
.counts { display: flex; gap: 12px; flex-wrap: wrap; }
.count { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 8px 14px; min-width: 110px; }
.count b { display: block; font-size: 20px; }
.count span { color: var(--muted); }
.count.bad b { color: #b42318; }
.note { color: var(--muted); margin: 0 0 8px; }
.chart { height: 280px; width: 100%; }
.chart.tall { height: 340px; }
.chart.empty, .empty { height: auto; color: var(--muted); padding: 8px 0; }
.grid3 { display: grid; grid-template-columns: repeat(auto-fit, minmax(300px, 1fr)); gap: 16px; }
.terms { display: flex; flex-wrap: wrap; gap: 6px 16px; list-style: none; padding: 0; margin: 8px 0; }
.terms li.active button { background: var(--accent); color: #fff; }
button.term, button.link { font: inherit; border: 1px solid var(--line); background: #eef3f9; color: var(--accent); border-radius: 4px; padding: 1px 8px; cursor: pointer; }
button.link { border: 0; background: none; padding: 0; text-decoration: underline; }
.meta { color: var(--muted); margin-left: 6px; font-size: 12px; }
.docs { border-top: 1px solid var(--line); margin-top: 8px; padding-top: 4px; }
.doc-list { list-style: none; padding: 0; margin: 0; max-height: 320px; overflow: auto; }
.doc-list li, .errors li { padding: 2px 0; display: flex; gap: 12px; }
.date { color: var(--muted); white-space: nowrap; min-width: 88px; }
.id { color: var(--muted); font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; word-break: break-all; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 12px; }
th, td { text-align: left; padding: 4px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
summary h2 { display: inline; }
summary { cursor: pointer; }
th { font-weight: 600; color: var(--muted); font-size: 12px; }
td.n { text-align: right; white-space: nowrap; }
#doc-search { font: inherit; padding: 6px 10px; width: 100%; max-width: 420px; border: 1px solid var(--line); border-radius: 4px; margin-bottom: 6px; }
.scroll { max-height: 480px; overflow: auto; }
`;
