import type { ComponentChildren } from 'preact';
import type { FoundEntity, UnknownName } from '../messages';
import type { Settings } from '../settings';
import { isActiveOn } from '../settings';
import { useT } from '../ui/i18n';
import { FoundList } from './FoundList';
import { LookupPanel, type LookupState } from './LookupPanel';
import { UnknownNames } from './UnknownNames';

export interface PopupProps {
  settings: Settings;
  /** Host name of the current tab, or null where Backstory does not run (browser pages, PDFs). */
  host: string | null;
  found: FoundEntity[];
  /** Names on the page with no record in the loaded lists; absent unless the reader asked for them. */
  unknown?: UnknownName[] | undefined;
  onToggleEverywhere: (on: boolean) => void;
  onToggleSite: (on: boolean) => void;
  /** Scroll the page to an entity's first mention and flash it. */
  onReveal: (id: string) => void;
  /** The last reveal found no mark (the page changed since the list was read). */
  revealGone: boolean;
  lookup: LookupState;
  onLookup: (query: string) => void;
  /** The context menu's look-up window: the search alone, started with this text. */
  lookupOnly?: string;
  onOpenOptions: () => void;
  /** Extra lines at the foot (how fresh the data is). */
  footer?: ComponentChildren;
}

/** The toolbar popup: on/off everywhere and for this site, what this page names, and a name search. */
export function Popup(props: PopupProps) {
  const t = useT();
  const { settings, host, found } = props;
  if (props.lookupOnly !== undefined) {
    return (
      <>
        <h1>{t('extName')}</h1>
        <LookupPanel state={props.lookup} initialQuery={props.lookupOnly} onQuery={props.onLookup} />
        {props.footer}
      </>
    );
  }
  const siteOn = host !== null && !settings.disabledSites.includes(host);
  return (
    <>
      <h1>{t('extName')}</h1>
      <label class="switch">
        <input type="checkbox" name="everywhere" checked={settings.enabled} onChange={(e) => props.onToggleEverywhere(e.currentTarget.checked)} />
        {t('popupToggleEverywhere')}
      </label>
      <label class="switch">
        <input
          type="checkbox"
          name="site"
          checked={siteOn}
          disabled={host === null || !settings.enabled}
          onChange={(e) => props.onToggleSite(e.currentTarget.checked)}
        />
        {host ? t('popupToggleSite', host) : t('popupToggleSiteUnknown')}
      </label>
      <section class="on-page" aria-labelledby="on-page-heading">
        <h2 id="on-page-heading">{t('popupOnThisPage')}</h2>
        {host === null ? (
          <p class="muted">{t('popupNotRunning')}</p>
        ) : !isActiveOn(settings, host) ? (
          <p class="muted">{t('popupOffHere')}</p>
        ) : found.length === 0 ? (
          <p class="muted">{t('popupNothingFound')}</p>
        ) : (
          <FoundList found={found} onReveal={props.onReveal} />
        )}
        {host !== null && isActiveOn(settings, host) && props.unknown && <UnknownNames names={props.unknown} onLookup={props.onLookup} />}
        {props.revealGone && (
          <p class="muted" role="status">
            {t('popupRevealGone')}
          </p>
        )}
      </section>
      <LookupPanel state={props.lookup} onQuery={props.onLookup} />
      <footer>
        {props.footer}
        <button type="button" class="link" onClick={props.onOpenOptions}>
          {t('popupOpenOptions')}
        </button>
      </footer>
    </>
  );
}
