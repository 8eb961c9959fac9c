/**
 * The reader's marking preferences applied to what the background found: which kinds, strong
 * matches only or possible ones too, the first mention of each entity or every one; and how the
 * card opens (read by card-controller.ts). Pure functions over plain data, no DOM of their own:
 * whether an entity already has a mark in the page is asked through `isMarked`.
 */
import type { EntityCard } from '../kb/card';
import type { Mention } from '../kb/spot';
import type { CardTrigger, MarkingPreferences } from '../settings';

/** Drops the mentions the preferences do not want marked, in one batch of a pass. */
export type MentionFilter = (mentions: readonly Mention[], cards: ReadonlyMap<string, EntityCard>) => Mention[];

/**
 * A filter for one annotator. `isMarked(id)` says whether the page already holds a live mark of
 * the entity (from an earlier batch or pass), so "first mention only" keeps holding on pages that
 * load more text later, and a first mention the page itself removed can be marked again.
 * Mentions arrive in document order within a batch.
 */
export function mentionFilter(marking: MarkingPreferences, isMarked: (entity: string) => boolean): MentionFilter {
  return (mentions, cards) => {
    const firstSeen = new Set<string>();
    return mentions.filter((mention) => {
      const card = cards.get(mention.entity);
      if (!card || !marking.kinds[card.kind]) return false;
      // Countries carry no tier: a country's name is the country.
      if (marking.matches === 'strong' && card.match?.tier === 'possible') return false;
      if (marking.mentions === 'first') {
        if (firstSeen.has(mention.entity) || isMarked(mention.entity)) return false;
        firstSeen.add(mention.entity);
      }
      return true;
    });
  };
}

/** The modifier for the 'modifier' trigger: Alt (Option on macOS), free of page and browser shortcuts when hovering. */
export const TRIGGER_MODIFIER = 'Alt';

/**
 * Whether resting the pointer on a mark should open its card under `trigger` ('hover', or
 * 'modifier' with Alt held). Keyboard focus opens the card under every trigger.
 */
export function hoverOpensCard(trigger: CardTrigger, event: Pick<MouseEvent, 'altKey'>): boolean {
  return trigger === 'hover' || (trigger === 'modifier' && event.altKey);
}

/** Whether clicking a mark should open its card (the 'click' trigger). */
export function clickOpensCard(trigger: CardTrigger): boolean {
  return trigger === 'click';
}
