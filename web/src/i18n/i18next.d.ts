import 'i18next';
import type { en } from './locales/en';

// Keys are checked at compile time: `t('accounts.nope')` does not type-check.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    returnNull: false;
  }
}
