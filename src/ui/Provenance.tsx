import type { Provenance as ProvenanceData } from '../kb/card';
import { formatIsoDate } from './format';
import { useT } from './i18n';
import { SourceLink } from './SourceLink';

export interface ProvenanceProps {
  provenance: ProvenanceData;
}

/** The source-and-date line every block of facts carries. */
export function Provenance({ provenance }: ProvenanceProps) {
  const t = useT();
  return (
    <p class="provenance">
      {t('sourceLabel')}{' '}
      <SourceLink provenance={provenance} />
      {provenance.date ? t('sourceDataOf', formatIsoDate(provenance.date, t)) : ''}
    </p>
  );
}
