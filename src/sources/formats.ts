/**
 * The file formats Backstory reads, by id, and the message of _locales that names each. Reports
 * and diagnostics carry the ids; readers word them in their own language. Data only, no parser,
 * so the options page can word a format without bundling the code that reads it.
 *
 *   FORMAT_MESSAGES['uk-hmt']            // 'formatUkHmt'
 *   formatList(['uk-hmt', 'sipri-milex']) // 'uk-hmt; sipri-milex', as diagUnknownFormat carries it
 */
type CatalogueKey = keyof typeof import('../../_locales/en/messages.json');

/** Message id of each format: "format" and the id in camel case. */
export const FORMAT_MESSAGES = {
  'ofac-legacy': 'formatOfacLegacy',
  'un-consolidated': 'formatUnConsolidated',
  'canada-sema': 'formatCanadaSema',
  'uk-hmt': 'formatUkHmt',
  'opensanctions-simple': 'formatOpensanctionsSimple',
  'australia-dfat': 'formatAustraliaDfat',
  'sipri-trade-register': 'formatSipriTradeRegister',
  'sipri-tiv-table': 'formatSipriTivTable',
  'sipri-milex': 'formatSipriMilex',
} as const satisfies Record<string, CatalogueKey & `format${string}`>;

export type FormatId = keyof typeof FORMAT_MESSAGES;
export type FormatMessageKey = (typeof FORMAT_MESSAGES)[FormatId];

/** Every format, in the order lists of them are shown. */
export const FORMAT_IDS = Object.keys(FORMAT_MESSAGES) as FormatId[];

export function isFormatId(value: unknown): value is FormatId {
  return typeof value === 'string' && Object.hasOwn(FORMAT_MESSAGES, value);
}

/**
 * How a list of formats travels as one diagnostic value. The English joined its titles with the
 * same separator, so a list stored by an older version splits the same way (into titles, not ids).
 */
export const FORMAT_LIST_SEPARATOR = '; ';

export function formatList(ids: readonly FormatId[]): string {
  return ids.join(FORMAT_LIST_SEPARATOR);
}
