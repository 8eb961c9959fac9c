import type { MatchInfo } from '../kb/card';

export interface MatchTierProps {
  /** How sure the match is, when the background has judged it for this page. */
  match?: MatchInfo | undefined;
}

const TIER_LABELS: Record<MatchInfo['tier'], string> = {
  strong: 'Strong match',
  possible: 'Possible match',
};

/**
 * How sure Backstory is that the page means this listed entity, and why. Without a judgement the
 * card says plainly that only the name matched: a namesake is as likely as the listed person.
 */
export function MatchTier({ match }: MatchTierProps) {
  if (!match) {
    return (
      <p class="match" data-tier="name-only">
        <strong>Name-only match.</strong> The page and the list share this name; nothing else on the page was checked
        against the listing. Compare the details below before drawing conclusions.
      </p>
    );
  }
  return (
    <div class="match" data-tier={match.tier}>
      <p>
        <strong>{TIER_LABELS[match.tier]}</strong>
        {match.reasons.length === 0 && match.tier === 'possible' ? ': the name alone.' : ''}
      </p>
      {match.reasons.length > 0 && (
        <ul class="reasons-list">
          {match.reasons.map((reason) => (
            <li key={reason} dir="auto">
              {reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
