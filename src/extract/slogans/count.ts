// Corpus-level counting of slogans: which 提法 a collection of documents uses, in how many documents,
// and between which dateline dates.
//   countSlogans([{ id: 'a', slogans: [{ canonical: '十四五', kind: 'code', start: 5, … }],
//                   articles: [{ dateline: '3月5日', start: 0, end: 90, … }] }, …])
//     -> [{ canonical: '十四五', kind: 'code', documents: 2, mentions: 3, first: '3月5日', last: '8月11日' }]
// Dates are compared as written: with a year when the dateline has one (2022年8月11日), else month and day.

import type { Slogan, SloganKind } from '../../types.js';

export interface SloganCount {
  canonical: string;
  /** The most frequent kind among its mentions. */
  kind: SloganKind;
  /** Documents that mention it at least once. */
  documents: number;
  mentions: number;
  /** Earliest and latest dateline (as written) of the documents mentioning it; null when none has one. */
  first: string | null;
  last: string | null;
}

/** What countSlogans needs of a record; error records (no slogans) are skipped. */
export interface CountableRecord {
  id?: string;
  slogans?: ReadonlyArray<Pick<Slogan, 'canonical' | 'kind' | 'start'> & Partial<Slogan>>;
  articles?: ReadonlyArray<{ dateline: string | null; start: number; end: number }>;
}

const DATE = /(?:(\d{4})\s*年)?\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日/;

/** A sortable key for a dateline ("2022年8月11日" -> 20220811, "8月11日" -> 811), or null. */
export function datelineKey(dateline: string | null | undefined): number | null {
  const m = DATE.exec(dateline ?? '');
  if (!m) return null;
  return Number(m[1] ?? 0) * 10000 + Number(m[2]) * 100 + Number(m[3]);
}

interface Tally {
  docs: Set<number>;
  mentions: number;
  kinds: Map<SloganKind, number>;
  first: { key: number; text: string } | null;
  last: { key: number; text: string } | null;
}

export function countSlogans(records: Iterable<CountableRecord>): SloganCount[] {
  const tallies = new Map<string, Tally>();
  let docIndex = 0;
  for (const rec of records) {
    const d = docIndex++;
    if (!rec || !Array.isArray(rec.slogans)) continue;
    const articles = rec.articles ?? [];
    const docDate = articles.map((a) => a.dateline).find((x) => datelineKey(x) !== null) ?? null;
    for (const s of rec.slogans) {
      if (!s || typeof s.canonical !== 'string' || s.canonical === '') continue;
      let t = tallies.get(s.canonical);
      if (!t) {
        t = { docs: new Set(), mentions: 0, kinds: new Map(), first: null, last: null };
        tallies.set(s.canonical, t);
      }
      t.docs.add(d);
      t.mentions++;
      t.kinds.set(s.kind, (t.kinds.get(s.kind) ?? 0) + 1);
      // The dateline of the article holding the mention, else the document's first dateline.
      const own = articles.find((a) => a.start <= s.start && s.start < a.end && datelineKey(a.dateline) !== null);
      const date = own?.dateline ?? docDate;
      const key = datelineKey(date);
      if (date && key !== null) {
        if (!t.first || key < t.first.key) t.first = { key, text: date };
        if (!t.last || key > t.last.key) t.last = { key, text: date };
      }
    }
  }
  const out: SloganCount[] = [];
  for (const [canonical, t] of tallies) {
    const kind = [...t.kinds].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    out.push({
      canonical,
      kind,
      documents: t.docs.size,
      mentions: t.mentions,
      first: t.first?.text ?? null,
      last: t.last?.text ?? null,
    });
  }
  return out.sort((a, b) => b.documents - a.documents || b.mentions - a.mentions || (a.canonical < b.canonical ? -1 : 1));
}
