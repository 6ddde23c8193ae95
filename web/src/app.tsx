import { Spin } from 'antd';
import { lazy, Suspense, useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { adminKeyStore } from './api/admin-key-store';
import { createSluiceApi } from './api/sluice-api';
import { AdminSessionProvider, type AdminSession, type SessionRole } from './auth/admin-session';
import { SignInPage } from './auth/sign-in-page';
import { AppLayout } from './layout/app-layout';
import { usePage, type PageName } from './navigation/use-page';
import { PreferencesProvider } from './preferences/preferences';

const DashboardPage = lazy(() => import('./pages/dashboard/dashboard-page').then((module) => ({ default: module.DashboardPage })));
const AccountsPage = lazy(() => import('./pages/accounts/accounts-page').then((module) => ({ default: module.AccountsPage })));
const ApiKeysPage = lazy(() => import('./pages/api-keys/api-keys-page').then((module) => ({ default: module.ApiKeysPage })));
const RequestsPage = lazy(() => import('./pages/requests/requests-page').then((module) => ({ default: module.RequestsPage })));
const AuditPage = lazy(() => import('./pages/audit/audit-page').then((module) => ({ default: module.AuditPage })));
const SettingsPage = lazy(() => import('./pages/settings/settings-page').then((module) => ({ default: module.SettingsPage })));
const MyKeyPage = lazy(() => import('./pages/my-key/my-key-page').then((module) => ({ default: module.MyKeyPage })));

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
    case 'audit':
      return <AuditPage />;
    case 'settings':
      return <SettingsPage />;
    default: {
      const unreachable: never = page;
      return unreachable;
    }
  }
}

function SignedInApp() {
  const { t } = useTranslation();
  const [stored, setStored] = useState(() => adminKeyStore.load());
  const [notice, setNotice] = useState<string | null>(null);
  const [page, navigate] = usePage();

  const signOut = useCallback(
    (reason?: string) => {
      adminKeyStore.clear();
      setNotice(reason ?? null);
      setStored(null);
    },
    [],
  );

  const session = useMemo<AdminSession | null>(() => {
    if (!stored) return null;
    const api = createSluiceApi({ apiKey: stored.key, onUnauthorized: () => signOut(t('signIn.noLongerAccepted')) });
    return { api, role: stored.role, signOut: () => signOut() };
    // The notice text follows the language at the time of the sign-out; the client need not be rebuilt.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stored, signOut]);

  if (!session) {
    return (
      <SignInPage
        notice={notice}
        onSignedIn={(key: string, role: SessionRole) => {
          adminKeyStore.save(key, role);
          setNotice(null);
          setStored({ key, role });
        }}
      />
    );
  }
  const fallback = <Spin style={{ display: 'block', margin: 48 }} />;
  return (
    <AdminSessionProvider session={session}>
      <AppLayout page={page} role={session.role} onNavigate={navigate} onSignOut={session.signOut}>
        <Suspense fallback={fallback}>{session.role === 'admin' ? <PageContent page={page} /> : <MyKeyPage />}</Suspense>
      </AppLayout>
    </AdminSessionProvider>
  );
}

/** Signs in with a key (kept in localStorage): admin keys get the admin pages, other keys their own page. */
export function App() {
  return (
    <PreferencesProvider>
      <SignedInApp />
    </PreferencesProvider>
  );
}
