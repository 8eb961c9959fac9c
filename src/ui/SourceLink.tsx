import type { Provenance } from '../kb/card';

export interface SourceLinkProps {
  provenance: Provenance;
}

/** The name of a source, linked to its page where there is one; shared by every credit line. */
export function SourceLink({ provenance }: SourceLinkProps) {
  return provenance.url ? (
    <a href={provenance.url} target="_blank" rel="noopener noreferrer">
      {provenance.source}
    </a>
  ) : (
    <>{provenance.source}</>
  );
}
