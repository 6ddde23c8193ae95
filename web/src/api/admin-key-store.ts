const storageKey = 'sluice.adminKey';

/** The signed-in admin key, kept in localStorage so a reload stays signed in. */
export const adminKeyStore = {
  load(): string | null {
    try {
      return window.localStorage.getItem(storageKey);
    } catch {
      return null;
    }
  },
  save(adminKey: string): void {
    window.localStorage.setItem(storageKey, adminKey);
  },
  clear(): void {
    window.localStorage.removeItem(storageKey);
  },
};
