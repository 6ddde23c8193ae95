import { MoonOutlined, SunOutlined } from '@ant-design/icons';
import { Button, Segmented, Space, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Language } from '../i18n/i18n';
import { usePreferences } from '../preferences/preferences';

/** The language switch (中文 / EN) and the light/dark toggle, both remembered. */
export function PreferenceSwitches() {
  const { t } = useTranslation();
  const { language, setLanguage, themeMode, setThemeMode } = usePreferences();
  const dark = themeMode === 'dark';
  return (
    <Space size={4}>
      <Segmented<Language>
        size="small"
        value={language}
        onChange={setLanguage}
        aria-label={t('layout.language')}
        options={[
          { label: '中文', value: 'zh-CN' },
          { label: 'EN', value: 'en' },
        ]}
      />
      <Tooltip title={dark ? t('layout.lightMode') : t('layout.darkMode')}>
        <Button type="text" icon={dark ? <SunOutlined /> : <MoonOutlined />} aria-label={dark ? t('layout.lightMode') : t('layout.darkMode')} onClick={() => setThemeMode(dark ? 'light' : 'dark')} />
      </Tooltip>
    </Space>
  );
}
