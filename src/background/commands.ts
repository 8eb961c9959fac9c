/**
 * The keyboard command (manifest "commands"): Alt+Shift+M by default, changeable in the browser's
 * shortcut settings. (Not Alt+Shift+B: Chrome uses it to focus the bookmarks bar and then leaves
 * the command without a shortcut.) It flips annotations on or off everywhere, through settings, so every tab
 * follows through its own settings watcher.
 */
import browser from '../browser';
import { readSettings, writeSettings } from '../settings';

/** The command's name in manifest.json. */
export const TOGGLE_COMMAND = 'toggle-annotations';

/** Turns annotations on if they were off and off if they were on; resolves with the new state. */
export async function toggleAnnotations(): Promise<boolean> {
  const settings = await readSettings();
  await writeSettings({ ...settings, enabled: !settings.enabled });
  return !settings.enabled;
}

/** Registers the command listener; call synchronously at the background's start. */
export function listenForCommands(): void {
  browser.commands.onCommand.addListener((command: string) => {
    if (command === TOGGLE_COMMAND) void toggleAnnotations();
  });
}
