import { useCallback, useEffect, useState } from 'react';

export const pageNames = ['dashboard', 'accounts', 'api-keys', 'requests', 'audit', 'settings'] as const;
export type PageName = (typeof pageNames)[number];

const base = import.meta.env.BASE_URL.replace(/\/+$/, '');

/** Maps a location path under the app's base to a page; unknown paths show the dashboard. */
export function pageFromPath(pathname: string): PageName {
  const rest = pathname.startsWith(base) ? pathname.slice(base.length) : pathname;
  const first = rest.replace(/^\/+/, '').split('/')[0] ?? '';
  return (pageNames as readonly string[]).includes(first) ? (first as PageName) : 'dashboard';
}

export function pathForPage(page: PageName): string {
  return page === 'dashboard' ? `${base}/` : `${base}/${page}`;
}

/** A tiny history-based router: the server falls back to index.html for every page path. */
export function usePage(): [PageName, (page: PageName) => void] {
  const [page, setPage] = useState<PageName>(() => pageFromPath(window.location.pathname));
  useEffect(() => {
    const onPopState = () => setPage(pageFromPath(window.location.pathname));
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);
  const navigate = useCallback((next: PageName) => {
    if (pathForPage(next) !== window.location.pathname) window.history.pushState(null, '', pathForPage(next));
    setPage(next);
  }, []);
  return [page, navigate];
}
