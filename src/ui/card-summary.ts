import type { EntityCard } from '../kb/card';
import { formatTiv, formatYears } from './format';

/**
 * One sentence about a card for screen readers, announced when the card opens from the keyboard:
 * what the entity is and its headline fact, then how to reach and leave the card.
 */
export function cardSummary(card: EntityCard): string {
  const parts = [`${card.name}, ${card.kind}.`];
  if (card.kind !== 'country' && card.listings.length > 0) {
    const authorities = [...new Set(card.listings.map((l) => l.authority))];
    const tier = card.match ? `${card.match.tier} match` : 'name-only match';
    parts.push(`Listed by ${authorities.join(', ')}; ${tier}.`);
  }
  const arms = card.country?.arms;
  if (arms) {
    parts.push(`Arms imports ${formatYears(arms.window)}: ${formatTiv(arms.imports.tiv)} TIV; exports ${formatTiv(arms.exports.tiv)} TIV.`);
  }
  for (const flow of card.country?.flows ?? []) {
    parts.push(`Arms from ${flow.suppliers.join(' / ')} to ${flow.recipients.join(' / ')}: ${formatTiv(flow.tiv)} TIV.`);
  }
  parts.push('Press Tab to read the card, Escape to close it.');
  return parts.join(' ');
}
