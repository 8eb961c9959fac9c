import type { Provenance as ProvenanceData } from '../kb/card';
import { formatIsoDate } from './format';
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
  return (
    <p class="provenance credit">
      Source:{' '}
      <SourceLink provenance={provenance} />
      {provenance.date ? `, ${formatIsoDate(provenance.date)}.` : ' (date not known).'}
      {tiv && (
        <span class="note">
          {' '}
          TIV (SIPRI trend-indicator value, millions) measures the volume of arms transferred, not money.
        </span>
      )}
    </p>
  );
}
