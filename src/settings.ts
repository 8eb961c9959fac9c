/**
 * The typed settings: defaults, parsing of whatever storage holds, read / write / watch.
 * Stored in storage.local under one key, so one change event carries the whole picture.
 */
import browser from './browser';

export interface Settings {
  /** Annotations on or off everywhere. */
  enabled: boolean;
  /** Host names where annotations stay off even when enabled everywhere. */
  disabledSites: string[];
}

export const DEFAULT_SETTINGS: Settings = { enabled: true, disabledSites: [] };

const KEY = 'settings';

/** Reads settings from untrusted stored data, falling back to defaults field by field. */
export function parseSettings(raw: unknown): Settings {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  return {
    enabled: typeof value.enabled === 'boolean' ? value.enabled : DEFAULT_SETTINGS.enabled,
    disabledSites: Array.isArray(value.disabledSites)
      ? [...new Set(value.disabledSites.filter((s): s is string => typeof s === 'string' && s.length < 256))]
      : DEFAULT_SETTINGS.disabledSites,
  };
}

/** Whether annotations run on a page of `host` under `settings`. */
export function isActiveOn(settings: Settings, host: string): boolean {
  return settings.enabled && !settings.disabledSites.includes(host);
}

/** Returns settings with `host` turned on or off. */
export function withSite(settings: Settings, host: string, on: boolean): Settings {
  const others = settings.disabledSites.filter((s) => s !== host);
  return { ...settings, disabledSites: on ? others : [...others, host].sort() };
}

export async function readSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(KEY);
  return parseSettings(stored[KEY]);
}

export async function writeSettings(settings: Settings): Promise<void> {
  await browser.storage.local.set({ [KEY]: settings });
}

/** Calls `listener` with the new settings whenever they change; returns the unsubscribe. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, { newValue?: unknown }>, area: string): void => {
    if (area === 'local' && KEY in changes) listener(parseSettings(changes[KEY]?.newValue));
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
