// jieba's tags -> the basic PKU (People's Daily) tag set that `zhnews segment --pos` prints.
//
// jieba's dictionary tags are PKU's with a few additions of its own: uj/ul/uz/uv/ud/ug for the
// particles 的 了 着 地 得 过 (PKU: u), eng for Latin words (PKU: nx), x for both punctuation (PKU: w)
// and unknown strings, nrt/nrfg for names, lower-case ng/vg/ag/tg/dg for PKU's Ng/Vg/Ag/Tg/Dg.
//   toPkuTag('uj', '的') -> 'u'    toPkuTag('x', '，') -> 'w'    toPkuTag('ng', '性') -> 'Ng'

const JIEBA_TO_PKU: Readonly<Record<string, string>> = {
  uj: 'u', ul: 'u', uz: 'u', uv: 'u', ud: 'u', ug: 'u',
  eng: 'nx', nrt: 'nr', nrfg: 'nr', mq: 'm', df: 'd', rr: 'r', rz: 'r', rg: 'Rg',
  ng: 'Ng', vg: 'Vg', ag: 'Ag', tg: 'Tg', dg: 'Dg', zg: 'z', yg: 'y', mg: 'Mg', qg: 'q',
};

export function toPkuTag(tag: string, word: string): string {
  if (tag === 'x') return /^[\p{P}\p{S}\s]+$/u.test(word) ? 'w' : 'x';
  return JIEBA_TO_PKU[tag] ?? tag;
}
