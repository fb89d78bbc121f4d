// Part of `npm run build`: writes the entity tagger's prepared tables for the committed model
// (src/extract/entities/tables.ts explains what and why) to dist/ner-model.tables.
//
//   node dist/tools/prepare-tagger.js

import { readFileSync } from 'node:fs';
import { dictPath } from '../paths.js';
import { decodeModel } from '../extract/entities/model-io.js';
import { EmissionScorer } from '../extract/entities/scorer.js';
import { nameLexicon } from '../extract/entities/features.js';
import { DEFAULT_MODEL } from '../extract/entities/tagger.js';
import { PREPARED_PATH, fingerprint, writePrepared } from '../extract/entities/tables.js';

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
