/** Popup entry: connects the Popup view to settings and to the current tab's content script. */
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import browser from '../browser';
import { askTab, type FoundEntity } from '../messages';
import { DEFAULT_SETTINGS, readSettings, watchSettings, withSite, writeSettings, type Settings } from '../settings';
import { Popup } from './Popup';

interface TabState {
  host: string | null;
  found: FoundEntity[];
}

async function readTab(): Promise<TabState> {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return { host: null, found: [] };
  try {
    const reply = await askTab(tab.id, 'listFound', null);
    return { host: reply.host, found: reply.entities };
  } catch {
    return { host: null, found: [] }; // no content script there: a browser page, a PDF, a store
  }
}

function App() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [tab, setTab] = useState<TabState>({ host: null, found: [] });

  useEffect(() => {
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
  return (
    <Popup
      settings={settings}
      host={tab.host}
      found={tab.found}
      onToggleEverywhere={(on) => save({ ...settings, enabled: on })}
      onToggleSite={(on) => tab.host !== null && save(withSite(settings, tab.host, on))}
    />
  );
}

render(<App />, document.getElementById('app')!);
