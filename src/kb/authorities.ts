/**
 * The authorities in words. Apart from programmes.ts (the programme tables), so the content
 * script can name authorities without carrying those tables: programme names are resolved when
 * the knowledge base is compiled and travel in the cards.
 */
import type { Authority } from './model';

/** For the heading of each group of listings. */
const AUTHORITY_NAMES: Record<Authority, string> = {
  'US-OFAC': 'United States (Treasury, OFAC)',
  UN: 'United Nations Security Council',
  UK: 'United Kingdom (HM Treasury, OFSI)',
  EU: 'European Union',
  CA: 'Canada (Global Affairs Canada)',
  AU: 'Australia (DFAT)',
  OpenSanctions: 'OpenSanctions (Ukraine War & Sanctions)',
};

/** Who an authority is, in words. */
export function authorityName(authority: Authority): string {
  return AUTHORITY_NAMES[authority] ?? authority;
}
