// Ids of JSON Lines records exactly as written: the only importer of lossless-json.
//
// JSON.parse reads every number as a double, so an id above 2^53 loses digits
// (12345678901234567890 -> 12345678901234567000) and two ids can become one; `1.50` and `1.5` would
// also become the same id. When a record's id is a number, its line is read again by lossless-json,
// which hands over each number's source text, and that text is the id. Only such lines pay for the
// second, slower parse: string ids (most exports) never do.

import { parse } from 'lossless-json';

/** The source text of the number at `path` (a key, or a.b into nested objects) of a JSON object line. */
export function numberSource(line: string, path: string[]): string | null {
  let value: unknown;
  try {
    // Every number as its source text: only the id is taken from this parse.
    value = parse(line, null, (text: string) => text);
  } catch {
    return null;
  }
  for (const key of path) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, key)) return null;
    value = (value as Record<string, unknown>)[key];
  }
  return typeof value === 'string' ? value : null;
}
