/**
 * Popup entry: connects the Popup view to settings, to the current tab's content script
 * (listFound, revealEntity) and to the background (lookup). Opened with ?lookup=<text> (by the
 * context menu, in a small window of its own) it shows the search alone, started with that text.
 */
import { render } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import browser from '../browser';
import { localiseDocument, t } from '../i18n';
import { ask, askTab, type FoundEntity, type UnknownName } from '../messages';
import { DEFAULT_SETTINGS, readSettings, watchSettings, withSite, writeSettings, type Settings } from '../settings';
import { CARD_CSS } from '../ui/card-styles';
import { I18n } from '../ui/i18n';
import type { LookupState } from './LookupPanel';
import { Freshness } from './Freshness';
import { Popup } from './Popup';

/** Typing pauses this long before a look-up is sent, so a word costs one request, not one per key. */
const LOOKUP_DELAY_MS = 200;

interface TabState {
  tabId: number | null;
  host: string | null;
  found: FoundEntity[];
  unknown?: UnknownName[];
}

const NO_TAB: TabState = { tabId: null, host: null, found: [] };

async function readTab(): Promise<TabState> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return NO_TAB;
  try {
    const reply = await askTab(tab.id, 'listFound', null);
    return { tabId: tab.id, host: reply.host, found: reply.entities, ...(reply.unknown ? { unknown: reply.unknown } : {}) };
  } catch {
    return NO_TAB; // no content script there: a browser page, a PDF, a store
  }
}

/** The look-up state, with typing debounced and replies to superseded queries dropped. */
function useLookup(initial: string | undefined): [LookupState, (query: string) => void] {
  const [state, setState] = useState<LookupState>({ status: 'idle' });
  const latest = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const run = (query: string, delay: number): void => {
    clearTimeout(timer.current);
    const mine = ++latest.current;
    const trimmed = query.trim();
    if (trimmed.length < 2) {
      setState({ status: 'idle' });
      return;
    }
    timer.current = setTimeout(() => {
      setState({ status: 'busy', query: trimmed });
      void ask('lookup', { name: trimmed.slice(0, 200) })
        .catch(() => [])
        .then((results) => {
          if (mine === latest.current) setState({ status: 'done', query: trimmed, results });
        });
    }, delay);
  };
  useEffect(() => {
    if (initial) run(initial, 0);
  }, []);
  return [state, (query) => run(query, LOOKUP_DELAY_MS)];
}

function App({ lookupOnly }: { lookupOnly: string | undefined }) {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [tab, setTab] = useState<TabState>(NO_TAB);
  const [revealGone, setRevealGone] = useState(false);
  const [lookup, onLookup] = useLookup(lookupOnly);

  useEffect(() => {
    if (lookupOnly !== undefined) return undefined;
    void readSettings().then(setSettings);
    void readTab().then(setTab);
    return watchSettings((next) => {
      setSettings(next);
      // The page re-annotates after a change; ask again once it has had a moment.
      setTimeout(() => void readTab().then(setTab), 400);
    });
  }, []);

  const save = (next: Settings): void => {
    setSettings(next);
    void writeSettings(next);
  };
  const reveal = (id: string): void => {
    if (tab.tabId === null) return;
    void askTab(tab.tabId, 'revealEntity', { id })
      .catch(() => false)
      .then((shown) => setRevealGone(!shown));
  };
  return (
    <Popup
      settings={settings}
      host={tab.host}
      found={tab.found}
      unknown={tab.unknown}
      onToggleEverywhere={(on) => save({ ...settings, enabled: on })}
      onToggleSite={(on) => tab.host !== null && save(withSite(settings, tab.host, on))}
      onReveal={reveal}
      revealGone={revealGone}
      lookup={lookup}
      onLookup={onLookup}
      {...(lookupOnly !== undefined ? { lookupOnly } : {})}
      onOpenOptions={() => void browser.runtime.openOptionsPage().then(() => window.close())}
      footer={<Freshness />}
    />
  );
}

const lookupOnly = new URLSearchParams(location.search).get('lookup') ?? undefined;
localiseDocument(document);
document.title = lookupOnly !== undefined ? t('lookupWindowTitle') : t('extName');
if (lookupOnly !== undefined) document.body.classList.add('window');
// The card's own styles, as in the page card's shadow root (created as text: no innerHTML anywhere).
const cardStyles = document.createElement('style');
cardStyles.textContent = CARD_CSS;
document.head.append(cardStyles);

render(
  <I18n.Provider value={t}>
    <App lookupOnly={lookupOnly} />
  </I18n.Provider>,
  document.getElementById('app')!,
);
