import type { Provenance as ProvenanceData } from '../kb/card';
import { formatIsoDate } from './format';
import { SourceLink } from './SourceLink';

export interface ProvenanceProps {
  provenance: ProvenanceData;
}

/** The source-and-date line every block of facts carries. */
export function Provenance({ provenance }: ProvenanceProps) {
  return (
    <p class="provenance">
      Source:{' '}
      <SourceLink provenance={provenance} />
      {provenance.date ? `, data of ${formatIsoDate(provenance.date)}` : ''}
    </p>
  );
}
