/** The proxy URL with its password (if any) replaced by `***`, safe to return and log. */
export function maskProxyUrl(value: string | null): string | null {
  if (value === null) return null;
  try {
    const url = new URL(value);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return null;
  }
}
