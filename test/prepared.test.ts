// Prepared data files (src/prepared.ts): typed arrays written by the build and read back as views, used
// only when their fingerprint fits.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeBundle, encodeBundle, fingerprintOf, readBundle, writeBundle, type Bundle } from '../src/prepared.js';

const bundle: Bundle = {
  meta: { labels: ['B-PER', 'O'], note: '青岛西海岸新区' },
  numbers: { scale: 0.0026974586, size: 3 },
  arrays: [
    ['bytes', Uint8Array.of(1, 2, 3)],
    ['weights', Int16Array.of(-32768, 0, 32767)],
    ['at', Int32Array.of(7, -1, 2 ** 31 - 1)],
    ['values', Float64Array.of(9.5, 13.2, Number.MIN_VALUE)],
    ['units', Uint16Array.of(0x9752, 0x5c9b)],
    ['empty', new Uint32Array(0)],
  ],
};

describe('prepared files', () => {
  it('gives back every array, number and the meta as written, each array aligned for its type', () => {
    const b = decodeBundle(encodeBundle(bundle, 'print'), 'print')!;
    expect(b.meta).toEqual(bundle.meta);
    expect(b.numbers).toEqual(bundle.numbers);
    for (const [name, a] of bundle.arrays) {
      const back = b.array(name);
      expect(back.constructor).toBe(a.constructor);
      expect(Array.from(back)).toEqual(Array.from(a));
      expect(back.byteOffset % a.BYTES_PER_ELEMENT).toBe(0);
    }
    expect(() => b.array('missing')).toThrow(RangeError);
  });

  it('reads a file back only with its fingerprint, and never a file that is not one or was cut short', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-prepared-'));
    const path = join(dir, 'x.tables');
    writeBundle(path, bundle, 'print');
    expect(readBundle(path, 'print', (b) => b.array<Int16Array>('weights')[0])).toBe(-32768);
    expect(readBundle(path, 'other print', () => 1)).toBeNull();
    expect(readBundle(join(dir, 'missing.tables'), 'print', () => 1)).toBeNull();
    writeFileSync(join(dir, 'text.tables'), '本报讯 这不是数据文件。');
    expect(readBundle(join(dir, 'text.tables'), 'print', () => 1)).toBeNull();
    const file = encodeBundle(bundle, 'print');
    writeFileSync(join(dir, 'cut.tables'), file.subarray(0, file.length - 8));
    expect(readBundle(join(dir, 'cut.tables'), 'print', () => 1)).toBeNull();
    // A reader that finds the arrays of another layout gets null, not an exception.
    expect(readBundle(path, 'print', (b) => b.array('missing'))).toBeNull();
  });

  it('fingerprints the data and the code that lays it out', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhnews-prepared-'));
    writeFileSync(join(dir, 'a.js'), 'export const a = 1;');
    writeFileSync(join(dir, 'b.js'), 'export const a = 2;');
    const data = Buffer.from('经济 3.57\n');
    const print = fingerprintOf([data], [join(dir, 'a.js')]);
    expect(fingerprintOf([data], [join(dir, 'a.js')])).toBe(print);
    expect(fingerprintOf([Buffer.from('经济 3.58\n')], [join(dir, 'a.js')])).not.toBe(print);
    expect(fingerprintOf([data], [join(dir, 'b.js')])).not.toBe(print);
  });
});
