// npm run fuzz: the built CLI on 10,000 generated hostile documents, checking the output contract.
//
//   node dist/tools/fuzz.js [--docs N] [--seed S] [--jobs J] [--keep]
//
// Documents are random mixes (fixed seed) of news sentences, Traditional text, astral characters,
// control and zero-width characters, Latin and figures, empty and huge lines. Nine in ten go into one
// JSON Lines file, some of whose lines are broken JSON, not UTF-8, or lack the text field; the rest are
// files in a folder in UTF-8, GB18030, Big5, UTF-16 (with and without a BOM), or bytes that are no text.
// Each input is run once through `zhnews analyze --format jsonl --out`, and the run must show:
//   - exit status 0 or 1, no stack trace;
//   - one record per input, in input order, each input that is broken an error record;
//   - on every record, every span inside the text, non-empty, its `text` equal to the source slice
//     `[...text].slice(start, end)` with whitespace removed on both sides (the layout stage drops
//     line breaks and indentation inside a span: docs/output.md), and no span starting or ending on
//     whitespace; each article's paragraphs, whitespace aside, inside its span.
// Prints the counts and the first violations; exit status 1 when there is any.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { PACKAGE_ROOT } from '../paths.js';
import type { DocumentRecord, OutputRecord } from '../types.js';
import { mulberry32 } from '../text/random.js';

const args = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const DOCS = flag('docs', 10_000);
const SEED = flag('seed', 20240305);
const JOBS = flag('jobs', 2);
const KEEP = args.includes('--keep');

/** A seeded generator, so a failing run can be repeated. */
function generator(seed: number) {
  const next = mulberry32(seed);
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)]!;
  return { next, int, pick };
}
const rnd = generator(SEED);

// Written for this tool: news sentences of the kinds zhnews reads (figures, names, bodies, slogans).
const NEWS = [
  '本报讯（记者 王海燕 通讯员 刘晓东）8月11日，西海岸新区召开城市更新工作推进会。',
  '1至7月份，黄岛海关共监管出口商用车28500余辆，同比增长13.5%，货值5000万美元。',
  '区委书记在会上强调，要坚持“一带一路”倡议，深化“放管服”改革，推进“微改革”落地见效。',
  '市住房和城乡建设局发布通知，今年计划改造老旧小区120个，惠及居民4.2万户。',
  '胶州市人力资源和社会保障局将于3月5日至3月12日组织2024年事业单位公开招聘。',
  '据统计，全区第三季度GDP达到1500亿元，比上年增长6.8个百分点，居全省第二位。',
  '（上接第一版）项目总投资约30亿元，建成后年产值可达80亿元以上。',
  '青岛港前湾港区今年上半年集装箱吞吐量突破1300万标准箱。',
  '国家发展改革委主任在发布会上表示，将落实“六稳六保”任务，稳住经济大盘。',
  '记者从山东省教育厅获悉，全省新建、改扩建幼儿园500所，新增学位15万个。',
  '截至6月底，新区市场主体总量达到42.6万户，其中企业15.3万户。',
  '活动现场，30余家企业提供就业岗位2000多个，吸引求职者3000余人次。',
];
const TRADITIONAL = [
  '臺灣經濟部今天宣佈，將投資新臺幣30億元發展半導體產業。',
  '香港特區政府公佈，上半年訪港旅客達到1,200萬人次，按年增長兩成。',
  '澳門經濟局表示，將於下月舉辦中小企業融資說明會。',
  '記者從臺北市政府獲悉，捷運環狀線第二階段工程明年動工。',
];
const ASTRAL = ['𠀀', '𪚥', '𠮷', '𡈼', '𤭢', '😀', '🇨🇳', '𝟘𝟙', '\u{2A6D6}', '\u{2F81F}'];
// Characters OpenCC's Traditional -> Simplified conversion maps to one of another UTF-16 length (BMP ->
// astral: U+35F2 -> U+20D7E ...; listed by converting every CJK code point), and astral ones it maps.
const LENGTH_CHANGING = [0x35f2, 0x3722, 0x3823, 0x3e8f, 0x406a, 0x44e3, 0x4875, 0x50e4, 0x52e3, 0x55f0, 0x56a7, 0x57e8, 0x5878, 0x58d7, 0x5b7b, 0x665b, 0x6690, 0x66e5, 0x6725, 0x6871, 0x2f82b];
const LENGTH_CHANGING_SET = new Set(LENGTH_CHANGING);
const CONTROL = ['\u0000', '\u0001', '\u0007', '\u001b', '\u007f', '\u0085', '\u200b', '\u200d', '\ufeff', '\u2028', '\u2029', '\ufffd', '\t', '\r', '\u3000'];
const LATIN = ['GDP', 'iPhone 15', 'COVID-19', 'A股', 'http://news.example.cn/a?id=1', 'e-mail: ab@cd.cn', '3.14159', '2024-03-05', '１２３４', '½'];
const SEPARATORS = ['', '', '\n', '\n\n', '\r\n', ' ', '　　', '\n　　', '\t'];

function piece(): string {
  const r = rnd.next();
  if (r < 0.5) return rnd.pick(NEWS);
  if (r < 0.62) return rnd.pick(TRADITIONAL);
  if (r < 0.66) return rnd.pick(ASTRAL).repeat(1 + rnd.int(3));
  // A character whose Simplified form has another UTF-16 length, beside a figure in Traditional text.
  if (r < 0.69) return rnd.pick(TRADITIONAL).slice(0, 3) + String.fromCodePoint(rnd.pick(LENGTH_CHANGING)) + rnd.int(100) + rnd.pick(TRADITIONAL).slice(3, 8);
  // CJK compatibility ideographs (U+F900-FAFF, U+2F800-2FA1D): script conversion maps some of them to
  // characters of another length in UTF-16.
  if (r < 0.72) return String.fromCodePoint(rnd.next() < 0.5 ? 0xf900 + rnd.int(0x16a) : 0x2f800 + rnd.int(0x21e)) + rnd.pick(TRADITIONAL).slice(0, 4);
  if (r < 0.8) return rnd.pick(CONTROL);
  if (r < 0.88) return rnd.pick(LATIN);
  // A sentence cut at a random code point: halves of names, figures and quotes.
  const s = [...rnd.pick(NEWS)];
  const a = rnd.int(s.length);
  return s.slice(a, a + 1 + rnd.int(s.length - a)).join('');
}

function text(): string {
  const r = rnd.next();
  if (r < 0.03) return '';
  if (r < 0.05) return rnd.pick(['\n', '   ', '　', '\n\n\n']);
  const huge = r > 0.998;
  const n = huge ? 1500 + rnd.int(1500) : 1 + rnd.int(24);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(piece(), huge ? '' : rnd.pick(SEPARATORS));
  return parts.join('');
}

type Expect = { kind: 'text'; text: string } | { kind: 'error' } | { kind: 'any' };

interface Input {
  id: string;
  expect: Expect;
}

function makeCorpus(dir: string): { jsonl: string; folder: string; lines: Input[]; files: Input[] } {
  const folder = join(dir, 'files');
  mkdirSync(folder);
  const jsonl = join(dir, 'fuzz.jsonl');
  const chunks: Buffer[] = [];
  const lines: Input[] = [];
  const files: Input[] = [];
  for (let n = 0; n < DOCS; n++) {
    const id = `fz-${n}`;
    const t = text();
    if (rnd.next() < 0.1) {
      const name = `${String(n).padStart(5, '0')}.txt`;
      const path = join(folder, name);
      const { bytes, expect } = encodeFile(t);
      writeFileSync(path, bytes);
      files.push({ id: path, expect });
      continue;
    }
    const r = rnd.next();
    const lineNo = lines.length + 1;
    if (r < 0.02) {
      // Broken JSON: cut inside the object.
      const full = JSON.stringify({ id, text: t });
      chunks.push(Buffer.from(full.slice(0, 1 + rnd.int(full.length - 1)) + '\n'));
      lines.push({ id: `${jsonl}:${lineNo}`, expect: { kind: 'error' } });
    } else if (r < 0.03) {
      // Bytes that are not UTF-8 inside the text.
      const full = Buffer.from(JSON.stringify({ id, text: t + '黄岛' }));
      full[full.length - 4] = 0xff;
      chunks.push(full, Buffer.from('\n'));
      lines.push({ id: `${jsonl}:${lineNo}`, expect: { kind: 'error' } });
    } else if (r < 0.035) {
      chunks.push(Buffer.from(JSON.stringify({ id, body: t }) + '\n'));
      lines.push({ id, expect: { kind: 'error' } });
    } else if (r < 0.04) {
      chunks.push(Buffer.from(JSON.stringify({ id, text: rnd.pick([null, 42, { a: t }, [t, 1]]) }) + '\n'));
      lines.push({ id, expect: { kind: 'error' } });
    } else {
      chunks.push(Buffer.from(JSON.stringify({ id, text: t }) + '\n'));
      lines.push({ id, expect: { kind: 'text', text: t } });
    }
  }
  writeFileSync(jsonl, Buffer.concat(chunks));
  return { jsonl, folder, lines, files };
}

/** A file's bytes in a random encoding, and what its record must be. */
function encodeFile(t: string): { bytes: Buffer; expect: Expect } {
  const r = rnd.next();
  // The decoder refuses NULs and control characters in a file (binary), so texts with them may go either way.
  const clean = !/[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufeff\ufffd]/.test(t);
  const as = (e: Expect): Expect => (clean ? e : { kind: 'any' });
  if (r < 0.4) return { bytes: Buffer.from(t), expect: as({ kind: 'text', text: t }) };
  if (r < 0.5) return { bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t)]), expect: as({ kind: 'text', text: t }) };
  if (r < 0.6) return { bytes: iconv.encode(t, 'utf-16le', { addBOM: true }), expect: as({ kind: 'text', text: t }) };
  if (r < 0.65) return { bytes: iconv.encode(t, 'utf-16be', { addBOM: true }), expect: as({ kind: 'text', text: t }) };
  // Legacy encodings cannot hold every character, and short texts are ambiguous between them: any record.
  if (r < 0.75) return { bytes: iconv.encode(t, 'gb18030'), expect: { kind: 'any' } };
  if (r < 0.8) return { bytes: iconv.encode(t, 'big5'), expect: { kind: 'any' } };
  if (r < 0.85) return { bytes: iconv.encode(t, 'utf-16le'), expect: { kind: 'any' } };
  if (r < 0.9) {
    // UTF-8 cut inside a character.
    const b = Buffer.from(t + '黄');
    return { bytes: b.subarray(0, b.length - 1), expect: { kind: 'any' } };
  }
  const junk = Buffer.alloc(16 + rnd.int(400));
  for (let i = 0; i < junk.length; i++) junk[i] = rnd.int(256);
  return { bytes: junk, expect: { kind: 'any' } };
}

interface Tally {
  /** Documents with a span violation, and how many of them hold a LENGTH_CHANGING character. */
  badDocs: number;
  badDocsLengthChanging: number;
  records: number;
  errors: number;
  spans: number;
  violations: string[];
}

function run(argv: string[], out: string): { status: number | null; stderr: string; records: OutputRecord[]; seconds: number } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [join(PACKAGE_ROOT, 'bin', 'zhnews.js'), 'analyze', '--format', 'jsonl', '--jobs', String(JOBS), '--out', out, ...argv], {
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  let records: OutputRecord[] = [];
  try {
    records = readFileSync(out, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as OutputRecord);
  } catch {
    // no output: counted below
  }
  return { status: r.status, stderr: r.stderr, records, seconds };
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

function check(inputs: Input[], records: OutputRecord[], tally: Tally, what: string): void {
  const bad = (m: string) => tally.violations.push(`${what}: ${m}`);
  if (records.length !== inputs.length) bad(`${records.length} records for ${inputs.length} inputs`);
  for (let i = 0; i < Math.min(records.length, inputs.length); i++) {
    const rec = records[i]!;
    const input = inputs[i]!;
    tally.records++;
    if (rec.id !== input.id) {
      bad(`record ${i + 1} has id ${rec.id}, expected ${input.id}`);
      continue;
    }
    if ('error' in rec) {
      tally.errors++;
      if (input.expect.kind === 'text') bad(`${rec.id}: error record for a readable document: ${rec.error}`);
      continue;
    }
    if (input.expect.kind === 'error') {
      bad(`${rec.id}: a broken input became a document record`);
      continue;
    }
    if (input.expect.kind === 'text') spans(input.expect.text, rec, tally, bad);
  }
}

/** A text with a character whose Simplified form has another UTF-16 length (see LENGTH_CHANGING). */
const lengthChanging = (raw: string) => [...raw].some((ch) => LENGTH_CHANGING_SET.has(ch.codePointAt(0)!));

function spans(raw: string, record: DocumentRecord, tally: Tally, report: (m: string) => void): void {
  const cps = [...raw];
  let flagged = false;
  const bad = (m: string) => {
    report(m);
    if (!flagged) {
      flagged = true;
      tally.badDocs++;
      if (lengthChanging(raw)) tally.badDocsLengthChanging++;
    }
  };
  const one = (kind: string, s: { start: number; end: number; text: string }) => {
    tally.spans++;
    const where = `${record.id} ${kind} ${JSON.stringify(s.text)} [${s.start},${s.end})`;
    if (!(s.start >= 0 && s.end > s.start && s.end <= cps.length)) return bad(`${where}: outside the text (${cps.length} code points)`);
    const slice = cps.slice(s.start, s.end).join('');
    if (squeeze(slice) !== squeeze(s.text)) return bad(`${where}: source slice is ${JSON.stringify(slice)}`);
    if (/^\s|\s$/.test(slice)) bad(`${where}: starts or ends on whitespace`);
  };
  record.entities.forEach((e) => one('entity', e));
  record.figures.forEach((f) => one('figure', f));
  record.slogans.forEach((s) => one('slogan', s));
  for (const a of record.articles) {
    tally.spans++;
    if (!(a.start >= 0 && a.end > a.start && a.end <= cps.length)) {
      bad(`${record.id} article [${a.start},${a.end}): outside the text`);
      continue;
    }
    const body = squeeze(cps.slice(a.start, a.end).join(''));
    let from = 0;
    for (const p of a.paragraphs) {
      const at = body.indexOf(squeeze(p), from);
      if (at < 0) {
        bad(`${record.id} article [${a.start},${a.end}): paragraph ${JSON.stringify(p.slice(0, 20))} not in its span`);
        break;
      }
      from = at + squeeze(p).length;
    }
  }
}

function main(): number {
  const dir = mkdtempSync(join(tmpdir(), 'zhnews-fuzz-'));
  const corpus = makeCorpus(dir);
  const tally: Tally = { badDocs: 0, badDocsLengthChanging: 0, records: 0, errors: 0, spans: 0, violations: [] };
  const runs = [
    { what: 'jsonl', argv: ['--input-format', 'jsonl', corpus.jsonl], inputs: corpus.lines },
    { what: 'files', argv: ['--glob', '*.txt', corpus.folder], inputs: corpus.files.sort((a, b) => (a.id < b.id ? -1 : 1)) },
  ];
  const lines: string[] = [];
  for (const r of runs) {
    const result = run(r.argv, join(dir, `${r.what}.out.jsonl`));
    if (result.status !== 0 && result.status !== 1) tally.violations.push(`${r.what}: exit status ${result.status}: ${result.stderr.slice(-400)}`);
    if (/\n\s+at .*\.js:\d+/.test(result.stderr)) tally.violations.push(`${r.what}: a stack trace on stderr`);
    check(r.inputs, result.records, tally, r.what);
    lines.push(`  ${r.what.padEnd(5)} ${String(r.inputs.length).padStart(6)} inputs, ${String(result.records.length).padStart(6)} records, exit ${result.status}, ${result.seconds.toFixed(1)} s`);
  }
  console.log(`zhnews fuzz: ${DOCS} documents, seed ${SEED}, --jobs ${JOBS}`);
  for (const l of lines) console.log(l);
  console.log(`  ${tally.records} records checked (${tally.errors} error records), ${tally.spans} spans, ${tally.violations.length} violations`);
  if (tally.badDocs) console.log(`  span violations in ${tally.badDocs} documents, ${tally.badDocsLengthChanging} of them with a character whose Simplified form has another UTF-16 length`);
  for (const v of tally.violations.slice(0, 20)) console.log(`  ✗ ${v}`);
  if (tally.violations.length > 20) console.log(`  … and ${tally.violations.length - 20} more`);
  if (KEEP) console.log(`  corpus and output kept in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
  return tally.violations.length ? 1 : 0;
}

process.exitCode = main();
