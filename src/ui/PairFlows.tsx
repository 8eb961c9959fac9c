import type { PairFlowFacts } from '../kb/card';
import { SipriCredit } from './SipriCredit';
import { formatShare, formatTiv, formatYears } from './format';
import { useT } from './i18n';

export interface PairFlowsProps {
  /** Flows between this country and the others the page names, largest first; all non-empty. */
  flows: readonly PairFlowFacts[];
}

/**
 * The arms flows between a country and the other countries the page names, in the form news
 * reports quote them ("Russia accounted for 50% of Myanmar's arms imports in 2021–2025"), with
 * how they were computed. One block, so the method and the credit line appear once.
 */
export function PairFlows({ flows }: PairFlowsProps) {
  const t = useT();
  const first = flows[0];
  if (!first) return null;
  const sameWindow = flows.every((f) => f.window.from === first.window.from && f.window.to === first.window.to);
  return (
    <section class="block flows" aria-label={t('flowsLabel')}>
      <h3>{sameWindow ? t('flowsHeading', formatYears(first.window)) : t('flowsLabel')}</h3>
      <ul class="flow-list">
        {flows.map((flow) => {
          const supplier = flow.suppliers.join(' / ');
          const recipient = flow.recipients.join(' / ');
          return (
            <li key={`${flow.supplierCode}>${flow.recipientCode}`} class="flow" data-flow={`${flow.supplierCode}>${flow.recipientCode}`}>
              <strong>{t('flowFromTo', supplier, recipient)}</strong>
              {sameWindow ? '' : ` (${formatYears(flow.window)})`}: {t('tivAmount', formatTiv(flow.tiv))}
              {flow.shareOfRecipientImports !== null &&
                ` — ${t('flowShare', formatShare(flow.shareOfRecipientImports), recipient, formatTiv(flow.recipientImportsTiv))}`}
            </li>
          );
        })}
      </ul>
      <details class="method">
        <summary>{t('flowsMethod')}</summary>
        <p>{t('flowsMethodText')}</p>
      </details>
      <SipriCredit provenance={first.provenance} tiv />
    </section>
  );
}
