import { authorityLabel } from './authority';
import type { MatchInfo, MatchReason } from '../kb/card';
import { countryName } from './format';
import { plural, useT, type MessageKey, type Translate } from './i18n';

export interface MatchTierProps {
  /** How sure the match is, when the background has judged it for this page. */
  match?: MatchInfo | undefined;
}

const TIER_LABELS: Record<MatchInfo['tier'], MessageKey> = {
  strong: 'matchStrong',
  possible: 'matchPossible',
};

/**
 * How sure Backstory is that the page means this listed entity, and why. Without a judgement the
 * card says plainly that only the name matched: a namesake is as likely as the listed person.
 */
export function MatchTier({ match }: MatchTierProps) {
  const t = useT();
  if (!match) {
    return (
      <p class="match" data-tier="name-only">
        <strong>{t('matchNameOnlyTitle')}</strong> {t('matchNameOnlyText')}
      </p>
    );
  }
  return (
    <div class="match" data-tier={match.tier}>
      <p>
        <strong>{t(TIER_LABELS[match.tier])}</strong>
        {match.reasons.length === 0 && match.tier === 'possible' ? t('matchNameAloneSuffix') : ''}
      </p>
      {match.reasons.length > 0 && (
        <ul class="reasons-list">
          {match.reasons.map((reason, i) => (
            <li key={i} dir="auto">
              {reasonText(reason, t)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** One reason in words. */
export function reasonText(reason: MatchReason, t: Translate): string {
  switch (reason.kind) {
    case 'distinctiveName':
      return t('matchReasonDistinctive');
    case 'nameOnly':
      return t(reason.person ? 'matchReasonNameOnlyPerson' : 'matchReasonNameOnly');
    case 'countryNear':
      return t('matchReasonCountryNear', countryName(reason.country));
    case 'positionNear':
      return t('matchReasonPositionNear', reason.word, reason.position);
    case 'earlierFullName':
      return t('matchReasonEarlier');
    case 'alsoListedBy':
      return t('matchReasonAlsoListedBy', reason.authorities.map((a) => authorityLabel(a, t)).join('; '));
    case 'namesakes':
      return plural(t, reason.others, 'matchReasonNamesakesOne', 'matchReasonNamesakesOther');
    case 'officeTitle':
      return t('matchReasonOfficeTitle', reason.title, reason.role);
    case 'shortForm':
      return t('matchReasonShortForm', reason.name);
    case 'sharedShortForm':
      return plural(t, reason.others, 'matchReasonSharedShortFormOne', 'matchReasonSharedShortFormOther');
  }
}
