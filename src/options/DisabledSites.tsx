import { useState } from 'preact/hooks';
import { normaliseSite } from '../settings';
import { useT } from '../ui/i18n';

export interface DisabledSitesProps {
  sites: string[];
  onRemove: (host: string) => void;
  onAdd: (host: string) => void;
}

/** Sites where Backstory stays off: one line each with a button to turn it on again, and a box to add one. */
export function DisabledSites({ sites, onRemove, onAdd }: DisabledSitesProps) {
  const t = useT();
  const [input, setInput] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  return (
    <section class="sites" aria-labelledby="sites-heading">
      <h2 id="sites-heading">{t('sitesHeading')}</h2>
      {sites.length === 0 ? (
        <p class="muted">{t('sitesEmpty')}</p>
      ) : (
        <ul class="sites" aria-labelledby="sites-heading">
          {sites.map((host) => (
            <li key={host} data-site={host}>
              <span class="host">{host}</span>
              <button type="button" aria-label={t('sitesRemoveLabel', host)} onClick={() => onRemove(host)}>
                {t('sitesRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        class="add-site"
        onSubmit={(event) => {
          event.preventDefault();
          const host = normaliseSite(input);
          if (!host) {
            setInvalid(input);
            return;
          }
          setInvalid(null);
          setInput('');
          onAdd(host);
        }}
      >
        <label for="add-site">{t('sitesAddLabel')}</label>
        <input
          id="add-site"
          name="site"
          type="text"
          inputMode="url"
          autocomplete="off"
          spellcheck={false}
          maxLength={255}
          value={input}
          aria-invalid={invalid !== null}
          aria-describedby={invalid !== null ? 'add-site-error' : undefined}
          onInput={(event) => setInput(event.currentTarget.value)}
        />
        <button type="submit">{t('sitesAddButton')}</button>
        {invalid !== null && (
          <p id="add-site-error" class="error" role="alert">
            {t('sitesAddInvalid', invalid)}
          </p>
        )}
      </form>
    </section>
  );
}
