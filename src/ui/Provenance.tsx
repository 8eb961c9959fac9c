import type { Provenance as ProvenanceData } from '../kb/card';
import { formatIsoDate } from './format';

export interface ProvenanceProps {
  provenance: ProvenanceData;
}

/** The source-and-date line every block of facts carries. */
export function Provenance({ provenance }: ProvenanceProps) {
  return (
    <p class="provenance">
      Source:{' '}
      {provenance.url ? (
        <a href={provenance.url} target="_blank" rel="noopener noreferrer">
          {provenance.source}
        </a>
      ) : (
        provenance.source
      )}
      {provenance.date ? `, data of ${formatIsoDate(provenance.date)}` : ''}
    </p>
  );
}
