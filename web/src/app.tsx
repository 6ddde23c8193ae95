import { App as AntApp, ConfigProvider, Spin } from 'antd';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { createAdminClient } from './api/admin-client';
import { adminKeyStore } from './api/admin-key-store';
import { AdminSessionProvider, type AdminSession } from './auth/admin-session';
import { SignInPage } from './auth/sign-in-page';
import { AppLayout } from './layout/app-layout';
import { usePage, type PageName } from './navigation/use-page';

const DashboardPage = lazy(() => import('./pages/dashboard/dashboard-page').then((module) => ({ default: module.DashboardPage })));
const AccountsPage = lazy(() => import('./pages/accounts/accounts-page').then((module) => ({ default: module.AccountsPage })));
const ApiKeysPage = lazy(() => import('./pages/api-keys/api-keys-page').then((module) => ({ default: module.ApiKeysPage })));
const RequestsPage = lazy(() => import('./pages/requests/requests-page').then((module) => ({ default: module.RequestsPage })));
const SettingsPage = lazy(() => import('./pages/settings/settings-page').then((module) => ({ default: module.SettingsPage })));

function PageContent({ page }: { page: PageName }) {
  switch (page) {
    case 'dashboard':
      return <DashboardPage />;
    case 'accounts':
      return <AccountsPage />;
    case 'api-keys':
      return <ApiKeysPage />;
    case 'requests':
      return <RequestsPage />;
    case 'settings':
      return <SettingsPage />;
    default: {
      const unreachable: never = page;
      return unreachable;
    }
  }
}

/** Signs in with an admin key (kept in localStorage) and shows the admin pages. */
export function App() {
  const [adminKey, setAdminKey] = useState<string | null>(() => adminKeyStore.load());
  const [notice, setNotice] = useState<string | null>(null);
  const [page, navigate] = usePage();

  const signOut = useCallback((reason?: string) => {
    adminKeyStore.clear();
    setNotice(reason ?? null);
    setAdminKey(null);
  }, []);

  const session = useMemo<AdminSession | null>(() => {
    if (!adminKey) return null;
    const client = createAdminClient({
      adminKey,
      onUnauthorized: () => signOut('Your admin key is no longer accepted. Sign in again.'),
    });
    return { client, signOut: () => signOut() };
  }, [adminKey, signOut]);

  return (
    <ConfigProvider theme={{ token: { colorPrimary: '#1677ff', borderRadius: 6 } }}>
      <AntApp>
        {session ? (
          <AdminSessionProvider session={session}>
            <AppLayout page={page} onNavigate={navigate} onSignOut={session.signOut}>
              <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>
                <PageContent page={page} />
              </Suspense>
            </AppLayout>
          </AdminSessionProvider>
        ) : (
          <SignInPage
            notice={notice}
            onSignedIn={(key) => {
              adminKeyStore.save(key);
              setNotice(null);
              setAdminKey(key);
            }}
          />
        )}
      </AntApp>
    </ConfigProvider>
  );
}
