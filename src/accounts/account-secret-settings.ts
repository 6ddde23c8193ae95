import { z } from 'zod';
import type { SecretBox } from '../crypto/secret-box.js';
import { maskProxyUrl } from './mask-proxy-url.js';

/** What the admin API shows in place of a custom header value (and of a proxy password). */
export const maskedValue = '***';

/**
 * The secret parts of an account's settings: the proxy URL (its password) and the custom header
 * values. They are sealed together into `settings.sealed`; the plain columns keep only masked copies
 * (`proxy_url` with `***` as password, `settings.headers` with `***` values), safe to show and log.
 */
export interface AccountSecretSettings {
  proxy_url?: string;
  headers?: Record<string, string>;
}

const sealedSchema = z.object({ proxy_url: z.string().optional(), headers: z.record(z.string(), z.string()).optional() });
const storedSettingsSchema = z
  .object({ sealed: z.string().optional(), headers: z.record(z.string(), z.string()).optional().catch(undefined) })
  .loose();

export const maskHeaderValues = (headers: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.keys(headers).map((name) => [name, maskedValue]));

/** The stored form: `settings` JSON holding the masked headers and the envelope, and the masked proxy URL. */
export function sealAccountSecretSettings(
  plainSettings: Record<string, unknown>,
  secrets: AccountSecretSettings,
  secretBox: SecretBox,
): { settings: string; proxy_url: string | null } {
  const hasHeaders = secrets.headers !== undefined && Object.keys(secrets.headers).length > 0;
  const hasSecrets = secrets.proxy_url !== undefined || hasHeaders;
  const settings = {
    ...plainSettings,
    ...(hasHeaders && secrets.headers ? { headers: maskHeaderValues(secrets.headers) } : {}),
    ...(hasSecrets ? { sealed: secretBox.seal(JSON.stringify(secrets)) } : {}),
  };
  return { settings: JSON.stringify(settings), proxy_url: secrets.proxy_url === undefined ? null : maskProxyUrl(secrets.proxy_url) };
}

function parseJsonObject(value: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** True for a row written before these secrets were sealed: plaintext proxy URL or header values. */
export function hasPlaintextSecretSettings(row: { settings: string; proxy_url: string | null }): boolean {
  const stored = storedSettingsSchema.safeParse(parseJsonObject(row.settings));
  if (stored.success && stored.data.sealed !== undefined) return false;
  const headers = stored.success ? stored.data.headers : undefined;
  return row.proxy_url !== null || (headers !== undefined && Object.keys(headers).length > 0);
}

/**
 * The real proxy URL and header values of a stored row. A row from before sealing (see
 * `hasPlaintextSecretSettings`) still reads correctly until start-up re-seals it.
 */
export function openAccountSecretSettings(row: { settings: string; proxy_url: string | null }, secretBox: SecretBox): AccountSecretSettings {
  const stored = storedSettingsSchema.safeParse(parseJsonObject(row.settings));
  const sealed = stored.success ? stored.data.sealed : undefined;
  if (sealed === undefined) {
    const headers = stored.success ? stored.data.headers : undefined;
    return dropUndefinedSecrets({ proxy_url: row.proxy_url ?? undefined, headers });
  }
  const opened = sealedSchema.parse(JSON.parse(secretBox.open(sealed)));
  return dropUndefinedSecrets(opened);
}

/** The stored `settings` JSON without the envelope and masked headers: the non-secret part. */
export function plainSettingsOf(settings: string): Record<string, unknown> {
  const { sealed: _sealed, headers: _headers, ...rest } = parseJsonObject(settings);
  return rest;
}

/**
 * A PATCH that sends a masked value back means "keep the stored one": a header whose value is `***`
 * keeps its stored value, a proxy URL whose password is `***` keeps the stored password.
 */
export function restoreMaskedSecretSettings(changes: Record<string, unknown>, stored: AccountSecretSettings): Record<string, unknown> {
  const restored = { ...changes };
  if (typeof changes.headers === 'object' && changes.headers !== null && !Array.isArray(changes.headers)) {
    const storedHeaders = stored.headers ?? {};
    restored.headers = Object.fromEntries(
      Object.entries(changes.headers as Record<string, unknown>).map(([name, value]) => [
        name,
        value === maskedValue && storedHeaders[name] !== undefined ? storedHeaders[name] : value,
      ]),
    );
  }
  if (typeof changes.proxy_url === 'string' && stored.proxy_url !== undefined) {
    restored.proxy_url = restoreProxyPassword(changes.proxy_url, stored.proxy_url);
  }
  return restored;
}

function restoreProxyPassword(sent: string, stored: string): string {
  try {
    const url = new URL(sent);
    if (url.password !== maskedValue) return sent;
    const storedPassword = new URL(stored).password;
    if (!storedPassword) return sent;
    url.password = storedPassword;
    return url.toString();
  } catch {
    return sent;
  }
}

function dropUndefinedSecrets(secrets: AccountSecretSettings): AccountSecretSettings {
  return {
    ...(secrets.proxy_url !== undefined ? { proxy_url: secrets.proxy_url } : {}),
    ...(secrets.headers !== undefined ? { headers: secrets.headers } : {}),
  };
}
