/**
 * The options page's settings views (Preferences, DisabledSites) connected to stored settings:
 * reads them, follows changes made elsewhere (the popup, the keyboard command), saves each change.
 */
import { useEffect, useState } from 'preact/hooks';
import { readSettings, watchSettings, withSite, writeSettings, type Settings } from '../settings';
import { DisabledSites } from './DisabledSites';
import { Preferences } from './Preferences';

/** Preferences and the sites list, kept in step with storage. */
export function SettingsPanel() {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    void readSettings().then(setSettings);
    return watchSettings(setSettings);
  }, []);
  if (!settings) return null;
  const save = (next: Settings): void => {
    setSettings(next);
    void writeSettings(next);
  };
  return (
    <>
      <Preferences marking={settings.marking} onChange={(marking) => save({ ...settings, marking })} />
      <DisabledSites
        sites={settings.disabledSites}
        onRemove={(host) => save(withSite(settings, host, true))}
        onAdd={(host) => save(withSite(settings, host, false))}
      />
    </>
  );
}
