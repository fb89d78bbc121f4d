// The knowledge one Pipeline reads, from one dicts folder: the entity model, the gazetteers, the
// post-rules' word lists, the layout cues, the figure tables, the slogan tables with their classifier
// and the keyword stop words, each loaded on first use and kept for the Pipeline's life.
//
//   const res = new Resources('/data/my-dicts');   // a copy of dicts/ with a gazetteer entry added
//   new Pipeline(DEFAULT_OPTIONS, { resources: res }).analyze('doc', text);
//
// Two Pipelines with two folders analyse side by side in one process, each with its own tables; a
// Pipeline made without a folder reads the package's dicts/. A file the folder lacks fails, on the first
// document that needs it, with its path (DictFolder.bytes). What stays process-wide, and why, is in
// docs/design.md ("Resources").

import { DictFolder } from './dicts.js';
import { DICTS_DIR } from './paths.js';
import type { EntityResources } from './extract/entities/index.js';
import { EntityTagger, DEFAULT_MODEL } from './extract/entities/tagger.js';
import { loadGazetteers, type Gazetteers } from './extract/entities/gazetteers.js';
import { loadLexicon, type Lexicon } from './extract/entities/post-rules/lexicon.js';
import { loadFigureLexicon, type FigureLexicon } from './extract/figures/lexicon.js';
import { loadSloganKnowledge } from './extract/slogans/lexicon.js';
import { SloganModel } from './extract/slogans/classifier.js';
import { loadLayoutCues, type LayoutCues } from './layout/cues.js';

export class Resources implements EntityResources {
  /** The folder's files, each read once. */
  readonly dicts: DictFolder;
  private gaz: Gazetteers | null = null;
  private lex: Lexicon | null = null;
  private model: EntityTagger | null = null;
  private figureTables: FigureLexicon | null = null;
  private sloganModel: SloganModel | null = null;
  private stops: Set<string> | null = null;
  private cues: LayoutCues | null = null;

  /** The knowledge in `dir` (default: the package's dicts/). */
  constructor(dir: string = DICTS_DIR) {
    this.dicts = new DictFolder(dir);
  }

  /** The folder the knowledge is read from. */
  get dir(): string {
    return this.dicts.dir;
  }

  gazetteers(): Gazetteers {
    return (this.gaz ??= loadGazetteers(this.dicts));
  }

  lexicon(): Lexicon {
    return (this.lex ??= loadLexicon(this.dicts, this.gazetteers()));
  }

  tagger(): EntityTagger {
    return (this.model ??= EntityTagger.fromBytes(this.dicts.bytes(DEFAULT_MODEL), this.gazetteers()));
  }

  /** The layout cues (layout-*.tsv): byline labels, datelines, continuation markers, furniture, captions. */
  layoutCues(): LayoutCues {
    return (this.cues ??= loadLayoutCues(this.dicts));
  }

  /** The figure tables (figures-*.tsv). */
  figures(): FigureLexicon {
    return (this.figureTables ??= loadFigureLexicon(this.dicts));
  }

  /** The slogan tables (slogans-*.tsv), with the quoted-phrase classifier trained on first use. */
  slogans(): SloganModel {
    return (this.sloganModel ??= new SloganModel(loadSloganKnowledge(this.dicts)));
  }

  /** Words that are never keywords (keywords-stopwords.txt). */
  stopWords(): ReadonlySet<string> {
    return (this.stops ??= this.dicts.words('keywords-stopwords.txt'));
  }
}

/**
 * The package's entity knowledge with the tagger of another model file (a name under dicts/ or a path):
 * for the tools that score or inspect a model they trained.
 */
export function withEntityModel(model: string, res: Resources = new Resources()): EntityResources {
  const tagger = EntityTagger.load(res.dicts.path(model), res.gazetteers());
  return { tagger: () => tagger, gazetteers: () => res.gazetteers(), lexicon: () => res.lexicon() };
}
