import type { PairFlowFacts } from '../kb/card';
import { SipriCredit } from './SipriCredit';
import { formatShare, formatTiv, formatYears } from './format';

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
  const first = flows[0];
  if (!first) return null;
  const sameWindow = flows.every((f) => f.window.from === first.window.from && f.window.to === first.window.to);
  return (
    <section class="block flows" aria-label="Arms flows with countries on this page">
      <h3>
        Arms flows with countries on this page{sameWindow ? `, ${formatYears(first.window)}` : ''}
      </h3>
      <ul class="flow-list">
        {flows.map((flow) => {
          const supplier = flow.suppliers.join(' / ');
          const recipient = flow.recipients.join(' / ');
          return (
            <li key={`${flow.supplierCode}>${flow.recipientCode}`} class="flow" data-flow={`${flow.supplierCode}>${flow.recipientCode}`}>
              <strong>
                From {supplier} to {recipient}
              </strong>
              {sameWindow ? '' : ` (${formatYears(flow.window)})`}: {formatTiv(flow.tiv)} TIV
              {flow.shareOfRecipientImports !== null &&
                ` — ${formatShare(flow.shareOfRecipientImports)} of ${recipient}'s arms imports (${formatTiv(flow.recipientImportsTiv)} TIV)`}
            </li>
          );
        })}
      </ul>
      <details class="method">
        <summary>How this is computed</summary>
        <p>{first.method}</p>
      </details>
      <SipriCredit provenance={first.provenance} tiv />
    </section>
  );
}
