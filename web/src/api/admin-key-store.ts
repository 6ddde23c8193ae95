import type { SessionRole } from '../auth/admin-session';

const storageKey = 'sluice.adminKey';
const roleKey = 'sluice.role';

/** The signed-in key and what it may see, kept in localStorage so a reload stays signed in. */
export const adminKeyStore = {
  load(): { key: string; role: SessionRole } | null {
    try {
      const key = window.localStorage.getItem(storageKey);
      if (!key) return null;
      return { key, role: window.localStorage.getItem(roleKey) === 'holder' ? 'holder' : 'admin' };
    } catch {
      return null;
    }
  },
  save(key: string, role: SessionRole): void {
    window.localStorage.setItem(storageKey, key);
    window.localStorage.setItem(roleKey, role);
  },
  clear(): void {
    window.localStorage.removeItem(storageKey);
    window.localStorage.removeItem(roleKey);
  },
};
