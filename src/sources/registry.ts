/**
 * The catalogue of lists Backstory can download from their publishers: where each one lives, who
 * publishes it, how often to look for a new copy, and whether it is on until the user says
 * otherwise. Pure data plus small helpers, shared by the background (downloads), the options page
 * (the sources panel, permission requests) and the tests.
 *
 * Every `id` is the `source` the parser gives the list (ListSummary.source), so a download can be
 * compared with what the knowledge base held before.
 */

/** One file of a source, as the publisher names it. */
export interface SourceFileSpec {
  /** The file name; a mirror serves the file under this name (mirror base + name). */
  name: string;
  /** The publisher's download URL. */
  url: string;
}

export interface SourceSpec {
  /** The parser's source id (ListSummary.source). */
  id: string;
  title: string;
  authority: string;
  /** The publisher's page about the list (for people, not for downloading). */
  page: string;
  /** Files downloaded together and installed together; empty for import-only sources. */
  files: SourceFileSpec[];
  /** Hours between looks for a new copy. */
  intervalHours: number;
  /** Whether the source is on before the user chooses (it still needs its host permission). */
  enabledByDefault: boolean;
  /**
   * Why the source is import-only or otherwise special: the id of the options page's message in
   * _locales (the words live there, in the reader's language).
   */
  noteKey?: string;
}

const OFAC_SLS = 'https://www.treasury.gov/ofac/downloads';

/** Every list Backstory knows how to keep fresh, in the order the options page shows them. */
export const SOURCES: readonly SourceSpec[] = [
  {
    id: 'ofac-sdn',
    title: 'OFAC SDN List',
    authority: 'US Treasury OFAC',
    page: 'https://ofac.treasury.gov/specially-designated-nationals-and-blocked-persons-list-sdn-human-readable-lists',
    files: ['sdn.csv', 'alt.csv', 'add.csv', 'sdn_comments.csv'].map((name) => ({ name, url: `${OFAC_SLS}/${name}` })),
    intervalHours: 24,
    enabledByDefault: true,
  },
  {
    id: 'ofac-cons',
    title: 'OFAC Consolidated (non-SDN) List',
    authority: 'US Treasury OFAC',
    page: 'https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists',
    files: ['cons_prim.csv', 'cons_alt.csv', 'cons_add.csv', 'cons_comments.csv'].map((name) => ({ name, url: `${OFAC_SLS}/consolidated/${name}` })),
    intervalHours: 24,
    enabledByDefault: true,
  },
  {
    id: 'un',
    title: 'UN Security Council Consolidated List',
    authority: 'United Nations Security Council',
    page: 'https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list',
    files: [{ name: 'consolidated.xml', url: 'https://scsanctions.un.org/resources/xml/en/consolidated.xml' }],
    intervalHours: 24,
    enabledByDefault: true,
  },
  {
    id: 'uk-hmt',
    title: 'UK HM Treasury (OFSI) Consolidated List — pre-2022 CSV layout',
    authority: 'HM Treasury OFSI',
    page: 'https://www.gov.uk/government/publications/financial-sanctions-consolidated-list-of-targets',
    files: [{ name: 'sanctionsconlist.csv', url: 'https://hmt-sanctions.s3.amazonaws.com/sanctionsconlist.csv' }],
    intervalHours: 24,
    enabledByDefault: false,
    noteKey: 'sourceNoteUkHmt', // only the pre-2022 CSV layout is read; off by default
  },
  {
    id: 'ca-sema',
    title: 'Canada Consolidated Autonomous Sanctions List',
    authority: 'Global Affairs Canada',
    page: 'https://www.international.gc.ca/world-monde/international_relations-relations_internationales/sanctions/consolidated-consolide.aspx',
    files: [
      {
        name: 'sema-lmes.xml',
        url: 'https://www.international.gc.ca/world-monde/assets/office_docs/international_relations-relations_internationales/sanctions/sema-lmes.xml',
      },
    ],
    intervalHours: 72,
    enabledByDefault: true,
  },
  {
    id: 'au-dfat',
    title: 'Australia DFAT Consolidated List',
    authority: 'Australian Department of Foreign Affairs and Trade',
    page: 'https://www.dfat.gov.au/international-relations/security/sanctions/consolidated-list',
    files: [{ name: 'regulation8_consolidated.xlsx', url: 'https://www.dfat.gov.au/sites/default/files/regulation8_consolidated.xlsx' }],
    intervalHours: 72,
    enabledByDefault: true,
  },
  {
    id: 'opensanctions-ua_war_sanctions',
    title: 'Ukraine War and Sanctions (GUR), via OpenSanctions',
    authority: 'OpenSanctions',
    page: 'https://www.opensanctions.org/datasets/ua_war_sanctions/',
    files: [{ name: 'targets.simple.csv', url: 'https://data.opensanctions.org/datasets/latest/ua_war_sanctions/targets.simple.csv' }],
    intervalHours: 24,
    enabledByDefault: false,
    noteKey: 'sourceNoteOpenSanctions', // CC BY-NC 4.0; off by default
  },
  {
    id: 'sipri',
    title: 'SIPRI Arms Transfers and Military Expenditure',
    authority: 'SIPRI',
    page: 'https://www.sipri.org/databases/armstransfers',
    files: [],
    intervalHours: 0,
    enabledByDefault: false,
    noteKey: 'sourceNoteSipri', // import only
  },
];

/** The catalogue entry of `id`, or undefined. */
export function sourceById(id: string): SourceSpec | undefined {
  return SOURCES.find((s) => s.id === id);
}

/** Whether the source can be downloaded at all (SIPRI is import-only). */
export function isDownloadable(source: SourceSpec): boolean {
  return source.files.length > 0;
}

/**
 * The URL each file is fetched from: the publisher's, or the mirror's base joined with the file
 * name (a mirror is a folder that serves the same file names).
 */
export function fileUrls(source: SourceSpec, mirror?: string): Array<{ name: string; url: string }> {
  if (!mirror) return source.files.map((f) => ({ ...f }));
  const base = mirror.endsWith('/') ? mirror : `${mirror}/`;
  return source.files.map((f) => ({ name: f.name, url: new URL(f.name, base).href }));
}

/** A match pattern covering a URL's origin, as host permissions are written ("https://host/*"). */
export function originPattern(url: string): string {
  const { protocol, hostname } = new URL(url);
  return `${protocol}//${hostname}/*`;
}

/** The host permissions a source needs with the given mirror: one per distinct origin. */
export function originsFor(source: SourceSpec, mirror?: string): string[] {
  return [...new Set(fileUrls(source, mirror).map((f) => originPattern(f.url)))];
}

/**
 * Hosts a download may be redirected to without the user choosing them: treasury.gov's old
 * download addresses answer with a redirect to OFAC's Sanctions List Service.
 */
export const REDIRECT_ORIGINS: Readonly<Record<string, readonly string[]>> = {
  'ofac-sdn': ['https://sanctionslistservice.ofac.treas.gov/*'],
  'ofac-cons': ['https://sanctionslistservice.ofac.treas.gov/*'],
};

/** Every origin a source needs with the given mirror, including where its publisher redirects (permission requests and checks). */
export function permissionOrigins(source: SourceSpec, mirror?: string): string[] {
  return [...originsFor(source, mirror), ...(mirror ? [] : (REDIRECT_ORIGINS[source.id] ?? []))];
}

/** Every publisher origin in the catalogue: the manifest's optional_host_permissions must list these. */
export function publisherOrigins(): string[] {
  const all = SOURCES.flatMap((s) => [...originsFor(s), ...(REDIRECT_ORIGINS[s.id] ?? [])]);
  return [...new Set(all)].sort();
}

export { isValidMirror } from './source-ids';

/** The local storage name of a downloaded file, so copies of one source sit together (OFAC groups files by folder). */
export function storedName(source: SourceSpec, file: string): string {
  return `${source.id}/${file}`;
}
