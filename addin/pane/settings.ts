/**
 * The engine's address. Blank means the server that served this pane (the usual case); another address is
 * for an engine run elsewhere, e.g. an agency's shared server. Kept in the browser's local storage, which
 * Office gives each add-in for itself.
 */
const KEY = 'throughline.engineUrl';

export type EngineSetting = { ok: true; url: string } | { ok: false; message: string };

/** The part of the browser's Storage used here. */
export interface SettingStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function loadEngineUrl(storage: SettingStore | null): string {
  try {
    return storage?.getItem(KEY) ?? '';
  } catch {
    return '';
  }
}

export function saveEngineUrl(storage: SettingStore | null, url: string): void {
  try {
    if (url === '') storage?.removeItem(KEY);
    else storage?.setItem(KEY, url);
  } catch {
    // Storage can be switched off; the setting then lasts until the pane is closed.
  }
}

/** '' (same origin) or an http(s) origin with an optional path; anything else gets a sentence saying why. */
export function checkEngineUrl(text: string): EngineSetting {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, url: '' };
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return { ok: false, message: 'Give a full address, such as https://throughline.example.gov.' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return {
      ok: false,
      message: 'The engine’s address must start with https:// (or http:// on this computer).',
    };
  if (url.search || url.hash) return { ok: false, message: 'Leave out any ? or # part of the address.' };
  return { ok: true, url: url.href.replace(/\/+$/, '') };
}

/** The API's root for a setting, e.g. `https://host/api/v1/`. */
export function apiRoot(setting: string, pageOrigin: string): string {
  return `${setting === '' ? pageOrigin : setting}/api/v1/`;
}
