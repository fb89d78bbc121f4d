// Prepared tagger tables (src/extract/entities/tables.ts): written by `npm run build`, used only when
// they fit the model file and the code.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CharTrie } from '../../../src/extract/entities/char-trie.js';
import { EntityTagger } from '../../../src/extract/entities/index.js';
import { Resources } from '../../../src/resources.js';
import { nameLexicon } from '../../../src/extract/entities/features.js';
import { EmissionScorer } from '../../../src/extract/entities/scorer.js';
import { decodePrepared, encodePrepared, fingerprint, readPrepared, writePrepared, type PreparedTagger } from '../../../src/extract/entities/tables.js';
import { dictPath, PACKAGE_ROOT } from '../../../src/paths.js';
import { JiebaSegmenter } from '../../../src/segment/jieba.js';

const jieba = new JiebaSegmenter({ hmm: true });
const modelBytes = readFileSync(dictPath('ner/model.bin'));
const resources = new Resources();
const model = resources.tagger().model;
const lexicon = nameLexicon(model.header.lexicon)!;
const prepared: PreparedTagger = {
  header: model.header,
  scorer: new EmissionScorer(model).parts(),
  lexicon: { forward: lexicon.forward.parts(), backward: lexicon.backward.parts() },
};
const SENTENCES = [
  '国家发展改革委主任郑栅洁在北京出席会议',
  '青岛西海岸新区管委会副主任王伟在黄岛区政务服务中心调研',
  '中国石化青岛炼化公司向肯尼亚出口一批柴油，山东港口青岛港完成吞吐量1.2亿吨。',
];

describe('prepared tagger tables', () => {
  it('a tagger made from the tables tags exactly as one made from the model', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-tables-'));
    const path = join(dir, 'model.tables');
    writePrepared(path, prepared, fingerprint(modelBytes));
    const read = readPrepared(path, modelBytes);
    expect(read).not.toBeNull();
    const fromTables = new EntityTagger({ prepared: read!, modelBytes }, resources.gazetteers());
    const fromModel = new EntityTagger(model, resources.gazetteers());
    expect(fromTables.fromPreparedTables).toBe(true);
    for (const s of SENTENCES) {
      const words = jieba.tag(s);
      expect(fromTables.tag(s, words)).toEqual(fromModel.tag(s, words));
      expect(fromTables.tag(s, words).length).toBeGreaterThan(1);
    }
    // The weights are still there for whoever asks.
    expect(fromTables.model.header.numFeatures).toBe(model.header.numFeatures);
  });

  it('restores the name lexicon tries as they were built', () => {
    const back = decodePrepared(encodePrepared(prepared, 'f'), 'f')!;
    const forward = CharTrie.fromParts(back.lexicon!.forward);
    const codes = Array.from('会见了郑栅洁', (c) => c.codePointAt(0)!);
    for (let i = 0; i < codes.length; i++) {
      expect(forward.longestAt(codes, codes.length, i)).toBe(lexicon.forward.longestAt(codes, codes.length, i));
    }
    expect(forward.maxLen).toBe(lexicon.forward.maxLen);
  });

  it('ignores tables made for other model bytes, other code, or no tables at all', () => {
    const file = encodePrepared(prepared, fingerprint(modelBytes));
    expect(decodePrepared(file, fingerprint(modelBytes))).not.toBeNull();
    const other = Buffer.from(modelBytes);
    other[other.length - 1]! ^= 1;
    expect(decodePrepared(file, fingerprint(other))).toBeNull();
    expect(decodePrepared(encodePrepared(prepared, 'written by other code'), fingerprint(modelBytes))).toBeNull();
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-tables-'));
    writeFileSync(join(dir, 'garbage.tables'), '新华社北京电：这不是表格文件。');
    expect(readPrepared(join(dir, 'garbage.tables'), modelBytes)).toBeNull();
    writeFileSync(join(dir, 'cut.tables'), file.subarray(0, file.length >> 1));
    expect(readPrepared(join(dir, 'cut.tables'), modelBytes)).toBeNull();
    expect(readPrepared(join(dir, 'missing.tables'), modelBytes)).toBeNull();
  });

  it('the built CLI loads the committed model from the tables `npm run build` wrote', () => {
    const script =
      `const m = await import(${JSON.stringify(join(PACKAGE_ROOT, 'dist', 'resources.js'))});` +
      `console.log(new m.Resources().tagger().fromPreparedTables);`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('true');
  });
});
