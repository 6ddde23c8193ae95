import { ApiOutlined, AuditOutlined, CloudServerOutlined, DashboardOutlined, KeyOutlined, LogoutOutlined, MenuOutlined, SettingOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Drawer, Grid, Layout, Menu, theme, Typography } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionRole } from '../auth/admin-session';
import type { PageName } from '../navigation/use-page';
import { PreferenceSwitches } from './preference-switches';

const icons: Record<PageName, ReactNode> = {
  dashboard: <DashboardOutlined />,
  accounts: <CloudServerOutlined />,
  'api-keys': <KeyOutlined />,
  requests: <UnorderedListOutlined />,
  audit: <AuditOutlined />,
  settings: <SettingOutlined />,
};

interface AppLayoutProps {
  page: PageName;
  role: SessionRole;
  onNavigate: (page: PageName) => void;
  onSignOut: () => void;
  children: ReactNode;
}

/** Side menu on wide screens; on phones a menu button opens every page in a drawer. */
export function AppLayout({ page, role, onNavigate, onSignOut, children }: AppLayoutProps) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const screens = Grid.useBreakpoint();
  const wide = screens.md ?? true;
  const [drawerOpen, setDrawerOpen] = useState(false);
  const items = (Object.keys(icons) as PageName[]).map((key) => ({ key, icon: icons[key], label: t(`pages.${key}`) }));
  const title = role === 'admin' ? t(`pages.${page}`) : t('pages.myKey');
  const menu = (
    <Menu
      mode="inline"
      selectedKeys={[page]}
      items={items}
      onClick={({ key }) => {
        onNavigate(key as PageName);
        setDrawerOpen(false);
      }}
      style={{ borderInlineEnd: 0 }}
    />
  );
  const brand = (
    <div style={{ padding: '18px 24px', fontWeight: 600, fontSize: 18 }}>
      <ApiOutlined /> Sluice
    </div>
  );
  const border = `1px solid ${token.colorBorderSecondary}`;
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {wide && role === 'admin' ? (
        <Layout.Sider theme="light" width={208} style={{ borderInlineEnd: border, background: token.colorBgContainer }}>
          {brand}
          {menu}
        </Layout.Sider>
      ) : null}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header style={{ background: token.colorBgContainer, padding: wide ? '0 24px' : '0 8px', display: 'flex', alignItems: 'center', gap: 8, borderBottom: border }}>
          {!wide && role === 'admin' ? <Button type="text" icon={<MenuOutlined />} aria-label={t('layout.openMenu')} onClick={() => setDrawerOpen(true)} /> : null}
          <Typography.Text strong ellipsis style={{ flex: 1, minWidth: 0 }}>
            {title}
          </Typography.Text>
          <PreferenceSwitches />
          <Button icon={<LogoutOutlined />} onClick={onSignOut} aria-label={t('layout.signOut')}>
            {wide ? t('layout.signOut') : null}
          </Button>
        </Layout.Header>
        <Layout.Content style={{ padding: wide ? 24 : 8, minWidth: 0 }}>{children}</Layout.Content>
      </Layout>
      {role === 'admin' ? (
        <Drawer placement="left" size={240} open={drawerOpen && !wide} onClose={() => setDrawerOpen(false)} title={brand} styles={{ body: { padding: 0 } }}>
          {menu}
        </Drawer>
      ) : null}
    </Layout>
  );
}
