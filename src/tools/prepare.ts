// Part of `npm run build`: writes the prepared data (src/prepared.ts) that processes and workers read
// at start-up instead of building it: the entity tagger's tables for the committed model
// (src/extract/entities/tables.ts explains what and why) to dist/ner-model.tables, and the index of
// jieba's IDF table (src/keywords/tfidf.ts) to dist/idf.tables.
//
//   node dist/tools/prepare.js

import { readFileSync } from 'node:fs';
import { dictPath } from '../paths.js';
import { decodeModel } from '../extract/entities/model-io.js';
import { EmissionScorer } from '../extract/entities/scorer.js';
import { nameLexicon } from '../extract/entities/features.js';
import { DEFAULT_MODEL } from '../extract/entities/tagger.js';
import { PREPARED_PATH, fingerprint, writePrepared } from '../extract/entities/tables.js';
import { IdfTable, PREPARED_IDF_PATH, idfFingerprint } from '../keywords/tfidf.js';
import { jiebaIdfPath } from '../segment/jieba.js';
import { writeBundle } from '../prepared.js';

const bytes = readFileSync(dictPath(DEFAULT_MODEL));
const model = decodeModel(bytes);
const lexicon = nameLexicon(model.header.lexicon ?? []);
writePrepared(
  PREPARED_PATH,
  {
    header: model.header,
    scorer: new EmissionScorer(model).parts(),
    lexicon: lexicon && { forward: lexicon.forward.parts(), backward: lexicon.backward.parts() },
  },
  fingerprint(bytes),
);

const idf = readFileSync(jiebaIdfPath());
writeBundle(PREPARED_IDF_PATH, new IdfTable(idf).parts(), idfFingerprint(idf));
