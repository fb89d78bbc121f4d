// The layering of src/ (docs/design-layers.md), checked on the relative imports of every source file:
// a module imports only from its own folder or from a lower layer, and no chain of imports comes back
// to where it started. `npm run lint:imports` (madge) finds the same cycles from the outside.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

/** Lowest first. Folders on one layer may not import each other; the root files are named with `.ts`. */
const LAYERS: readonly (readonly string[])[] = [
  ['types.ts', 'paths.ts', 'streams.ts', 'dicts.ts', 'prepared.ts'],
  ['text'],
  ['input'],
  ['normalize'],
  ['layout'],
  ['segment'],
  ['keywords'],
  ['extract'],
  ['tokens'],
  ['resources.ts'],
  ['pipeline'],
  ['pipeline.ts'],
  ['output'],
  ['summary', 'report', 'validate'],
  ['cli'],
  ['tools', 'index.ts'],
];
const BASE = LAYERS[0]!;

const SRC = join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}

/** `import … from './x.js'`, `export … from`, `import './x.js'`, `import('./x.js')`: the targets, as src paths. */
export function relativeImports(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
    out.push(relative(SRC, join(dirname(file), m[1]!.replace(/\.js$/, '.ts'))));
  }
  return out;
}

/** 'extract/figures/find.ts' -> 'extract'; 'pipeline.ts' -> 'pipeline.ts'; the base files share one group. */
export function groupOf(path: string): string {
  const top = path.split('/')[0]!;
  return BASE.includes(top) ? 'base' : top;
}

const rankOf = (group: string) => (group === 'base' ? 0 : LAYERS.findIndex((l) => l.includes(group)));

const graph = new Map(
  sourceFiles(SRC).map((f) => [relative(SRC, f), relativeImports(f, readFileSync(f, 'utf8'))] as const),
);

describe('import layers of src/', () => {
  it('places every source file on a layer', () => {
    const unplaced = [...graph.keys()].filter((f) => rankOf(groupOf(f)) < 0);
    expect(unplaced).toEqual([]);
  });

  it('imports only from its own folder or a lower layer', () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      const from = groupOf(file);
      for (const target of targets) {
        const to = groupOf(target);
        if (to !== from && rankOf(to) >= rankOf(from)) upward.push(`${file} -> ${target}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('has no import cycle between files', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' > '));
        return;
      }
      state.set(file, 'open');
      for (const t of graph.get(file) ?? []) visit(t, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('reads the import forms the sources use', () => {
    const file = join(SRC, 'cli', 'x.ts');
    const text = [
      "import { a } from './io.js';",
      "import type {\n  B,\n} from '../types.js';",
      "export { c } from '../output/writer.js';",
      "const d = await import('../pipeline.js');",
      "import schema from './record.schema.json' with { type: 'json' };",
      "import { readFileSync } from 'node:fs';",
    ].join('\n');
    expect(relativeImports(file, text)).toEqual(['cli/io.ts', 'types.ts', 'output/writer.ts', 'pipeline.ts', 'cli/record.schema.json']);
    expect([groupOf('extract/figures/find.ts'), groupOf('dicts.ts'), groupOf('pipeline.ts')]).toEqual(['extract', 'base', 'pipeline.ts']);
  });
});
