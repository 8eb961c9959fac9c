/**
 * The written forms under which a listed name is looked for in news text. Lists print names in
 * their own order ("HLAING, Min Aung"); articles print "Min Aung Hlaing". Only forms of two words
 * or more are used: a single word (a surname, a one-word alias) never marks on its own.
 */
import type { EntryName, SubjectKind } from './model';
import { tokenize } from './tokens';

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
  /^(?:(?:senior|lieutenant|major|brigadier|vice|rear|deputy)\s+)?(?:general|gen\.?|admiral|adm\.?|colonel|col\.?|commander|marshal|captain|capt\.?|major|lieutenant|lt\.?|sheikh|shaykh|sheik|mullah|maulavi|mawlawi|haji|hajji|dr\.?|prof\.?|mr\.?|mrs\.?|ms\.?|u|daw|sir|lord)\s+/i;

/** Forms of one list name to look for in text, most specific first, deduplicated. */
export function writtenForms(name: EntryName, kind: SubjectKind): string[] {
  const forms = new Set<string>();
  const full = name.full.trim();
  if (kind === 'person') {
    const comma = /^([^,]+),\s*([^,]+)$/.exec(full);
    const ordered = (comma ? `${comma[2]!.trim()} ${comma[1]!.trim()}` : full).replace(LEADING_TITLE, '');
    forms.add(ordered);
    const { given, middle, family } = name.parts ?? {};
    if (given && family) forms.add([given, middle, family].filter(Boolean).join(' '));
    for (const form of [...forms]) {
      const words = form.split(/\s+/);
      const withoutPatronymic = words.filter((w, i) => i === 0 || i === words.length - 1 || !PATRONYMIC.test(titleCase(w)));
      if (withoutPatronymic.length < words.length) forms.add(withoutPatronymic.join(' '));
    }
  } else {
    forms.add(full);
  }
  return [...forms].filter((form) => tokenize(form).length >= 2);
}

function titleCase(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}
