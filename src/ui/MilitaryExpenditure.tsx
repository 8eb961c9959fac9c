import type { MilexFacts } from '../kb/card';
import { SipriCredit } from './SipriCredit';
import { formatShare, formatUsdMillions, USD } from './format';
import { useT } from './i18n';

export interface MilitaryExpenditureProps {
  milex: MilexFacts;
}

/** A country's military expenditure in SIPRI's latest year: constant US$ and share of GDP. */
export function MilitaryExpenditure({ milex }: MilitaryExpenditureProps) {
  const t = useT();
  return (
    <section class="block milex" aria-label={t('milexLabel', milex.year)}>
      <h3>{t('milexHeading', milex.year)}</h3>
      {milex.constantUsd !== undefined && (
        <p class="fact">
          {formatUsdMillions(milex.constantUsd, t)}
          {milex.baseYear !== undefined ? ` ${t('milexConstant', milex.baseYear, USD)}` : ''}
        </p>
      )}
      {milex.shareOfGdp !== undefined && <p class="fact">{t('milexShareOfGdp', formatShare(milex.shareOfGdp))}</p>}
      <SipriCredit provenance={milex.provenance} />
    </section>
  );
}
