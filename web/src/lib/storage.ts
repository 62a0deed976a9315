// localStorage that never throws (private windows, disabled storage).
export function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStored(key: string, value: string): void {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    /* storage unavailable: the choice is simply not remembered */
  }
}

export const STORAGE_KEYS = { lang: 'ecociv.lang', plan: 'ecociv.plan' } as const;

/** The reporting unit last chosen for a plan on the data-entry page. */
export function unitStorageKey(plan: string): string {
  return `ecociv.unit.${plan}`;
}
