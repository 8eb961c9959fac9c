import type { MilexFacts } from '../kb/card';
import { SipriCredit } from './SipriCredit';
import { formatShare, formatUsdMillions } from './format';

export interface MilitaryExpenditureProps {
  milex: MilexFacts;
}

/** A country's military expenditure in SIPRI's latest year: constant US$ and share of GDP. */
export function MilitaryExpenditure({ milex }: MilitaryExpenditureProps) {
  return (
    <section class="block milex" aria-label={`Military expenditure ${milex.year}`}>
      <h3>Military expenditure, {milex.year}</h3>
      {milex.constantUsd !== undefined && (
        <p class="fact">
          {formatUsdMillions(milex.constantUsd)}
          {milex.baseYear !== undefined ? ` (constant ${milex.baseYear} US$)` : ''}
        </p>
      )}
      {milex.shareOfGdp !== undefined && <p class="fact">{formatShare(milex.shareOfGdp)} of GDP</p>}
      <SipriCredit provenance={milex.provenance} />
    </section>
  );
}
