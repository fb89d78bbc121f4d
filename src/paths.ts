// Where zhnews finds its own data files, whether run from src/ (tests) or dist/ (the built CLI).

import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

// src/paths.ts and dist/paths.js both sit one level below the package root.
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const DICTS_DIR = join(PACKAGE_ROOT, 'dicts');

export function dictPath(name: string): string {
  return join(DICTS_DIR, name);
}
