import { ApiOutlined, CloudServerOutlined, DashboardOutlined, KeyOutlined, LogoutOutlined, SettingOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { Button, Grid, Layout, Menu, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { PageName } from '../navigation/use-page';

const menuItems: { key: PageName; icon: ReactNode; label: string }[] = [
  { key: 'dashboard', icon: <DashboardOutlined />, label: 'Dashboard' },
  { key: 'accounts', icon: <CloudServerOutlined />, label: 'Accounts' },
  { key: 'api-keys', icon: <KeyOutlined />, label: 'API keys' },
  { key: 'requests', icon: <UnorderedListOutlined />, label: 'Request logs' },
  { key: 'settings', icon: <SettingOutlined />, label: 'Settings' },
];

interface AppLayoutProps {
  page: PageName;
  onNavigate: (page: PageName) => void;
  onSignOut: () => void;
  children: ReactNode;
}

/** Side menu on wide screens, a top menu on phones; sign out in the header. */
export function AppLayout({ page, onNavigate, onSignOut, children }: AppLayoutProps) {
  const screens = Grid.useBreakpoint();
  const wide = screens.md ?? true;
  const menu = (
    <Menu
      mode={wide ? 'inline' : 'horizontal'}
      selectedKeys={[page]}
      items={menuItems}
      onClick={({ key }) => onNavigate(key as PageName)}
      style={wide ? { borderInlineEnd: 0 } : { flex: 1, minWidth: 0, borderBottom: 0 }}
    />
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      {wide ? (
        <Layout.Sider theme="light" width={208} style={{ borderInlineEnd: '1px solid #f0f0f0' }}>
          <div style={{ padding: '18px 24px', fontWeight: 600, fontSize: 18 }}>
            <ApiOutlined /> Sluice
          </div>
          {menu}
        </Layout.Sider>
      ) : null}
      <Layout>
        <Layout.Header style={{ background: '#fff', padding: wide ? '0 24px' : '0 8px', display: 'flex', alignItems: 'center', gap: 8, borderBottom: '1px solid #f0f0f0' }}>
          {wide ? (
            <Typography.Text strong style={{ flex: 1 }}>
              {menuItems.find((item) => item.key === page)?.label}
            </Typography.Text>
          ) : (
            menu
          )}
          <Button icon={<LogoutOutlined />} onClick={onSignOut} aria-label="Sign out">
            {wide ? 'Sign out' : null}
          </Button>
        </Layout.Header>
        <Layout.Content style={{ padding: wide ? 24 : 8 }}>{children}</Layout.Content>
      </Layout>
    </Layout>
  );
}
