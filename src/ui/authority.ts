import type { Authority } from '../kb/model';
import type { MessageKey, Translate } from './i18n';

/** The message naming each authority (the heading of each group of listings). */
const AUTHORITY_KEYS: Record<Authority, MessageKey> = {
  'US-OFAC': 'authorityUsOfac',
  UN: 'authorityUn',
  UK: 'authorityUk',
  EU: 'authorityEu',
  CA: 'authorityCa',
  AU: 'authorityAu',
  OpenSanctions: 'authorityOpenSanctions',
};

/** Who an authority is, in words; the code itself for one this version does not know. */
export function authorityLabel(authority: string, t: Translate): string {
  const key = AUTHORITY_KEYS[authority as Authority];
  return key ? t(key) : authority;
}
