import type { Provenance as ProvenanceData } from '../kb/card';
import { formatIsoDate } from './format';
import { useT } from './i18n';
import { SourceLink } from './SourceLink';

export interface SipriCreditProps {
  provenance: ProvenanceData;
  /** Whether the block shows TIV figures, so the line says what TIV measures. */
  tiv?: boolean;
}

/**
 * SIPRI's credit line, in the form SIPRI asks users of its databases to cite it ("Source: SIPRI
 * Arms Transfers Database, <date>"), and for TIV figures what they measure.
 */
export function SipriCredit({ provenance, tiv = false }: SipriCreditProps) {
  const t = useT();
  return (
    <p class="provenance credit">
      {t('sourceLabel')}{' '}
      <SourceLink provenance={provenance} />
      {provenance.date ? t('sipriCreditDate', formatIsoDate(provenance.date, t)) : t('sipriCreditNoDate')}
      {tiv && (
        <span class="note">
          {' '}
          {t('sipriTivNote')}
        </span>
      )}
    </p>
  );
}
