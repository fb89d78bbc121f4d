// Corpus summary: what a whole run found, aggregated from its records.
//
// Built from output records alone (not from the texts), so it can summarise a run as it happens
// (`analyze --summary`) or an archive of earlier JSON Lines output (`zhnews summary out.jsonl`).
// Memory grows with the number of distinct names, slogans and keywords, not with the documents.
// The summary does not depend on the order the records come in: the records of N shards, merged in id
// order or read one shard after another (`zhnews summary shard-*.jsonl`), sum to the summary of one run.

import { createRequire } from 'node:module';
import type { DocumentRecord, EntityType, OutputRecord, SloganKind } from '../types.js';
import { ENTITY_TYPES, SCHEMA_VERSION, SLOGAN_KINDS, isErrorRecord } from '../types.js';
import { simplifiedName } from '../normalize/script.js';

// natural's TfIdf, imported by file: `require('natural')` would load dotenv, which writes to stdout.
interface NaturalTfIdf {
  addDocument(doc: Record<string, number> | string[], key?: string): void;
  idf(term: string): number;
}
const TfIdf = createRequire(import.meta.url)('natural/lib/natural/tfidf/tfidf') as new () => NaturalTfIdf;

export interface CountRow {
  text: string;
  mentions: number;
  documents: number;
}
export interface SloganRow extends CountRow {
  kind: SloganKind;
  /** Earliest and latest article date (ISO-like) of the documents that mention it. */
  first: string | null;
  last: string | null;
}
export interface IndicatorRow {
  indicator: string;
  figures: number;
  documents: number;
  types: Record<string, number>;
}
/** A policy term (slogan kind term) and how often it occurs in each month of the documents' dates. */
export interface TermRow extends CountRow {
  months: { month: string; mentions: number; documents: number }[];
}
export interface CorpusKeyword {
  word: string;
  weight: number;
  documents: number;
}

export interface CorpusSummaryRecord {
  schemaVersion: string;
  kind: 'corpus-summary';
  documents: number;
  errors: number;
  articles: number;
  /** Documents per date: the document's own date, else its articles' dates. */
  dates: { date: string; documents: number }[];
  entities: Record<EntityType, CountRow[]>;
  slogans: SloganRow[];
  /** Policy terms (提法) by their norm, with counts by month where documents carry dates. */
  terms: TermRow[];
  figures: IndicatorRow[];
  keywords: CorpusKeyword[];
}

interface Counter {
  mentions: number;
  documents: number;
}

export class CorpusSummary {
  private documents = 0;
  private errors = 0;
  private articles = 0;
  private readonly dates = new Map<string, number>();
  private readonly entities = new Map<string, Counter>(); // "PER\t刘腾"
  /** Per canonical form: mentions under each kind (a lexicon entry and a quoted coinage can share a form). */
  private readonly slogans = new Map<string, Counter & { kinds: Partial<Record<SloganKind, number>>; first: string | null; last: string | null }>();
  private readonly terms = new Map<string, Counter & { months: Map<string, Counter> }>();
  private readonly indicators = new Map<string, { figures: number; documents: number; types: Record<string, number> }>();
  private readonly keywordDocs = new Map<string, number>();
  private readonly keywordMass = new Map<string, number>();
  private readonly tfidf = new TfIdf();

  constructor(readonly top = 50) {}

  add(record: OutputRecord): void {
    if (isErrorRecord(record)) {
      this.errors++;
      return;
    }
    this.documents++;
    this.articles += record.articles.length;
    // The document's own date (its record's --date-field: the day it was published) when it has one,
    // else the dates its articles' datelines state.
    const dates = record.date ? [record.date] : [...new Set(record.articles.map((a) => a.date).filter((d): d is string => !!d))].sort();
    for (const d of dates) this.dates.set(d, (this.dates.get(d) ?? 0) + 1);

    const seen = new Set<string>();
    const bump = <T extends Counter>(map: Map<string, T>, key: string, fresh: () => T): T => {
      let c = map.get(key);
      if (!c) map.set(key, (c = fresh()));
      c.mentions++;
      if (!seen.has(key)) {
        seen.add(key);
        c.documents++;
      }
      return c;
    };
    // A name written in Traditional and in Simplified characters is one name: counted by its norm.
    for (const e of record.entities) bump(this.entities, `${e.type}\t${e.norm ?? e.text}`, () => ({ mentions: 0, documents: 0 }));
    // The month of a document: its own date's, else the first dated article's (a full date only).
    const month = dates.map((d) => /^\d{4}-\d{2}/.exec(d)?.[0]).find((m) => m) ?? null;
    for (const s of record.slogans) {
      const form = s.norm ?? s.canonical;
      const c = bump(this.slogans, `slogan\t${form}`, () => ({ mentions: 0, documents: 0, kinds: {}, first: null, last: null }));
      c.kinds[s.kind] = (c.kinds[s.kind] ?? 0) + 1;
      if (s.kind === 'term') {
        const t = bump(this.terms, `term\t${form}`, () => ({ mentions: 0, documents: 0, months: new Map() }));
        if (month) bump(t.months, `term\t${form}\t${month}`, () => ({ mentions: 0, documents: 0 }));
      }
      if (dates.length) {
        if (!c.first || dates[0]! < c.first) c.first = dates[0]!;
        if (!c.last || dates[dates.length - 1]! > c.last) c.last = dates[dates.length - 1]!;
      }
    }
    const docIndicators = new Set<string>();
    for (const f of record.figures) {
      if (!f.indicator) continue;
      let c = this.indicators.get(f.indicator);
      if (!c) this.indicators.set(f.indicator, (c = { figures: 0, documents: 0, types: {} }));
      c.figures++;
      c.types[f.type] = (c.types[f.type] ?? 0) + 1;
      if (!docIndicators.has(f.indicator)) {
        docIndicators.add(f.indicator);
        c.documents++;
      }
    }
    this.addKeywords(record);
  }

  /** A document's bag for corpus TF-IDF: its keywords (weighted by rank) and its named entities. */
  private addKeywords(record: DocumentRecord): void {
    // A Map, not an object: a word such as "constructor" or "toString" is a key like any other.
    const bag = new Map<string, number>();
    const add = (w: string, n: number) => bag.set(w, (bag.get(w) ?? 0) + n);
    // A Traditional page's keywords are in its own characters: counted in Simplified ones (陳茂波 = 陈茂波).
    record.keywords.forEach((k, i) => add(simplifiedName(k.word), record.keywords.length - i));
    for (const e of record.entities) if (e.type !== 'PER') add(e.norm ?? e.text, 1);
    for (const [w, n] of bag) {
      this.keywordDocs.set(w, (this.keywordDocs.get(w) ?? 0) + 1);
      this.keywordMass.set(w, (this.keywordMass.get(w) ?? 0) + n);
    }
    // natural counts an object's own keys; one with a null prototype has no inherited ones to confuse it.
    this.tfidf.addDocument(Object.assign(Object.create(null) as Record<string, number>, Object.fromEntries(bag)));
  }

  result(): CorpusSummaryRecord {
    const byCount = <T extends CountRow>(a: T, b: T) => b.documents - a.documents || b.mentions - a.mentions || cmp(a.text, b.text);
    const entities = Object.fromEntries(ENTITY_TYPES.map((t) => [t, [] as CountRow[]])) as Record<EntityType, CountRow[]>;
    for (const [key, c] of this.entities) {
      const [type, text] = key.split('\t') as [EntityType, string];
      entities[type].push({ text, mentions: c.mentions, documents: c.documents });
    }
    for (const t of ENTITY_TYPES) entities[t] = entities[t].sort(byCount).slice(0, this.top);
    const slogans = [...this.slogans].map(([key, c]) => ({
      text: key.slice('slogan\t'.length), kind: mainKind(c.kinds), mentions: c.mentions, documents: c.documents, first: c.first, last: c.last,
    }));
    // Corpus weight of a term: its summed in-document weight times natural's IDF over the corpus.
    const keywords = [...this.keywordDocs.keys()]
      .map((word) => ({ word, weight: round(this.keywordMass.get(word)! * this.tfidf.idf(word)), documents: this.keywordDocs.get(word)! }))
      .sort((a, b) => b.weight - a.weight || cmp(a.word, b.word))
      .slice(0, this.top);
    return {
      schemaVersion: SCHEMA_VERSION,
      kind: 'corpus-summary',
      documents: this.documents,
      errors: this.errors,
      articles: this.articles,
      dates: [...this.dates].sort((a, b) => cmp(a[0], b[0])).map(([date, documents]) => ({ date, documents })),
      entities,
      slogans: slogans.sort(byCount),
      terms: [...this.terms]
        .map(([key, c]) => ({
          text: key.slice('term\t'.length),
          mentions: c.mentions,
          documents: c.documents,
          months: [...c.months]
            .map(([k, m]) => ({ month: k.slice(k.lastIndexOf('\t') + 1), mentions: m.mentions, documents: m.documents }))
            .sort((a, b) => cmp(a.month, b.month)),
        }))
        .sort(byCount),
      figures: [...this.indicators]
        .map(([indicator, c]) => ({ indicator, ...c, types: sortedKeys(c.types) }))
        .sort((a, b) => b.figures - a.figures || cmp(a.indicator, b.indicator)),
      keywords,
    };
  }
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** The kind a slogan is mentioned under most often; a tie goes to the kind listed first in SLOGAN_KINDS. */
const mainKind = (kinds: Partial<Record<SloganKind, number>>): SloganKind =>
  SLOGAN_KINDS.reduce((best, k) => ((kinds[k] ?? 0) > (kinds[best] ?? 0) ? k : best));
/** The object with its keys in sorted order (JSON output whatever order the counts were first made in). */
const sortedKeys = <T>(o: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(o).sort((a, b) => cmp(a[0], b[0])));
const round = (x: number) => Math.round(x * 10000) / 10000;
