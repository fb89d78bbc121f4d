// npm run build:dicts — builds zhnews's segmentation dictionaries for jieba (see src/segment/jieba.ts).
//
//   node dist/tools/build-seg-dict.js [--out DIR] [--shared DIR]
//
// Reads
//   jieba's bundled main dictionary (node_modules/nodejieba/.../jieba.dict.utf8: word freq tag, MIT)
//   ../shared/train/pos/pd1998-01.txt          People's Daily 1998-01, word/tag (PKU standard): the only
//                                              running text, so the only source of frequencies
//   ../shared/eval/seg/{pku,msr}-training-words.txt   the SIGHAN 2005 training vocabularies (no counts)
// Writes (all generated; commit them, never edit them by hand)
//   dicts/seg-news.dict.utf8   jieba main-dictionary format, `word freq tag`, nothing else on a line
//   dicts/seg-news.user.utf8   jieba user-dictionary format, single characters only (see below)
//   dicts/seg-news.README      the header both files cannot carry: what, how, from what, counts
//
// cppjieba's loaders know no comments: the main-dictionary loader aborts the process on any line that
// is not exactly three space-separated fields, and the user-dictionary loader would read "# ..." as
// the word "#". So the header lives in the sidecar README.
//
// How the words are chosen (each rule measured on the PKU and MSR dev sets, one setting for both):
//   1. The vocabulary is every word of the two training vocabularies and of PD-1998, width-folded like
//      the analysis text, without words holding digits or % (src/segment/numbers.ts makes those) and
//      without words of Latin letters only (jieba keeps letter runs together itself).
//   2. jieba's words stay only when single characters or in that vocabulary: its other multi-character
//      entries are mostly compounds (三峡工程, 国有企业) that both standards split. PKU F1 .84 -> .88.
//   3. A word PD-1998 has seen as a sequence of whole words at least MIN_EVIDENCE times but as one word
//      in under MAX_JOINED of those cases is dropped: the running text says the standard splits it
//      (这是 129 times 这|是, never 这是; 一年, 江泽民, 特别是 ...). This trades MSR (whose vocabulary
//      joins such words) for PKU; MIN_EVIDENCE sets the balance.
//   4. Frequencies: jieba's count, raised to PD1998_SCALE x the PD-1998 count when that is higher (jieba's
//      counts come from a corpus about PD1998_SCALE times larger); words only the training vocabularies
//      know get VOCAB_FREQ, a rare-word count, so they win over single characters but not over
//      frequent words. Their tag is x, "unknown", as jieba tags the words its HMM finds: the
//      vocabularies carry no POS, and many of their words are names (谭元寿, 孙富民, 武春河). A default
//      noun tag told the entity tagger, trained on jieba's own dictionary where such names are HMM
//      words tagged x, that these were common nouns (People's Daily dev PER recall .835; with x .961).
//      Numbers and dates in Chinese numerals (一九九八年三月, 一万五千六百) are the exception: t or m,
//      read off the word.
//   6. Modern news words (dicts/seg-modern-words.tsv, hand-written: 高质量, 数字经济, 碳达峰 ...) that the
//      1998–2005 sources cannot know are added last, at jieba's frequency or MODERN_FREQ, whichever is
//      higher, so they win over their parts.
//   5. The user dictionary lists the characters that stand alone in at least ALONE_RATIO of their
//      PD-1998 occurrences (的, 是, 在, 也 ...). cppjieba hands runs of single characters to its HMM to find
//      unknown words, except characters of the user dictionary: so the HMM still joins 拉|姆|斯|菲|尔|德
//      but no longer glues 这是 or 也将. Without it HMM-on segmentation loses ~2 points of PKU F1.

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { bundledJiebaDict } from '../segment/jieba.js';
import { foldWidth } from '../text/chars.js';
import { DICTS_DIR, PACKAGE_ROOT } from '../paths.js';
import { readDict } from '../dicts.js';

const MIN_EVIDENCE = 5;
const MAX_JOINED = 0.1;
const PD1998_SCALE = 300;
const VOCAB_FREQ = 100;
/** Frequency of a modern news word (rule 6): a common word's count, enough to beat its parts. */
const MODERN_FREQ = 3000;
const ALONE_RATIO = 0.1;
const ALONE_MIN = 3;
/** Longer entries are organisation names MSR keeps whole; they help neither standard in measurement. */
const MAX_WORD_LENGTH = 9;
/** Sequences of PD-1998 words considered as candidate words (rule 3). */
const MAX_SEQUENCE = 8;

const args = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1]! : fallback;
};
const outDir = resolve(option('--out', DICTS_DIR));
const shared = resolve(option('--shared', join(PACKAGE_ROOT, '..', 'shared')));
const sources = {
  jieba: bundledJiebaDict(),
  pd1998: join(shared, 'train', 'pos', 'pd1998-01.txt'),
  pku: join(shared, 'eval', 'seg', 'pku-training-words.txt'),
  msr: join(shared, 'eval', 'seg', 'msr-training-words.txt'),
};

/** PD-1998's extended PKU tags -> the tags jieba uses (its dictionary's, so tags stay one vocabulary). */
function jiebaTag(pd: string): string {
  const exact: Record<string, string> = {
    nrf: 'nr', nrg: 'nr', nx: 'eng', ud: 'uj', ue: 'ud', ui: 'uv', ul: 'ul', uz: 'uz', ug: 'ug',
    Ng: 'ng', Vg: 'vg', Ag: 'ag', Tg: 'tg', Dg: 'dg', Rg: 'rg', Mg: 'm', Qg: 'q', Ug: 'u',
    vn: 'vn', vd: 'vd', an: 'an', ad: 'ad', mq: 'mq',
  };
  if (exact[pd]) return exact[pd]!;
  if (pd.startsWith('w')) return 'x';
  if (/^(v[a-z]|q[a-z]|r[a-z]+|d[a-z]|j[a-z]|i[a-z]|l[a-z]|u[a-z])$/.test(pd)) return pd[0]!;
  return pd.toLowerCase() || 'x';
}

function lines(path: string): string[] {
  return readFileSync(path, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
}

/** A word the dictionary may hold (rule 1). Punctuation only on its own (——, ……) or as the · of names. */
function usable(w: string): boolean {
  if (w.length === 0 || w.length > MAX_WORD_LENGTH || /[\s\d%‰]/.test(w) || /^[A-Za-z.]+$/.test(w)) return false;
  return PUNCTUATION.test(w) || !/[\p{P}\p{S}]/u.test(w.replace(/·/g, ''));
}
const PUNCTUATION = /^[\p{P}\p{S}]+$/u;

// Numbers and dates the vocabularies spell in Chinese numerals (MSR keeps 一九九八年三月六日 whole): their
// tag can be read off the word — t for a date or time, m for a number — where any other untagged word is x.
const NUMERAL_WORD = /^[〇○零一二三四五六七八九十百千万亿两廿卅几半初年月日号时分秒份旬中上下底末今明去前后本同当每这那余多来点周星期天第个次届]+$/u;
const NUMERAL_CHAR = /[〇○零一二三四五六七八九十百千万亿两廿卅]/u;
function numeralTag(w: string): string | null {
  if (!NUMERAL_CHAR.test(w) || !NUMERAL_WORD.test(w)) return null;
  return /[年月日号时分秒旬]/u.test(w) ? 't' : 'm';
}

// jieba's own dictionary.
const jieba = new Map<string, { freq: number; tag: string }>();
for (const line of lines(sources.jieba)) {
  const [w, f, t] = line.split(' ');
  if (w && f && t) jieba.set(w, { freq: Number(f), tag: t });
}

// PD-1998: word counts, majority tags, counts of each word sequence, characters standing alone.
const count = new Map<string, number>();
const tags = new Map<string, Map<string, number>>();
const sequences = new Map<string, number>();
const alone = new Map<string, number>();
const charTotal = new Map<string, number>();
const inc = <K>(m: Map<K, number>, k: K, by = 1) => m.set(k, (m.get(k) ?? 0) + by);
let pdWords = 0;
for (const line of lines(sources.pd1998)) {
  const words = line.split(' ').filter(Boolean).map((t) => {
    const at = t.lastIndexOf('/');
    return { w: foldWidth(t.slice(0, at)), tag: t.slice(at + 1) };
  });
  words.forEach(({ w, tag }, i) => {
    pdWords++;
    inc(count, w);
    const m = tags.get(w) ?? new Map<string, number>();
    inc(m, tag);
    tags.set(w, m);
    for (const c of w) inc(charTotal, c);
    if ([...w].length === 1) inc(alone, w);
    let s = w;
    for (let j = i + 1; j < words.length && j < i + MAX_SEQUENCE; j++) {
      s += words[j]!.w;
      if (s.length > MAX_WORD_LENGTH) break;
      inc(sequences, s);
    }
  });
}
const majorityTag = (w: string): string | undefined =>
  [...(tags.get(w) ?? [])].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];

// The vocabulary (rule 1).
const vocabulary = new Set<string>();
const vocabSizes: Record<string, number> = {};
for (const name of ['pku', 'msr'] as const) {
  const ws = lines(sources[name]).map((l) => foldWidth(l.trim())).filter(usable);
  vocabSizes[name] = ws.length;
  for (const w of ws) vocabulary.add(w);
}
for (const w of count.keys()) if (usable(w)) vocabulary.add(w);

// Entries (rules 2-4).
const entries = new Map<string, { freq: number; tag: string }>();
for (const [w, e] of jieba) if ([...w].length === 1 || vocabulary.has(w)) entries.set(w, { ...e });
for (const w of vocabulary) {
  if (entries.has(w)) continue;
  const pd = majorityTag(w);
  entries.set(w, { freq: VOCAB_FREQ, tag: pd ? jiebaTag(pd) : (numeralTag(w) ?? 'x') });
}
const dropped: string[] = [];
for (const w of [...entries.keys()]) {
  if ([...w].length < 2) continue;
  const joined = count.get(w) ?? 0;
  const split = sequences.get(w) ?? 0;
  if (split >= MIN_EVIDENCE && joined / (split + joined) < MAX_JOINED) {
    entries.delete(w);
    dropped.push(w);
  }
}
for (const [w, e] of entries) e.freq = Math.max(1, e.freq, (count.get(w) ?? 0) * PD1998_SCALE);

// Modern news words (rule 6).
const modern = readDict('seg-modern-words.tsv', 2).map((r) => ({ word: foldWidth(r.fields[0]!), tag: r.fields[1]! }));
for (const { word, tag } of modern) {
  entries.set(word, { freq: Math.max(MODERN_FREQ, jieba.get(word)?.freq ?? 0, entries.get(word)?.freq ?? 0), tag });
}

// The characters the HMM must leave alone (rule 5).
const guarded = [...alone]
  .filter(([c, n]) => n >= ALONE_MIN && n / (charTotal.get(c) ?? n) >= ALONE_RATIO && entries.has(c))
  .map(([c]) => c);

// Output: code-point order, so a rebuild from the same sources is byte-identical.
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const dictLines = [...entries.keys()].sort(byCodePoint).map((w) => `${w} ${entries.get(w)!.freq} ${entries.get(w)!.tag}`);
const userLines = guarded.sort(byCodePoint).map((c) => `${c} ${entries.get(c)!.freq} ${entries.get(c)!.tag}`);
for (const l of [...dictLines, ...userLines]) {
  if (l.split(' ').length !== 3) throw new Error(`build-seg-dict: bad entry "${l}"`);
}

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);
const readme = `# seg-news: zhnews's segmentation dictionaries for jieba (generated; do not edit by hand)
#
# Files
#   seg-news.dict.utf8  ${dictLines.length} entries. jieba main-dictionary format: \`word freq tag\`, one entry
#                       per line, single spaces, no header (cppjieba aborts on any other line).
#                       Loaded instead of jieba's jieba.dict.utf8 by src/segment/jieba.ts.
#   seg-news.user.utf8  ${userLines.length} single characters, same format, loaded as jieba's user dictionary:
#                       characters its HMM must never join to a neighbour.
#   seg-jieba-extractor.utf8  (hand-made, one line) given to nodejieba.load as its IDF table and stop-word
#                       list: zhnews never calls jieba's keyword extractors, and jieba's 6 MB idf.utf8
#                       cost ~0.3 s and ~20 MB in every process. No header: cppjieba reads every line.
# Made by
#   npm run build:dicts   (= tsc, then node dist/tools/build-seg-dict.js; source src/tools/build-seg-dict.ts,
#                          whose header explains every rule and the measurements behind it)
# Sources (sha256, first 16 hex digits)
#   jieba.dict.utf8 (nodejieba, cppjieba dict, MIT)         ${sha(sources.jieba)}  ${jieba.size} words
#   ${basename(sources.pd1998)} (shared/train/pos, PKU standard)      ${sha(sources.pd1998)}  ${pdWords} tokens, ${count.size} distinct
#   pku-training-words.txt (SIGHAN 2005 training vocabulary) ${sha(sources.pku)}  ${vocabSizes.pku} usable words
#   msr-training-words.txt (SIGHAN 2005 training vocabulary) ${sha(sources.msr)}  ${vocabSizes.msr} usable words
#   Licences: jieba MIT; PD-1998 and the SIGHAN vocabularies are research data (see shared/train/README.md).
# Settings
#   MIN_EVIDENCE=${MIN_EVIDENCE} MAX_JOINED=${MAX_JOINED} PD1998_SCALE=${PD1998_SCALE} VOCAB_FREQ=${VOCAB_FREQ} MODERN_FREQ=${MODERN_FREQ} modern words=${modern.length} ALONE_RATIO=${ALONE_RATIO} ALONE_MIN=${ALONE_MIN} MAX_WORD_LENGTH=${MAX_WORD_LENGTH}
# Result
#   ${dropped.length} words dropped because PD-1998 splits them, e.g. ${dropped.sort((a, b) => (sequences.get(b) ?? 0) - (sequences.get(a) ?? 0)).slice(0, 12).join(' ')}
`;

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'seg-news.dict.utf8'), dictLines.join('\n') + '\n');
writeFileSync(join(outDir, 'seg-news.user.utf8'), userLines.join('\n') + '\n');
writeFileSync(join(outDir, 'seg-news.README'), readme);
console.log(`build-seg-dict: ${dictLines.length} words, ${userLines.length} guarded characters, ${dropped.length} dropped -> ${outDir}`);
