import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';
import { i18n } from '../i18n/i18n';

// happy-dom lacks a few browser APIs Ant Design reaches for.
if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => undefined,
      removeListener: () => undefined,
      addEventListener: () => undefined,
      removeEventListener: () => undefined,
      dispatchEvent: () => false,
    }) as MediaQueryList;
}

// Tests read the English texts unless they switch on purpose.
void i18n.changeLanguage('en');

afterEach(() => {
  cleanup();
  window.localStorage.clear();
  void i18n.changeLanguage('en');
});
