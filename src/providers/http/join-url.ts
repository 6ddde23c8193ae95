/** Joins a configured base URL (trailing slashes ignored) with an API path and an optional query string. */
export function joinUrl(baseUrl: string, path: string, query?: string): string {
  const base = baseUrl.replace(/\/+$/, '');
  const suffix = path.startsWith('/') ? path : `/${path}`;
  return `${base}${suffix}${query ? `?${query.replace(/^\?/, '')}` : ''}`;
}
