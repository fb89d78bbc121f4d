// Characters as the entity features see them: a type per code point (CJK, digit, Latin, Chinese
// numeral, punctuation, space, other) and a model's character -> id table.
//
// Digits are folded to 0 and Latin letters to lower case before the id lookup, so 1998年 and 2026年
// share features:  '7' -> id of '0', 'Q' -> id of 'q', an unseen 鑫 -> the id of "unknown CJK".
// Both lookups are cached per code point: tagging asks them for every character of every passage.

// Reserved character ids: padding and unknown characters by type.
export const ID_PAD = 0;
const ID_UNK_BASE = 1; // + char type (1..7)
export const FIRST_VOCAB_ID = 16;

// Character types.
const T_CJK = 1;
const T_DIGIT = 2;
const T_LATIN = 3;
const T_NUMERAL = 4;
const T_PUNCT = 5;
const T_SPACE = 6;
const T_OTHER = 7;

const NUMERALS = new Set('〇零一二三四五六七八九十百千万亿两廿卅'.split(''));

export function charType(c: string): number {
  if (c >= '0' && c <= '9') return T_DIGIT;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return T_LATIN;
  if (NUMERALS.has(c)) return T_NUMERAL;
  const x = c.codePointAt(0) ?? 0;
  if ((x >= 0x3400 && x <= 0x9fff) || (x >= 0xf900 && x <= 0xfaff) || (x >= 0x20000 && x <= 0x3134f)) return T_CJK;
  if (/\s/.test(c)) return T_SPACE;
  if (/[\p{P}\p{S}]/u.test(c)) return T_PUNCT;
  return T_OTHER;
}

// charType per code point, computed once: BMP in an array (0 = not computed yet), the rest in a map.
const bmpTypes = new Uint8Array(65536);
const astralTypes = new Map<number, number>();

/** charType of a code point (a lone surrogate is its own code point, as Array.from splits it). */
export function charTypeOfCode(cp: number): number {
  if (cp < 65536) {
    let t = bmpTypes[cp]!;
    if (t === 0) t = bmpTypes[cp] = charType(String.fromCharCode(cp));
    return t;
  }
  let t = astralTypes.get(cp);
  if (t === undefined) astralTypes.set(cp, (t = charType(String.fromCodePoint(cp))));
  return t;
}

/** The form a character is looked up under: digits -> 0, Latin -> lower case. */
export function charForm(c: string): string {
  if (c >= '0' && c <= '9') return '0';
  if (c >= 'A' && c <= 'Z') return c.toLowerCase();
  return c;
}

/** Character -> id table of a model (ids from FIRST_VOCAB_ID; unknown characters get an id per type). */
export class CharVocab {
  private readonly ids = new Map<string, number>();
  // idOfCode's cache: BMP code points in an array (0 = not computed yet: real ids are >= 2).
  private readonly bmpIds = new Uint16Array(65536);
  private readonly astralIds = new Map<number, number>();
  constructor(readonly chars: readonly string[]) {
    chars.forEach((c, i) => this.ids.set(c, FIRST_VOCAB_ID + i));
    if (chars.length + FIRST_VOCAB_ID > 65536) throw new RangeError('character vocabulary too large');
  }
  id(c: string): number {
    return this.ids.get(charForm(c)) ?? ID_UNK_BASE + charType(c);
  }
  /** id of a code point (cached). */
  idOfCode(cp: number): number {
    if (cp < 65536) {
      let v = this.bmpIds[cp]!;
      if (v === 0) v = this.bmpIds[cp] = this.id(String.fromCharCode(cp));
      return v;
    }
    let v = this.astralIds.get(cp);
    if (v === undefined) this.astralIds.set(cp, (v = this.id(String.fromCodePoint(cp))));
    return v;
  }
}
