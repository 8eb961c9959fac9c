import type { PartnerShare } from '../kb/arms-flows';
import { formatShare, formatTiv } from './format';
import { useT } from './i18n';

export interface ShareBarsProps {
  /** Partners, largest first, each with its share (0–1) of the country's total. */
  partners: readonly PartnerShare[];
  /** What the list is, for screen readers: "Main suppliers". */
  label: string;
}

/** Main suppliers or recipients as horizontal bars: name, share in words, and a bar to compare. */
export function ShareBars({ partners, label }: ShareBarsProps) {
  const t = useT();
  if (partners.length === 0) return null;
  return (
    <ul class="bars" aria-label={label}>
      {partners.map((partner) => {
        return (
          <li key={partner.name}>
            <span class="bar-name" dir="auto">
              {partner.name}
            </span>
            <span class="bar-track" aria-hidden="true">
              <span class="bar-fill" style={{ width: `${Math.max(1, Math.round(partner.share * 100))}%` }} />
            </span>
            <span class="bar-value">
              {formatShare(partner.share)}
              <span class="visually-hidden"> {t('barsTiv', formatTiv(partner.tiv))}</span>
            </span>
          </li>
        );
      })}
    </ul>
  );
}
