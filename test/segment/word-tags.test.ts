// The dictionaries' word -> tag table: the same answers as a Map filled from the same entries.

import { describe, expect, it } from 'vitest';
import { WordTags } from '../../src/segment/word-tags.js';

describe('WordTags', () => {
  it('answers like a Map: the later entry wins, absent words are undefined', () => {
    const t = new WordTags(4);
    t.set('发展', 'vn');
    t.set('发展中国家', 'n');
    t.set('发展', 'v');
    expect(t.get('发展')).toBe('v');
    expect(t.get('发展中国家')).toBe('n');
    expect(t.get('发展中')).toBeUndefined();
    expect(t.get('')).toBeUndefined();
    expect(t.size).toBe(2);
  });

  it('grows far past the size it was made for, and keeps every word', () => {
    const t = new WordTags(16);
    const m = new Map<string, string>();
    // 5,000 distinct two- to four-character words over a few hundred characters, with repeats.
    for (let i = 0; i < 6000; i++) {
      const a = String.fromCharCode(0x4e00 + (i % 97));
      const b = String.fromCharCode(0x4e00 + ((i * 7) % 89));
      const w = i % 3 === 0 ? a + b : i % 3 === 1 ? a + b + a : b + a + b + a;
      const tag = ['n', 'v', 'ns', 'nr'][i % 4]!;
      t.set(w, tag);
      m.set(w, tag);
    }
    expect(t.size).toBe(m.size);
    for (const [w, tag] of m) expect(t.get(w)).toBe(tag);
    expect(t.get('乙丁丙')).toBe(m.get('乙丁丙'));
  });

  it('reads a word in place from a longer text (a dictionary line)', () => {
    const t = new WordTags();
    const line = '青岛开发区 3000 ns';
    t.setSlice(line, 0, line.indexOf(' '), 'ns');
    expect(t.get('青岛开发区')).toBe('ns');
    expect(t.get('青岛')).toBeUndefined();
  });

  it('keeps surrogate pairs as they are, and ignores an empty word', () => {
    const t = new WordTags();
    t.set('𠀋村', 'ns');
    t.set('', 'n');
    expect(t.get('𠀋村')).toBe('ns');
    expect(t.get('村')).toBeUndefined();
    expect(t.size).toBe(1);
  });
});
