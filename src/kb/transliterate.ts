/**
 * One spelling for names that reach English by several romanisations. Russian, Ukrainian, Arabic
 * and Persian names are printed many ways (Aleksandr / Alexander / Oleksandr, Zelensky /
 * Zelenskyy / Zelenskiy, Mohammad / Mohammed / Muhammad, al-Assad / al-Asad); the lists pick one,
 * the press another. Every word the matcher keys on, on the list side and on the page side, goes
 * through `skeletonWord`, so two spellings of one name get one key.
 *
 * Two kinds of rule, both applied to folded words (lower case, no diacritics, no apostrophes):
 * - spelling rules that hold across those romanisations (doubled letters, -iy / -yy / -ii endings,
 *   -sky / -skiy / -skyy, -yev / -ev, "ks" for "x", "ou" / "u", "kh" / "h" in Arabic-Persian
 *   names is left alone: it tells names apart);
 * - given names whose spellings differ beyond those rules, by group (Oleksandr is Ukrainian for
 *   Aleksandr; Mykola for Nikolai), each group taken from the romanisation tables of the names, not
 *   from any test page.
 * The cost is a few more keys meeting (Asad and Assad are one key): names are still matched whole,
 * and the resolver decides between namesakes.
 */

/** Given names that differ between Russian and Ukrainian forms or between Arabic romanisations. */
const GIVEN_NAME_GROUPS: readonly string[][] = [
  ['aleksandr', 'oleksandr', 'olexandr', 'alexander', 'aleksander', 'alexandr', 'aliaksandr', 'alyaksandr'],
  ['aleksei', 'oleksiy', 'oleksii', 'olexiy', 'alexei', 'alexey', 'aleksey', 'alexej', 'aliaksei'],
  ['vladimir', 'volodymyr', 'uladzimir'],
  ['nikolai', 'nikolay', 'mykola', 'nicolai', 'mikalai'],
  ['mikhail', 'mykhailo', 'mikhailo', 'mihail', 'mikhael'],
  ['dmitry', 'dmitri', 'dmitriy', 'dmytro', 'dmitrii', 'dzmitry'],
  ['sergei', 'sergey', 'serhiy', 'serhii', 'sergiy', 'sergii', 'siarhei'],
  ['andrei', 'andrey', 'andriy', 'andrii', 'andrej'],
  ['yury', 'yuri', 'yuriy', 'yurii', 'iurii', 'jurij', 'yurij'],
  ['evgeny', 'yevgeny', 'yevgeniy', 'evgeniy', 'evgenii', 'yevhen', 'yevhenii', 'eugene'],
  ['pavel', 'pavlo'],
  ['igor', 'ihor'],
  ['oleg', 'oleh'],
  ['grigory', 'grigoriy', 'hryhoriy', 'hryhorii', 'grigori'],
  ['anatoly', 'anatoliy', 'anatolii'],
  ['vasily', 'vasiliy', 'vasyl', 'vasili'],
  ['muhammad', 'mohammad', 'mohammed', 'muhammed', 'mohamed', 'mohamad', 'mohamud', 'mehmet', 'muhamad', 'mohd'],
  ['ahmad', 'ahmed', 'ahmet'],
  ['mahmoud', 'mahmud', 'mahmood'],
  ['husayn', 'hussein', 'hussain', 'husain', 'hosein', 'hossein', 'husein', 'hussayn'],
  ['hasan', 'hassan'],
  ['usama', 'osama'],
  ['umar', 'omar'],
  ['qasim', 'qassem', 'qasem', 'kassem', 'kasim', 'qassim'],
  ['abdul', 'abdel', 'abdal', 'abdol', 'abdoul'],
  ['yusuf', 'yousef', 'youssef', 'yousif', 'yusef', 'yosef'],
  ['khalid', 'khaled'],
  ['said', 'saeed', 'saiid', 'saied'],
  ['jawad', 'javad'],
  ['muhsin', 'mohsen'],
  ['ali', 'aly'],
  ['abu', 'abou'],
];

const GROUP_OF: ReadonlyMap<string, string> = new Map(GIVEN_NAME_GROUPS.flatMap((group) => group.map((spelling) => [spelling, group[0]!])));

/**
 * The spelling-independent form of one folded word. Short words (two or three letters) pass
 * through unchanged but for their group: they are acronyms or particles ("al", "bin", "un").
 */
export function skeletonWord(folded: string): string {
  const given = GROUP_OF.get(folded);
  if (given) return given;
  if (folded.length < 4 || !/^[a-z]+$/.test(folded)) return folded;
  let word = folded
    .replace(/x/g, 'ks')
    .replace(/(?:sky|skiy|skyy|skii|skyi|ski)$/, 'sky')
    .replace(/(?:iy|yy|ii|ij)$/, 'y')
    .replace(/([^aeiou])yev(a?)$/, '$1ev$2')
    .replace(/([aeiou])yev(a?)$/, '$1ev$2')
    .replace(/ou/g, 'u');
  word = word.replace(/([a-z])\1+/g, '$1');
  return GROUP_OF.get(word) ?? word;
}
