/**
 * Sanctions programmes and regimes in words. Lists write a programme as a code ("GLOMAG",
 * "BURMA-EO14014", UN "DPRK", AU "1718 (DPRK)"); the card names it so a reader need not know the
 * code. Codes here are the ones the loaded lists use (checked against ../shared/data, Nov 2026);
 * an unknown code falls back to itself, never to a guess.
 *
 * Sources for the words: OFAC's "Program Tag Definitions"
 * (https://ofac.treasury.gov/specially-designated-nationals-list-sdn-list/program-tag-definitions-for-ofac-sanctions-lists),
 * the UN Security Council's committee pages, and the regimes as the UK and Australian lists name them.
 */
import type { Authority } from './model';

/** A programme as the card shows it. */
export interface ProgrammeName {
  /** The programme in words: "Global Magnitsky", "Burma (EO 14014)". */
  title: string;
  /** The code as the list writes it, shown beside the title when it differs. */
  code: string;
  /** ISO alpha-2 of the country the programme is aimed at, where it is a country programme. */
  country?: string;
}

interface Known {
  title: string;
  country?: string;
}

/** OFAC programme tags (SDN and consolidated lists). */
const OFAC: Record<string, Known> = {
  '561-Related': { title: 'Iran financial sector (NDAA §1245 / CISADA §104, "561-related")', country: 'IR' },
  BALKANS: { title: 'Western Balkans' },
  'BALKANS-EO14033': { title: 'Western Balkans (EO 14033)' },
  BELARUS: { title: 'Belarus', country: 'BY' },
  'BELARUS-EO14038': { title: 'Belarus (EO 14038)', country: 'BY' },
  'BPI-RUSSIA-EO14024': { title: 'Russia harmful foreign activities, blocking pending investigation (EO 14024)', country: 'RU' },
  'BURMA-EO14014': { title: 'Burma (EO 14014)', country: 'MM' },
  'CAATSA - IRAN': { title: 'Countering America’s Adversaries Through Sanctions Act: Iran', country: 'IR' },
  'CAATSA - RUSSIA': { title: 'Countering America’s Adversaries Through Sanctions Act: Russia', country: 'RU' },
  CAR: { title: 'Central African Republic', country: 'CF' },
  'CMIC-EO13959': { title: 'Chinese military-industrial complex companies (EO 13959)', country: 'CN' },
  CUBA: { title: 'Cuba', country: 'CU' },
  CYBER2: { title: 'Malicious cyber-enabled activities (EO 13694 as amended)' },
  CYBER: { title: 'Malicious cyber-enabled activities (EO 13694)' },
  DARFUR: { title: 'Darfur (Sudan)', country: 'SD' },
  DPRK: { title: 'North Korea (EO 13551)', country: 'KP' },
  'DPRK-NKSPEA': { title: 'North Korea Sanctions and Policy Enhancement Act', country: 'KP' },
  DPRK2: { title: 'North Korea (EO 13687)', country: 'KP' },
  DPRK3: { title: 'North Korea (EO 13722)', country: 'KP' },
  DPRK4: { title: 'North Korea (EO 13810)', country: 'KP' },
  DRCONGO: { title: 'Democratic Republic of the Congo', country: 'CD' },
  'ELECTION-EO13848': { title: 'Foreign interference in US elections (EO 13848)' },
  'ETHIOPIA-EO14046': { title: 'Ethiopia (EO 14046)', country: 'ET' },
  FTO: { title: 'Foreign Terrorist Organization' },
  GLOMAG: { title: 'Global Magnitsky (human rights abuse and corruption)' },
  HIFPAA: { title: 'Hizballah International Financing Prevention Amendments Act' },
  'HK-EO13936': { title: 'Hong Kong normalization (EO 13936)', country: 'HK' },
  'HOSTAGES-EO14078': { title: 'Hostage-taking and wrongful detention (EO 14078)' },
  'HRIT-IR': { title: 'Human rights abuses via information technology: Iran', country: 'IR' },
  'HRIT-SY': { title: 'Human rights abuses via information technology: Syria', country: 'SY' },
  IFCA: { title: 'Iran Freedom and Counter-Proliferation Act', country: 'IR' },
  IFSR: { title: 'Iranian Financial Sanctions Regulations', country: 'IR' },
  'ILLICIT-DRUGS-EO14059': { title: 'Illicit drug trade (EO 14059)' },
  IRAN: { title: 'Iran', country: 'IR' },
  'IRAN-CON-ARMS-EO': { title: 'Iran conventional arms (EO 13949)', country: 'IR' },
  'IRAN-EO13846': { title: 'Iran (EO 13846)', country: 'IR' },
  'IRAN-EO13871': { title: 'Iran metals sectors (EO 13871)', country: 'IR' },
  'IRAN-EO13876': { title: 'Iran: Supreme Leader’s office (EO 13876)', country: 'IR' },
  'IRAN-EO13902': { title: 'Iran economic sectors (EO 13902)', country: 'IR' },
  'IRAN-HR': { title: 'Iran human rights abuses', country: 'IR' },
  'IRAN-TRA': { title: 'Iran Threat Reduction Act', country: 'IR' },
  IRAQ2: { title: 'Iraq (EO 13315, former regime)', country: 'IQ' },
  IRAQ3: { title: 'Iraq (EO 13438, destabilisation)', country: 'IQ' },
  IRGC: { title: 'Iran’s Islamic Revolutionary Guard Corps', country: 'IR' },
  ISA: { title: 'Iran Sanctions Act', country: 'IR' },
  LEBANON: { title: 'Lebanon', country: 'LB' },
  LIBYA2: { title: 'Libya (EO 13566)', country: 'LY' },
  LIBYA3: { title: 'Libya (EO 13726)', country: 'LY' },
  MAGNIT: { title: 'Sergei Magnitsky Rule of Law Accountability Act', country: 'RU' },
  'MALI-EO13882': { title: 'Mali (EO 13882)', country: 'ML' },
  NICARAGUA: { title: 'Nicaragua', country: 'NI' },
  'NICARAGUA-NHRAA': { title: 'Nicaragua Human Rights and Anticorruption Act', country: 'NI' },
  NPWMD: { title: 'Weapons of mass destruction proliferators' },
  'NS-PLC': { title: 'Palestinian Legislative Council (non-SDN)' },
  'PEESA-EO14039': { title: 'Protecting Europe’s Energy Security Act (EO 14039)' },
  'RUSSIA-EO14024': { title: 'Russia harmful foreign activities (EO 14024)', country: 'RU' },
  'RUSSIA-EO14065': { title: 'Russian-occupied regions of Ukraine (EO 14065)', country: 'UA' },
  SDGT: { title: 'Specially Designated Global Terrorist' },
  SDNT: { title: 'Narcotics traffickers (EO 12978)' },
  SDNTK: { title: 'Foreign Narcotics Kingpin Designation Act' },
  SOMALIA: { title: 'Somalia', country: 'SO' },
  'SOUTH SUDAN': { title: 'South Sudan', country: 'SS' },
  SSIDES: { title: 'Syria sanctions (Sanctioning the Use of Civilian Shields)', country: 'SY' },
  'SUDAN-EO14098': { title: 'Sudan (EO 14098)', country: 'SD' },
  SYRIA: { title: 'Syria', country: 'SY' },
  'SYRIA-CAESAR': { title: 'Caesar Syria Civilian Protection Act', country: 'SY' },
  'SYRIA-EO13894': { title: 'Syria (EO 13894)', country: 'SY' },
  TCO: { title: 'Transnational criminal organisations' },
  UHRPA: { title: 'Uyghur Human Rights Policy Act', country: 'CN' },
  'UKRAINE-EO13660': { title: 'Ukraine (EO 13660)', country: 'UA' },
  'UKRAINE-EO13661': { title: 'Ukraine (EO 13661)', country: 'RU' },
  'UKRAINE-EO13662': { title: 'Ukraine: Russian sectoral sanctions (EO 13662)', country: 'RU' },
  'UKRAINE-EO13685': { title: 'Crimea (EO 13685)', country: 'UA' },
  VENEZUELA: { title: 'Venezuela', country: 'VE' },
  'VENEZUELA-EO13850': { title: 'Venezuela (EO 13850)', country: 'VE' },
  'VENEZUELA-EO13884': { title: 'Venezuela government (EO 13884)', country: 'VE' },
  'WEST-BANK-EO14115': { title: 'West Bank violence (EO 14115)', country: 'PS' },
  YEMEN: { title: 'Yemen', country: 'YE' },
};

/** UN_LIST_TYPE values of the UN consolidated list: the Security Council committee. */
const UN: Record<string, Known> = {
  'Al-Qaida': { title: 'ISIL (Da’esh) and Al-Qaida (resolution 1267)' },
  CAR: { title: 'Central African Republic (resolution 2127)', country: 'CF' },
  DPRK: { title: 'North Korea (resolution 1718)', country: 'KP' },
  DRC: { title: 'Democratic Republic of the Congo (resolution 1533)', country: 'CD' },
  GB: { title: 'Guinea-Bissau (resolution 2048)', country: 'GW' },
  Haiti: { title: 'Haiti (resolution 2653)', country: 'HT' },
  Iran: { title: 'Iran (resolution 2231)', country: 'IR' },
  Iraq: { title: 'Iraq (resolution 1518)', country: 'IQ' },
  Libya: { title: 'Libya (resolution 1970)', country: 'LY' },
  Somalia: { title: 'Al-Shabaab and Somalia (resolution 2713)', country: 'SO' },
  SouthSudan: { title: 'South Sudan (resolution 2206)', country: 'SS' },
  Sudan: { title: 'Sudan (resolution 1591)', country: 'SD' },
  Taliban: { title: 'Taliban (resolution 1988)', country: 'AF' },
  Yemen: { title: 'Yemen (resolution 2140)', country: 'YE' },
};

/** UK regimes are written in words already; only the country they aim at is added. */
const UK: Record<string, Known> = {
  Afghanistan: { title: 'Afghanistan', country: 'AF' },
  Belarus: { title: 'Belarus', country: 'BY' },
  Burundi: { title: 'Burundi', country: 'BI' },
  'Central African Republic': { title: 'Central African Republic', country: 'CF' },
  'Democratic Republic of the Congo': { title: 'Democratic Republic of the Congo', country: 'CD' },
  Egypt: { title: 'Egypt (misappropriation)', country: 'EG' },
  'Iran (human rights)': { title: 'Iran (human rights)', country: 'IR' },
  'Iran (nuclear proliferation)': { title: 'Iran (nuclear proliferation)', country: 'IR' },
  Iraq: { title: 'Iraq', country: 'IQ' },
  Libya: { title: 'Libya', country: 'LY' },
  "North Korea (Democratic People's Republic of Korea)": { title: 'North Korea', country: 'KP' },
  'Republic of Guinea': { title: 'Guinea', country: 'GN' },
  'Republic of Guinea-Bissau': { title: 'Guinea-Bissau', country: 'GW' },
  Somalia: { title: 'Somalia', country: 'SO' },
  'South Sudan': { title: 'South Sudan', country: 'SS' },
  Sudan: { title: 'Sudan', country: 'SD' },
  Syria: { title: 'Syria', country: 'SY' },
  Tunisia: { title: 'Tunisia (misappropriation)', country: 'TN' },
  'Ukraine (Misappropriation)': { title: 'Ukraine (misappropriation)', country: 'UA' },
  'Ukraine (Sovereignty)': { title: 'Russia (Ukraine sovereignty)', country: 'RU' },
  Venezuela: { title: 'Venezuela', country: 'VE' },
  Yemen: { title: 'Yemen', country: 'YE' },
  Zimbabwe: { title: 'Zimbabwe', country: 'ZW' },
};

/** Canada's SEMA and JVCFOR regulations are listed by country name, or by the act's name. */
const CA: Record<string, Known> = {
  Burma: { title: 'Burma (Myanmar)', country: 'MM' },
  Iran: { title: 'Iran', country: 'IR' },
  Nicaragua: { title: 'Nicaragua', country: 'NI' },
  Russia: { title: 'Russia', country: 'RU' },
  'South Sudan': { title: 'South Sudan', country: 'SS' },
  Syria: { title: 'Syria', country: 'SY' },
  Ukraine: { title: 'Ukraine (Russia’s aggression)', country: 'RU' },
  Venezuela: { title: 'Venezuela', country: 'VE' },
  Zimbabwe: { title: 'Zimbabwe', country: 'ZW' },
};

/** OpenSanctions' Ukrainian War and Sanctions portal (War & Sanctions, GUR) categories. */
const OPENSANCTIONS: Record<string, Known> = {
  'UA-WS-ATHLETES': { title: 'War & Sanctions: athletes supporting the war' },
  'UA-WS-EXECUTIVES': { title: 'War & Sanctions: executives of Russian companies' },
  'UA-WS-KIDNAPPERS': { title: 'War & Sanctions: deportation of Ukrainian children' },
  'UA-WS-MARE': { title: 'War & Sanctions: ships and their operators' },
  'UA-WS-MILIND': { title: 'War & Sanctions: military-industrial complex' },
  'UA-WS-PROPAGANDISTS': { title: 'War & Sanctions: propagandists' },
  'UA-WS-STEALERS': { title: 'War & Sanctions: theft of Ukrainian heritage' },
  'UA-WS-UAVS': { title: 'War & Sanctions: drone components' },
};

/** AU: "1718 (DPRK)" (a UN resolution, Australia implementing it) or "Autonomous (Russia)". */
const AU_THEMATIC: Record<string, Known> = {
  'Thematic - Cyber': { title: 'Australian autonomous sanctions: cyber' },
  'Thematic - Human Rights': { title: 'Australian autonomous sanctions: serious human rights abuses' },
  'Thematic – Corruption': { title: 'Australian autonomous sanctions: serious corruption' },
  FFRY: { title: 'Australian autonomous sanctions: former Federal Republic of Yugoslavia' },
};

/** Country names the AU list writes in its regime titles, to their codes. */
const AU_COUNTRIES: Record<string, string> = {
  DPRK: 'KP',
  Iran: 'IR',
  Iraq: 'IQ',
  Libya: 'LY',
  Myanmar: 'MM',
  Russia: 'RU',
  Syria: 'SY',
  Ukraine: 'RU',
  Zimbabwe: 'ZW',
  'Democratic Republic of the Congo': 'CD',
  Sudan: 'SD',
  'South Sudan': 'SS',
  'Central African Republic': 'CF',
  Yemen: 'YE',
  Somalia: 'SO',
  'Somalia and Eritrea': 'SO',
  Taliban: 'AF',
};

const AU_PATTERN = /^(Autonomous|[\d/]+) \((.+)\)$/;

const TABLES: Partial<Record<Authority, Record<string, Known>>> = { 'US-OFAC': OFAC, UN, UK, CA, OpenSanctions: OPENSANCTIONS };

/**
 * The programme or regime a list code stands for, in words.
 * @param authority - whose list the code comes from (codes mean different things on different lists: UN "CAR" and OFAC "CAR")
 * @param code - the code exactly as the listing has it
 * @returns the words, and the country aimed at where there is one; `title` is the code itself when the code is unknown
 */
export function programmeName(authority: Authority, code: string): ProgrammeName {
  const trimmed = code.trim();
  if (authority === 'AU') return auProgramme(trimmed);
  const known = TABLES[authority]?.[trimmed];
  if (!known) return { title: trimmed, code: trimmed };
  return { title: known.title, code: trimmed, ...(known.country ? { country: known.country } : {}) };
}

function auProgramme(code: string): ProgrammeName {
  const m = AU_PATTERN.exec(code);
  if (!m) return { title: code, code };
  const [, basis, subject] = m as unknown as [string, string, string];
  const thematic = AU_THEMATIC[subject];
  if (basis === 'Autonomous') {
    if (thematic) return { title: thematic.title, code };
    const country = AU_COUNTRIES[subject];
    return { title: `Australian autonomous sanctions: ${subject}`, code, ...(country ? { country } : {}) };
  }
  // A resolution number: Australia implements a UN Security Council regime.
  // "1373 (2001)" is a resolution and its year, not a subject.
  if (/^\d{4}$/.test(subject)) return { title: `UN Security Council resolution ${basis} (${subject})`, code };
  const country = AU_COUNTRIES[subject];
  return { title: `${subject} (UN Security Council resolution ${basis})`, code, ...(country ? { country } : {}) };
}

/**
 * The programmes among `listings` that are aimed at one country, by title, each once. For the
 * country card, where the listings of the country's entities are at hand.
 */
export function programmesAimedAt(country: string, listings: ReadonlyArray<{ authority: Authority; programmes: readonly string[] }>): ProgrammeName[] {
  const seen = new Map<string, ProgrammeName>();
  for (const listing of listings) {
    for (const code of listing.programmes) {
      const programme = programmeName(listing.authority, code);
      if (programme.country === country && !seen.has(`${listing.authority}|${programme.code}`)) seen.set(`${listing.authority}|${programme.code}`, programme);
    }
  }
  return [...seen.values()];
}

