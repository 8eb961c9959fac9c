import type { EntityCard } from '../kb/card';
import { formatTiv, formatYears } from './format';
import type { MessageKey, Translate } from './i18n';

const KINDS: Record<EntityCard['kind'], MessageKey> = {
  person: 'kindPerson',
  organisation: 'kindOrganisation',
  vessel: 'kindVessel',
  aircraft: 'kindAircraft',
  country: 'kindCountry',
};

/**
 * One sentence about a card for screen readers, announced when the card opens from the keyboard:
 * what the entity is and its headline fact, then how to reach and leave the card.
 */
export function cardSummary(card: EntityCard, t: Translate): string {
  const parts = [t('summaryName', card.name, t(KINDS[card.kind]))];
  if (card.kind !== 'country' && card.listings.length > 0) {
    const authorities = [...new Set(card.listings.map((l) => l.authority))];
    const tier = t(card.match ? (card.match.tier === 'strong' ? 'summaryTierStrong' : 'summaryTierPossible') : 'summaryTierNameOnly');
    parts.push(t('summaryListed', authorities.join(', '), tier));
  }
  const arms = card.country?.arms;
  if (arms) {
    parts.push(t('summaryArms', formatYears(arms.window), formatTiv(arms.imports.tiv), formatTiv(arms.exports.tiv)));
  }
  for (const flow of card.country?.flows ?? []) {
    parts.push(t('summaryFlow', flow.suppliers.join(' / '), flow.recipients.join(' / '), formatTiv(flow.tiv)));
  }
  parts.push(t('summaryKeys'));
  return parts.join(' ');
}
