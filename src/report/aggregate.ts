// The numbers behind the corpus report, gathered one record at a time.
//
// `zhnews report` streams JSON Lines records through `ReportAggregator.add`; `analyze --report` feeds it
// the records it writes. Nothing here keeps a whole record: each document leaves a small reference (id,
// title, date) in the lists that cite it, and every list is capped, so memory grows with the number of
// distinct names and terms (times DOC_LIST_CAP), not with the documents, and the embedded data (what
// `result()` returns) stays a few hundred kilobytes for 10 or 100,000 documents.
//
//   add({id: "a", date: "2024-03-05", slogans: [{kind: "coined", text: "微改革", …}], …})
//   result().terms[0] -> { text: "微改革", documents: 1, series: [1], docs: [0], more: 0, … }

/** How many of each kind of list the page gets. */
export interface ReportLimits {
  /** Terms drawn as lines over time. */
  terms: number;
  /** Names per entity type. */
  entities: number;
  /** Documents listed under a term, a name or an indicator (the rest are counted). */
  docList: number;
  /** Rows of the document table (the rest are counted). */
  tableRows: number;
  /** Dots per indicator in the figures plot. */
  dots: number;
  /** Error records listed by id. */
  errors: number;
}

export const DEFAULT_LIMITS: ReportLimits = { terms: 12, entities: 20, docList: 50, tableRows: 3000, dots: 300, errors: 50 };

/** Past this many months between the first and the last date, the timeline counts years. */
const MAX_MONTHS = 240;
const ENTITY_TYPES = ['PER', 'LOC', 'ORG'] as const;
type ReportEntityType = (typeof ENTITY_TYPES)[number];
/** Titles longer than this are cut (with …) in every list and the table. */
const TITLE_CHARS = 60;

/** A document as every list of the page refers to it: [id, title, date or null]. */
export type DocTriple = [string, string, string | null];

export interface TermRow {
  text: string;
  kind: string;
  documents: number;
  mentions: number;
  /** Documents per timeline bucket (aligned with `timeline.buckets`). */
  series: number[];
  /** Indices into `docs`: the first documents that mention it, in input order. */
  docs: number[];
  /** Documents that mention it beyond `docs`. */
  more: number;
}

export interface NameRow {
  text: string;
  documents: number;
  mentions: number;
  docs: number[];
  more: number;
}

export interface IndicatorRow {
  indicator: string;
  figures: number;
  documents: number;
  /** Figures per figure type (percent, money, quantity …). */
  types: Record<string, number>;
  /** Percent values (growth rates): their spread; null when the indicator has none. */
  percent: { count: number; min: number; max: number; mean: number } | null;
  /** Money figures in one currency (the commonest), summed; null when it has none. */
  money: { count: number; unit: string; total: number } | null;
  docs: number[];
  more: number;
}

/** One percent figure in the dot plot: [indicator index, value, document index, figure text]. */
export type Dot = [number, number, number, string];

export interface ReportData {
  sources: string[];
  limits: ReportLimits;
  counts: { documents: number; errors: number; malformed: number; articles: number; dated: number; undated: number };
  timeline: { unit: 'month' | 'year'; buckets: string[]; documents: number[] };
  terms: TermRow[];
  /** Distinct terms in the corpus (terms lists only the top ones). */
  termCount: number;
  entities: Record<ReportEntityType, NameRow[]>;
  entityCounts: Record<ReportEntityType, number>;
  indicators: IndicatorRow[];
  dots: Dot[];
  /** Rows of the document table: [document index, entities, figures, slogans]. */
  table: [number, number, number, number][];
  errors: { id: string; error: string }[];
  /** Every document the lists and the table refer to, once. */
  docs: DocTriple[];
}

/** A document reference, shared by every list that cites the document. */
interface DocRef {
  id: string;
  title: string;
  date: string | null;
}

interface Tally {
  documents: number;
  mentions: number;
  sample: DocRef[];
}
interface TermTally extends Tally {
  text: string;
  kind: string;
  buckets: Map<string, number>;
}
interface IndicatorTally {
  figures: number;
  documents: number;
  types: Record<string, number>;
  pct: { count: number; min: number; max: number; sum: number };
  money: Map<string, { count: number; total: number }>;
  sample: DocRef[];
  dots: [number, DocRef, string][];
}

// The fields read from a record, loosely: a records file may come from an older or newer zhnews, so
// nothing beyond `id` is required, and fields that later versions add (`norm`) are used when present.
interface LooseSpan {
  type?: unknown;
  kind?: unknown;
  text?: unknown;
  norm?: unknown;
  canonical?: unknown;
  value?: unknown;
  unit?: unknown;
  indicator?: unknown;
}
interface LooseRecord {
  id?: unknown;
  error?: unknown;
  date?: unknown;
  articles?: { title?: unknown; date?: unknown; paragraphs?: unknown }[];
  entities?: LooseSpan[];
  figures?: LooseSpan[];
  slogans?: LooseSpan[];
}

const str = (x: unknown): string | null => (typeof x === 'string' && x !== '' ? x : null);
const list = <T>(x: unknown): T[] => (Array.isArray(x) ? (x as T[]) : []);
/** The objects of a list (a hand-edited file may hold a null or a string among them). */
const objects = <T extends object>(x: unknown): T[] => list<unknown>(x).filter((v): v is T => typeof v === 'object' && v !== null);
const cut = (s: string, n: number): string => ([...s].length > n ? [...s].slice(0, n - 1).join('') + '…' : s);

/** Thrown for a line that parses as JSON but is not a zhnews record. */
export class NotARecord extends Error {}

export class ReportAggregator {
  private documents = 0;
  private errors = 0;
  private malformed = 0;
  private articles = 0;
  private undated = 0;
  private readonly errorList: { id: string; error: string }[] = [];
  private readonly months = new Map<string, number>();
  private readonly terms = new Map<string, TermTally>();
  private readonly names = new Map<string, Tally>(); // "PER\t刘腾"
  private readonly indicators = new Map<string, IndicatorTally>();
  private readonly table: [DocRef, number, number, number][] = [];

  constructor(
    readonly sources: string[] = [],
    readonly limits: ReportLimits = DEFAULT_LIMITS,
  ) {}

  /** A line that was not JSON (counted; the caller reports where it was). */
  addMalformed(): void {
    this.malformed++;
  }

  /** One output record of `zhnews analyze`, as parsed from JSON. Throws NotARecord for anything else. */
  add(value: unknown): void {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || typeof (value as LooseRecord).id !== 'string') {
      throw new NotARecord('not a zhnews record (an object with a string "id")');
    }
    const r = value as LooseRecord;
    const id = r.id as string;
    if (r.error !== undefined) {
      this.errors++;
      if (this.errorList.length < this.limits.errors) this.errorList.push({ id, error: String(r.error) });
      return;
    }
    this.documents++;
    const articles = objects<NonNullable<LooseRecord['articles']>[number]>(r.articles);
    this.articles += articles.length;
    const date = documentDate(r);
    const ref: DocRef = { id, title: cut(documentTitle(r) ?? id, TITLE_CHARS), date };
    const month = date && /^\d{4}-\d{2}/.test(date) ? date.slice(0, 7) : null;
    if (month) this.months.set(month, (this.months.get(month) ?? 0) + 1);
    else this.undated++;

    const seen = new Set<Tally>();
    const count = (t: Tally) => {
      t.mentions++;
      if (seen.has(t)) return false;
      seen.add(t);
      t.documents++;
      if (t.sample.length < this.limits.docList) t.sample.push(ref);
      return true;
    };

    const slogans = objects<LooseSpan>(r.slogans);
    for (const s of slogans) {
      // A term's Simplified form (norm) groups its spellings; canonical folds widths (5＋5＋7 -> 5+5+7).
      const text = str(s.norm) ?? str(s.canonical) ?? str(s.text);
      if (!text) continue;
      let t = this.terms.get(text);
      if (!t) this.terms.set(text, (t = { text, kind: str(s.kind) ?? '', documents: 0, mentions: 0, sample: [], buckets: new Map() }));
      if (count(t) && month) t.buckets.set(month, (t.buckets.get(month) ?? 0) + 1);
    }

    const entities = objects<LooseSpan>(r.entities);
    for (const e of entities) {
      const type = str(e.type);
      const text = str(e.norm) ?? str(e.text);
      if (!text || !ENTITY_TYPES.includes(type as ReportEntityType)) continue;
      const key = `${type}\t${text}`;
      let t = this.names.get(key);
      if (!t) this.names.set(key, (t = { documents: 0, mentions: 0, sample: [] }));
      count(t);
    }

    const figures = objects<LooseSpan>(r.figures);
    const seenIndicators = new Set<IndicatorTally>();
    for (const f of figures) {
      const indicator = str(f.indicator);
      if (!indicator) continue;
      let t = this.indicators.get(indicator);
      if (!t) {
        t = { figures: 0, documents: 0, types: {}, pct: { count: 0, min: Infinity, max: -Infinity, sum: 0 }, money: new Map(), sample: [], dots: [] };
        this.indicators.set(indicator, t);
      }
      t.figures++;
      const type = str(f.type) ?? 'unknown';
      t.types[type] = (t.types[type] ?? 0) + 1;
      if (!seenIndicators.has(t)) {
        seenIndicators.add(t);
        t.documents++;
        if (t.sample.length < this.limits.docList) t.sample.push(ref);
      }
      const value = typeof f.value === 'number' && Number.isFinite(f.value) ? f.value : null;
      if (value === null) continue;
      if (type === 'percent') {
        t.pct.count++;
        t.pct.sum += value;
        t.pct.min = Math.min(t.pct.min, value);
        t.pct.max = Math.max(t.pct.max, value);
        if (t.dots.length < this.limits.dots) t.dots.push([value, ref, cut(str(f.text) ?? String(value), 30)]);
      } else if (type === 'money') {
        const unit = str(f.unit) ?? '?';
        const m = t.money.get(unit) ?? { count: 0, total: 0 };
        m.count++;
        m.total += value;
        t.money.set(unit, m);
      }
    }

    if (this.table.length < this.limits.tableRows) this.table.push([ref, entities.length, figures.length, slogans.length]);
  }

  result(): ReportData {
    const docIndex = new Map<DocRef, number>();
    const docs: DocTriple[] = [];
    const indexOf = (ref: DocRef): number => {
      let i = docIndex.get(ref);
      if (i === undefined) {
        docIndex.set(ref, (i = docs.length));
        docs.push([ref.id, ref.title, ref.date]);
      }
      return i;
    };
    const refs = (t: { documents: number; sample: DocRef[] }) => ({ docs: t.sample.map(indexOf), more: t.documents - t.sample.length });
    const byDocuments = <T extends { documents: number; mentions: number; text: string }>(a: T, b: T) =>
      b.documents - a.documents || b.mentions - a.mentions || cmp(a.text, b.text);

    // The timeline: every month from the first to the last (empty months are zeros, not gaps), or every
    // year when that would be too many bars to read.
    const months = [...this.months.keys()].sort();
    const yearly = months.length > 0 && monthSpan(months[0]!, months[months.length - 1]!) > MAX_MONTHS;
    const bucketOf = (month: string) => (yearly ? month.slice(0, 4) : month);
    const buckets = months.length ? bucketRange(bucketOf(months[0]!), bucketOf(months[months.length - 1]!), yearly) : [];
    const position = new Map(buckets.map((b, i) => [b, i]));
    const perBucket = (counts: Map<string, number>): number[] => {
      const out: number[] = buckets.map(() => 0);
      for (const [m, n] of counts) out[position.get(bucketOf(m))!]! += n;
      return out;
    };

    const terms: TermRow[] = [...this.terms.values()]
      .sort(byDocuments)
      .slice(0, this.limits.terms)
      .map((t) => ({ text: t.text, kind: t.kind, documents: t.documents, mentions: t.mentions, series: perBucket(t.buckets), ...refs(t) }));

    const entities = { PER: [], LOC: [], ORG: [] } as Record<ReportEntityType, (NameRow & { tally: Tally })[]>;
    const entityCounts = { PER: 0, LOC: 0, ORG: 0 } as Record<ReportEntityType, number>;
    for (const [key, t] of this.names) {
      const [type, text] = key.split('\t') as [ReportEntityType, string];
      entityCounts[type]++;
      entities[type].push({ text, documents: t.documents, mentions: t.mentions, docs: [], more: 0, tally: t });
    }
    const topNames = {} as Record<ReportEntityType, NameRow[]>;
    for (const type of ENTITY_TYPES) {
      topNames[type] = entities[type]
        .sort(byDocuments)
        .slice(0, this.limits.entities)
        .map(({ tally, ...row }) => ({ ...row, ...refs(tally) }));
    }

    const indicatorNames = [...this.indicators.keys()].sort((a, b) => this.indicators.get(b)!.documents - this.indicators.get(a)!.documents || cmp(a, b));
    const indicators: IndicatorRow[] = [];
    const dots: Dot[] = [];
    for (const [i, name] of indicatorNames.entries()) {
      const t = this.indicators.get(name)!;
      const money = [...t.money].sort((a, b) => b[1].count - a[1].count || cmp(a[0], b[0]))[0];
      indicators.push({
        indicator: name,
        figures: t.figures,
        documents: t.documents,
        types: t.types,
        percent: t.pct.count ? { count: t.pct.count, min: t.pct.min, max: t.pct.max, mean: round(t.pct.sum / t.pct.count) } : null,
        money: money ? { count: money[1].count, unit: money[0], total: money[1].total } : null,
        ...refs(t),
      });
      for (const [value, ref, text] of t.dots) dots.push([i, value, indexOf(ref), text]);
    }

    const table = this.table.map(([ref, e, f, s]) => [indexOf(ref), e, f, s] as [number, number, number, number]);
    const dated = this.documents - this.undated;
    return {
      sources: this.sources,
      limits: this.limits,
      counts: { documents: this.documents, errors: this.errors, malformed: this.malformed, articles: this.articles, dated, undated: this.undated },
      timeline: { unit: yearly ? 'year' : 'month', buckets, documents: perBucket(this.months) },
      terms,
      termCount: this.terms.size,
      entities: topNames,
      entityCounts,
      indicators,
      dots,
      table,
      errors: this.errorList,
      docs,
    };
  }
}

/**
 * The date a document is placed at on the timeline: its record's own date (from --date-field: the day
 * it was published), else the earliest dateline date that states a year. Month-day datelines without a
 * year ("--03-05") place nothing; nor do date figures in the text, which name the events reported, not
 * the day of the report.
 */
export function documentDate(r: { date?: unknown; articles?: { date?: unknown }[] }): string | null {
  const own = str(r.date);
  if (own && /^\d{4}/.test(own)) return own;
  const dates = objects<{ date?: unknown }>(r.articles)
    .map((a) => str(a.date))
    .filter((d): d is string => !!d && /^\d{4}/.test(d))
    .sort();
  return dates[0] ?? null;
}

/** The first article's headline, else the start of its first paragraph. */
function documentTitle(r: LooseRecord): string | null {
  const articles = objects<NonNullable<LooseRecord['articles']>[number]>(r.articles);
  for (const a of articles) {
    const t = str(a.title);
    if (t) return t;
  }
  const first = list<unknown>(articles[0]?.paragraphs)[0];
  return str(first);
}

function monthSpan(a: string, b: string): number {
  return (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
}

/** "2024-11".."2025-02" -> 2024-11, 2024-12, 2025-01, 2025-02 (or years, "2019".."2021"). */
export function bucketRange(first: string, last: string, yearly: boolean): string[] {
  const out: string[] = [];
  let y = Number(first.slice(0, 4));
  let m = yearly ? 1 : Number(first.slice(5, 7));
  for (;;) {
    const b = yearly ? String(y) : `${y}-${String(m).padStart(2, '0')}`;
    out.push(b);
    if (b >= last) return out;
    if (yearly || m === 12) {
      y++;
      m = 1;
    } else m++;
  }
}

const round = (x: number) => Math.round(x * 100) / 100;
const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
