/**
 * The written forms under which a listed name is looked for in news text. Lists print names in
 * their own order and case ("HLAING, Min Aung", "AL-ASSAD, Bashar"); articles print "Min Aung
 * Hlaing", "Bashar al-Assad", "Bashar Assad", and later "Assad". Each form carries its use: a
 * full name may mark on its own; a surname, a one-word name or an acronym only after a full name
 * of the same entity was marked earlier on the page (see matcher.ts `NameUse`).
 *
 * Spelling differences between romanisations are not multiplied out here: the matcher keys every
 * word by its skeleton (transliterate.ts), so one form covers Aleksandr and Oleksandr alike.
 */
import type { NameUse } from './matcher';
import type { EntryName, SubjectKind } from './model';

/** One form to look for, and when it may mark. */
export interface WrittenForm {
  text: string;
  use: NameUse;
  /**
   * Where an organisation's form comes from, when not from the name as a whole: 'parenthesis' for
   * an acronym or translation the list puts in brackets, 'short' for the leading words of a
   * company name without its generic corporate words ("Roscosmos" of "Roscosmos State
   * Corporation"). index-names.ts decides from the data whether such a form may mark alone.
   */
  from?: 'parenthesis' | 'short';
}

/**
 * East Slavic and Turkic patronymics, which news usually leaves out ("Aleksandr Vasilyevich
 * Fomin" is printed "Aleksandr Fomin"). Other middle words are kept: "Min Aung Hlaing" has no
 * family name to shorten to.
 */
const PATRONYMIC = /^\p{Lu}\p{Ll}+(?:ovich|evich|ovych|evych|ich|ych|ovna|evna|ivna|ichna|oglu|oğlu|uly|ulı|kyzy|qizi)$/u;

/**
 * Ranks and honorifics some lists print as part of a name ("Senior General Min Aung Hlaing").
 * They are not part of the name: news prints them or not, so marks cover the name alone.
 */
const LEADING_TITLE =
  /^(?:(?:senior|lieutenant|major|brigadier|vice|rear|deputy)[\s-]+)?(?:general|gen\.?|admiral|adm\.?|colonel|col\.?|commander|marshal|captain|capt\.?|major|lieutenant|lt\.?|sheikh|shaykh|sheik|shaikh|mullah|mulla|maulavi|mawlawi|maulana|haji|hajji|hojatoleslam|ayatollah|dr\.?|prof\.?|mr\.?|mrs\.?|ms\.?|u|daw|sir|lord|emir|amir|prince|princess|king|sayyed|sayyid)\s+/i;

/**
 * Particles inside names that news prints in lower case ("Bashar al-Assad", "bin Laden"): forms
 * keep them lower case so that the text may write them either way.
 */
const PARTICLES = new Set(['al', 'el', 'ad', 'ar', 'as', 'ash', 'at', 'az', 'bin', 'ibn', 'bint', 'ben', 'ould', 'de', 'da', 'del', 'della', 'di', 'dos', 'das', 'du', 'la', 'le', 'van', 'von', 'der', 'den', 'ul', 'ud', 'e', 'i']);

/** The Arabic article joined to a name: "al-Assad", "Al Qaida", "el-Sisi". */
const ARTICLE = /^(?:al|el|ad|ar|as|ash|at|az)[-‐‑\s]+(?=\p{L}{3})/iu;

/**
 * Nationalities whose names are printed family name first in English-language news ("Kim Jong
 * Un", "Xi Jinping"), where lists print "KIM, Jong Un".
 */
const FAMILY_FIRST = new Set(['KP', 'KR', 'CN', 'TW', 'HK', 'MO', 'VN', 'SG']);

/** Short words of company names that are not acronyms: news prints "Huawei Technologies Co., Ltd.". */
const TITLE_CASE_LEGAL_WORDS = new Set(['co', 'ltd', 'inc', 'corp', 'and', 'for', 'of', 'the']);

/** Legal forms that news leaves off company names ("Gazprom" for "PJSC Gazprom"). */
const LEGAL_FORM_PREFIX =
  /^(?:(?:public|open|closed|private|non-public)\s+)?(?:joint[\s-]+stock\s+company|limited\s+liability\s+company|pjsc|ojsc|cjsc|jsc|pao|oao|zao|ooo|ao|llc|tov|fgup|fsue|gup|mup)\s+/i;
const LEGAL_FORM_SUFFIX =
  /[\s,]+(?:(?:public|open|closed)\s+)?(?:joint[\s-]+stock\s+company|limited\s+liability\s+company|pjsc|ojsc|cjsc|jsc|pao|oao|zao|ooo|llc|l\.l\.c\.|ltd\.?|limited|inc\.?|incorporated|corp\.?|gmbh|s\.a\.|sa|ag|co\.?,?\s*ltd\.?|company\s+limited|fze|fzco|fzc|pte\.?\s+ltd\.?)$/i;

/**
 * Generic words that follow a company's distinctive name ("Huawei Technologies", "Roscosmos State
 * Corporation", "Huawei Investment & Holding"): news often prints the distinctive words alone.
 * Not "State" alone ("Islamic State") nor "Bank" ("Bank" names are mostly generic words too).
 */
const GENERIC_CORPORATE_TAIL =
  /(?:\s*(?:&|and|,))?\s+(?:state\s+corporation|corporation|corp\.?|company|co\.?|technologies|technology|group|holdings?|industries|enterprises?|investments?)$/i;

/** The article an organisation's name may start with ("The Taliban"); news prints it lower case or leaves it out. */
const LEADING_ARTICLE = /^the\s+/i;

/** Forms of one list name to look for in text, full names first, deduplicated by text. */
export function nameForms(name: EntryName, kind: SubjectKind, nationalities: readonly string[] = []): WrittenForm[] {
  const forms = new Map<string, { use: NameUse; from?: WrittenForm['from'] }>();
  const add = (text: string, use: NameUse, from?: WrittenForm['from']): void => {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (!clean || wordCount(clean) === 0) return;
    const existing = forms.get(clean);
    // The same text from the whole name wins over a bracketed or shortened one.
    const origin = existing && existing.from !== from ? undefined : from;
    forms.set(clean, { use: existing?.use === 'name' ? 'name' : use, ...(origin ? { from: origin } : {}) });
  };
  if (kind === 'person') personForms(name, nationalities, add);
  else if (kind === 'organisation') organisationForms(name, add);
  else add(caseLikeNews(name.full.trim(), false), 'name');
  // A one-word form never marks on its own here, whatever produced it (index-names.ts may decide
  // from the whole data that one does).
  return [...forms].map(([text, { use, from }]) => ({ text, use: wordCount(text) >= 2 ? use : 'secondary', ...(from ? { from } : {}) }));
}

/** Words as tokenize counts them (runs of letters and digits), without building tokens. */
function wordCount(text: string): number {
  return text.split(/[^\p{L}\p{N}\p{M}'’]+/u).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Full-name forms only (the ones that may mark on their own), for display and counts. */
export function writtenForms(name: EntryName, kind: SubjectKind, nationalities: readonly string[] = []): string[] {
  return nameForms(name, kind, nationalities)
    .filter((f) => f.use === 'name')
    .map((f) => f.text);
}

function personForms(name: EntryName, nationalities: readonly string[], add: (text: string, use: NameUse) => void): void {
  const full = name.full.trim().replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  const comma = /^([^,]+),\s*([^,]+)$/.exec(full);
  const parts = name.parts ?? {};
  const family = caseLikeNews((parts.family ?? comma?.[1] ?? '').trim(), true);
  const given = caseLikeNews(stripTitle((parts.given ?? comma?.[2] ?? '').trim()), true);
  const middle = caseLikeNews((parts.middle ?? '').trim(), true);
  const ordered = caseLikeNews(stripTitle(comma ? `${comma[2]!.trim()} ${comma[1]!.trim()}` : full), true);
  const familyFirst = nationalities.some((n) => FAMILY_FIRST.has(n));

  const fulls: string[] = [ordered];
  if (given && family) {
    fulls.push([given, middle, family].filter(Boolean).join(' '));
    // Family name first is how news prints these names, so it is also the form shown first.
    if (familyFirst) fulls.unshift([family, given, middle].filter(Boolean).join(' '));
  }
  for (const form of [...fulls]) {
    const words = form.split(' ');
    const withoutPatronymic = words.filter((w, i) => i === 0 || i === words.length - 1 || !PATRONYMIC.test(titleCase(w)));
    if (withoutPatronymic.length < words.length) fulls.push(withoutPatronymic.join(' '));
  }
  for (const form of [...fulls]) {
    // "Bashar al-Assad" is also printed "Bashar Assad".
    const bare = form
      .split(' ')
      .map((w) => w.replace(ARTICLE, ''))
      .join(' ');
    if (bare !== form) fulls.push(bare);
  }
  for (const form of fulls) add(form, 'name');

  // The surname alone, only after the full name: the family name where the list gives one, else
  // the last word of a name in Western order. Burmese names have no family name to shorten to.
  const isBurmese = nationalities.includes('MM');
  const surname = family || (!isBurmese && !familyFirst && /\s/.test(ordered) ? ordered.split(' ').at(-1)! : '');
  if (surname && surname.replace(/[^\p{L}]/gu, '').length >= 3) {
    add(surname, 'secondary');
    const bare = surname.replace(ARTICLE, '');
    if (bare !== surname) add(bare, 'secondary');
  }
}

function organisationForms(name: EntryName, add: (text: string, use: NameUse, from?: WrittenForm['from']) => void): void {
  const full = name.full.trim();
  const withoutParens = full.replace(/\s*\([^)]*\)\s*/g, ' ').trim();
  const inParens = [...full.matchAll(/\(([^)]*)\)/g)].map((m) => m[1]!.trim());
  // "The Taliban" is printed "the Taliban" or "Taliban": the article is not required, and not
  // marked. The form with it stays only where the rest is one word, which may not mark alone.
  const whole = withoutParens || full;
  const withoutArticle = whole.replace(LEADING_ARTICLE, '');
  const bases = [withoutArticle];
  if (withoutArticle !== whole && wordCount(withoutArticle) === 1) bases.push(whole);
  const bare = withoutArticle.replace(LEGAL_FORM_PREFIX, '').replace(LEGAL_FORM_SUFFIX, '').trim();
  if (bare && bare !== withoutArticle) bases.push(bare);
  for (const base of bases) add(caseLikeNews(base, false), 'name');
  // "Huawei Technologies", "Roscosmos State Corporation": the leading words alone, as a short form.
  let short = bare || withoutArticle;
  for (let i = 0; i < 4 && GENERIC_CORPORATE_TAIL.test(short); i++) short = short.replace(GENERIC_CORPORATE_TAIL, '').replace(LEGAL_FORM_SUFFIX, '').trim();
  if (short && short !== (bare || withoutArticle) && /\p{L}{2}/u.test(short)) add(caseLikeNews(short, false), 'secondary', 'short');
  // A parenthesis holds a translation ("(COMMUNIST PARTY OF PERU)") or an acronym ("(ELN)").
  for (const inner of inParens) add(caseLikeNews(inner, false), 'name', 'parenthesis');
}

function stripTitle(text: string): string {
  let out = text;
  for (let i = 0; i < 3 && LEADING_TITLE.test(out); i++) out = out.replace(LEADING_TITLE, '');
  return out;
}

/**
 * Lists print names in capitals ("AL-ASSAD, Bashar"); news prints "al-Assad". All-capital words
 * are title-cased (for organisations, words of four letters or fewer stay as acronyms), and name
 * particles go lower case, so the matcher's case rule asks for capitals where news has them.
 */
function caseLikeNews(text: string, isPerson: boolean): string {
  // A name the list writes all in lower case ("blade runner") is still a proper noun in news.
  const noCapitals = !/\p{Lu}/u.test(text);
  return text
    .split(/\s+/)
    .filter(Boolean)
    .map((word, i, words) => {
      const pieces = word.split(/([-‐‑'’])/);
      return pieces
        .map((piece, k) => {
          if (/^[-‐‑'’]$/.test(piece) || piece === '') return piece;
          const lower = piece.toLowerCase();
          const isLast = i === words.length - 1 && k === pieces.length - 1;
          const joined = k < pieces.length - 1; // "al-" in "al-Assad"
          if (PARTICLES.has(lower) && !isLast && (joined || (i > 0 && words.length > 1))) return lower;
          if (noCapitals) return titleCase(piece);
          const allCaps = piece === piece.toUpperCase() && /\p{Lu}/u.test(piece);
          if (!allCaps) return piece;
          if (!isPerson && piece.length <= 4 && !TITLE_CASE_LEGAL_WORDS.has(lower.replace(/[.,]/g, ''))) return piece;
          return titleCase(piece);
        })
        .join('');
    })
    .join(' ');
}

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}
