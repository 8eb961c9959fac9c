import type { FoundEntity } from '../messages';
import type { Settings } from '../settings';
import { isActiveOn } from '../settings';

export interface PopupProps {
  settings: Settings;
  /** Host name of the current tab, or null where Backstory does not run (browser pages, PDFs). */
  host: string | null;
  found: FoundEntity[];
  onToggleEverywhere: (on: boolean) => void;
  onToggleSite: (on: boolean) => void;
}

const KIND_LABELS: Record<FoundEntity['kind'], string> = {
  person: 'person',
  organisation: 'organisation',
  vessel: 'vessel',
  aircraft: 'aircraft',
  country: 'country',
};

/** The toolbar popup: on/off everywhere and for this site, and what this page names. */
export function Popup({ settings, host, found, onToggleEverywhere, onToggleSite }: PopupProps) {
  const siteOn = host !== null && !settings.disabledSites.includes(host);
  return (
    <>
      <h1>Backstory</h1>
      <label class="switch">
        <input type="checkbox" name="everywhere" checked={settings.enabled} onChange={(e) => onToggleEverywhere(e.currentTarget.checked)} />
        Mark names on pages
      </label>
      <label class="switch">
        <input
          type="checkbox"
          name="site"
          checked={siteOn}
          disabled={host === null || !settings.enabled}
          onChange={(e) => onToggleSite(e.currentTarget.checked)}
        />
        {host ? `On ${host}` : 'On this site'}
      </label>
      <h2>On this page</h2>
      {host === null ? (
        <p class="muted">Backstory does not run on this page.</p>
      ) : !isActiveOn(settings, host) ? (
        <p class="muted">Marking is off here.</p>
      ) : found.length === 0 ? (
        <p class="muted">No known names found.</p>
      ) : (
        <ul class="found" aria-label="Names on this page">
          {found.map((entity) => (
            <li key={entity.id} data-entity={entity.id}>
              <span>
                {entity.name} <span class="muted">· {KIND_LABELS[entity.kind]}</span>
              </span>
              <span class="count" aria-label={`${entity.count} mentions`}>
                {entity.count}
              </span>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
