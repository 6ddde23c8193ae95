import { App as AntApp, ConfigProvider, theme } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { currentLanguage, i18n, type Language } from '../i18n/i18n';

export type ThemeMode = 'light' | 'dark';
const themeStorageKey = 'sluice.theme';

interface Preferences {
  language: Language;
  setLanguage: (language: Language) => void;
  themeMode: ThemeMode;
  setThemeMode: (mode: ThemeMode) => void;
}

const PreferencesContext = createContext<Preferences | null>(null);

function initialTheme(): ThemeMode {
  const stored = window.localStorage.getItem(themeStorageKey);
  if (stored === 'dark' || stored === 'light') return stored;
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Language (i18next, Ant Design's locale, dayjs) and light/dark theme, both remembered in this browser. */
export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(currentLanguage);
  const [themeMode, setThemeModeState] = useState<ThemeMode>(initialTheme);

  const setLanguage = useCallback((next: Language) => {
    void i18n.changeLanguage(next);
    setLanguageState(next);
  }, []);
  const setThemeMode = useCallback((mode: ThemeMode) => {
    window.localStorage.setItem(themeStorageKey, mode);
    setThemeModeState(mode);
  }, []);

  useEffect(() => {
    dayjs.locale(language === 'zh-CN' ? 'zh-cn' : 'en');
    document.documentElement.lang = language;
  }, [language]);
  useEffect(() => {
    document.documentElement.dataset.theme = themeMode;
  }, [themeMode]);

  const value = useMemo(() => ({ language, setLanguage, themeMode, setThemeMode }), [language, setLanguage, themeMode, setThemeMode]);
  return (
    <I18nextProvider i18n={i18n}>
      <PreferencesContext.Provider value={value}>
        <ConfigProvider
          locale={language === 'zh-CN' ? zhCN : enUS}
          theme={{ algorithm: themeMode === 'dark' ? theme.darkAlgorithm : theme.defaultAlgorithm, token: { colorPrimary: '#1677ff', borderRadius: 6 } }}
        >
          <AntApp>{children}</AntApp>
        </ConfigProvider>
      </PreferencesContext.Provider>
    </I18nextProvider>
  );
}

export function usePreferences(): Preferences {
  const preferences = useContext(PreferencesContext);
  if (!preferences) throw new Error('usePreferences outside PreferencesProvider');
  return preferences;
}
