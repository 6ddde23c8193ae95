import i18next from 'i18next';
import LanguageDetector from 'i18next-browser-languagedetector';
import { initReactI18next } from 'react-i18next';
import { en } from './locales/en';
import { zhCn } from './locales/zh-cn';

export const languages = ['en', 'zh-CN'] as const;
export type Language = (typeof languages)[number];
export const languageStorageKey = 'sluice.language';

/** The one i18next instance: the browser's language at first, then the remembered switch. */
export const i18n = i18next.createInstance();

void i18n
  .use(LanguageDetector)
  .use(initReactI18next)
  .init({
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCn } },
    supportedLngs: [...languages],
    nonExplicitSupportedLngs: false,
    fallbackLng: { zh: ['zh-CN'], default: ['en'] },
    load: 'currentOnly',
    interpolation: { escapeValue: false },
    returnNull: false,
    detection: { order: ['localStorage', 'navigator'], lookupLocalStorage: languageStorageKey, caches: ['localStorage'] },
    initAsync: false,
  });

/** zh, zh-Hans, zh-CN … → zh-CN; everything else → en. */
export function currentLanguage(): Language {
  const resolved = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  return resolved.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}
