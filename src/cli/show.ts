// `zhnews show FILE`: the page in the terminal, articles separated, annotations coloured by type.
//
// Renders the clean paragraphs (not the raw PDF lines), wrapped to the terminal width counting CJK
// characters as two columns; bracket marks stand in for colour when colour is off, so the plain view
// (pipes, NO_COLOR, --no-color) still shows what was found: [PER 逯鹰] {money 5000万美元} «5+5+7».

import { readFile } from 'node:fs/promises';
import type { CliIO } from './io.js';
import { colors } from './colors.js';
import { decode } from '../input/index.js';
import { Pipeline, assemble, DEFAULT_OPTIONS } from '../pipeline.js';
import type { Passage } from '../text/passage.js';

export interface ShowRun {
  path: string;
  color: boolean;
  width: number | undefined;
  layout: 'auto' | 'page' | 'none';
}

interface Mark {
  s: number;
  e: number;
  open: string;
  close: string;
  paint: (t: string) => string;
}

export async function runShow(run: ShowRun, io: CliIO): Promise<number> {
  let raw: string;
  try {
    const d = decode(await readFile(run.path));
    if ('error' in d) throw new Error(d.error);
    raw = d.text;
  } catch (e) {
    io.stderr.write(`zhnews: ${run.path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`);
    return 1;
  }
  const c = colors((io.stdout as { isTTY?: boolean }).isTTY, io.env, run.color);
  const plain = c.level === 0;
  const width = Math.max(20, run.width ?? (io.stdout as { columns?: number }).columns ?? 80);
  const state = new Pipeline({ ...DEFAULT_OPTIONS, layout: run.layout }).run(run.path, raw);
  const record = assemble(state);

  const style = {
    PER: (t: string) => c.magenta.bold(t),
    LOC: (t: string) => c.green(t),
    ORG: (t: string) => c.cyan(t),
    figure: (t: string) => c.yellow(t),
    slogan: (t: string) => c.red.bold(t),
  };
  const out: string[] = [];
  // Distinct entities by norm: a name written in Traditional and in Simplified characters is one.
  const distinct = new Set(record.entities.map((e) => `${e.type}\t${e.norm ?? e.text}`)).size;
  out.push(
    c.dim(`${run.path} — ${record.articles.length} articles, ${record.entities.length} entities (${distinct} distinct), ${record.figures.length} figures, ${record.slogans.length} slogans`),
  );
  out.push(
    'legend: ' +
      [style.PER(plain ? '[PER name]' : 'person'), style.LOC(plain ? '[LOC place]' : 'place'), style.ORG(plain ? '[ORG body]' : 'organisation'), style.figure(plain ? '{type figure}' : 'figure'), style.slogan(plain ? '«slogan»' : 'slogan')].join('  '),
  );

  state.layout.articles.forEach((a, i) => {
    const label = a.title ?? '(no headline on this page)';
    const rule = '─'.repeat(Math.max(4, width - displayWidth(`── ${i + 1}  ${label}`)));
    out.push('', c.bold(`── ${i + 1} ${a.title ?? c.dim(label)} ${rule}`));
    if (a.subtitle) out.push(...wrap(c.italic(a.subtitle), width, '   ', '   '));
    const meta = [
      a.reporters.length ? `记者 ${a.reporters.join('、')}` : '',
      a.correspondents.length ? `通讯员 ${a.correspondents.join('、')}` : '',
      a.dateline ? `dateline ${a.dateline}` : '',
      a.continued_from ? `continued from ${a.continued_from}` : '',
    ].filter(Boolean);
    if (meta.length) out.push(...wrap(c.dim(meta.join(' · ')), width, '   ', '   '));
    state.layout.passages.forEach((p, k) => {
      if (p.article !== i || p.kind !== 'paragraph') return;
      const marks: Mark[] = [
        ...(state.entities[k] ?? []).map((m) => ({ s: m.s, e: m.e, open: `[${m.type} `, close: ']', paint: style[m.type] })),
        ...(state.figures[k] ?? []).map((m) => ({ s: m.s, e: m.e, open: `{${m.type} `, close: '}', paint: style.figure })),
        ...(state.slogans[k] ?? []).map((m) => ({ s: m.s, e: m.e, open: '«', close: '»', paint: style.slogan })),
      ];
      out.push(...wrap(paint(p, marks, plain), width, '     ', '   '));
    });
  });
  io.stdout.write(out.join('\n') + '\n');
  return 0;
}

/** Passage text with its marks painted; overlapping marks (an entity inside a slogan) keep the outer one. */
function paint(p: Passage, marks: Mark[], plain: boolean): string {
  marks.sort((a, b) => a.s - b.s || b.e - a.e);
  let out = '';
  let at = 0;
  for (const m of marks) {
    if (m.s < at) continue;
    out += p.text.slice(at, m.s);
    const inner = p.text.slice(m.s, m.e);
    out += plain ? m.open + inner + m.close : m.paint(inner);
    at = m.e;
  }
  return out + p.text.slice(at);
}

const ANSI = /\u001b\[[0-9;]*m/y;

/** Display columns: CJK and full-width characters take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s.replace(/\u001b\[[0-9;]*m/g, '')) w += isWide(ch) ? 2 : 1;
  return w;
}

function isWide(ch: string): boolean {
  const x = ch.codePointAt(0)!;
  return (x >= 0x1100 && x <= 0x115f) || (x >= 0x2e80 && x <= 0xa4cf) || (x >= 0xac00 && x <= 0xd7a3) || (x >= 0xf900 && x <= 0xfaff) || (x >= 0xfe30 && x <= 0xfe4f) || (x >= 0xff00 && x <= 0xff60) || (x >= 0xffe0 && x <= 0xffe6) || x >= 0x20000;
}

/** Wraps to `width` columns (first line and following lines indented as given), escape codes kept intact. */
function wrap(text: string, width: number, first: string, indent: string): string[] {
  const lines: string[] = [];
  let line = first;
  let cols = displayWidth(line);
  for (let i = 0; i < text.length; ) {
    ANSI.lastIndex = i;
    const esc = ANSI.exec(text);
    if (esc) {
      line += esc[0];
      i += esc[0].length;
      continue;
    }
    const ch = String.fromCodePoint(text.codePointAt(i)!);
    const w = isWide(ch) ? 2 : 1;
    if (cols + w > width) {
      lines.push(line);
      line = indent;
      cols = displayWidth(indent);
    }
    line += ch;
    cols += w;
    i += ch.length;
  }
  lines.push(line);
  return lines;
}
