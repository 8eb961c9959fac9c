/**
 * Places in the DFAT Consolidated List: addresses (with the country from their end) and the
 * Citizenship column (country names or demonyms, sometimes several).
 */
import type { Address } from '../kb/model';
import { countryCodeOf, nationalityCodeOf } from '../kb/countries';
import { splitLettered } from './australia-dfat-cells';

/** Addresses: "a) … b) …" alternatives or ";"-separated ones; the country from the end of each. */
export function addressesOf(text: string | undefined): Address[] {
  return splitLettered(text)
    .flatMap((item) => item.split(/\s*;\s*/))
    .map((item) => item.replace(/[\s,.]+$/, ''))
    .filter((item) => item !== '')
    .map((item) => {
      const country = countryAtEnd(item);
      return country ? { lines: [item], country } : { lines: [item] };
    });
}

/** The country an address ends with: its last comma-separated parts, then their last words. */
function countryAtEnd(address: string): string | undefined {
  const segments = address.split(',').map((s) => s.replace(/\([^)]*\)|\d+/g, ' ').trim()).filter(Boolean);
  for (const segment of segments.slice(-2).reverse()) {
    const words = segment.split(/\s+/);
    for (let take = Math.min(4, words.length); take >= 1; take--) {
      const code = countryCodeOf(words.slice(-take).join(' '));
      if (code) return code;
    }
  }
  return undefined;
}

function countryOrDemonym(text: string): string | undefined {
  const cleaned = text.replace(/\([^)]*\)/g, ' ').replace(/^(possibly|probably)\s+/i, '').replace(/[\s.;,]+$/, '').trim();
  // Country names and demonyms alike: a demonym several territories share goes to the UN member
  // ("French" → France, not the French Southern Territories; "American" → the United States).
  return nationalityCodeOf(cleaned);
}

/**
 * Citizenship as ISO codes. The column holds a country ("Syria"), a demonym ("Syrian") or several
 * ("Russian and Ukrainian", "a) Pakistani b) Saudi Arabian", "Malian / Mauritanian"); the whole
 * text is tried first so names containing "and" ("Trinidad and Tobago") stay whole.
 * `complete` is false when some part could not be resolved; the caller keeps the text as a remark.
 */
export function nationalitiesOf(text: string): { codes: string[]; complete: boolean } {
  const codes: string[] = [];
  let complete = true;
  for (const item of splitLettered(text)) {
    const whole = countryOrDemonym(item);
    if (whole) {
      codes.push(whole);
      continue;
    }
    for (const part of item.split(/\s*(?:;|\/|,|\band\b)\s*/i).filter(Boolean)) {
      const code = countryOrDemonym(part);
      if (code) codes.push(code);
      else complete = false;
    }
  }
  return { codes: [...new Set(codes)], complete };
}
