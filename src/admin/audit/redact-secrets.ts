/** What a redacted value is replaced with in the audit log. */
export const redactedValue = '[redacted]';

const secretNames = new Set([
  'key',
  'api_key',
  'apikey',
  'secret',
  'password',
  'credentials',
  'authorization',
  'headers',
  'custom_headers',
  'refresh_token',
  'access_token',
  'id_token',
  'session_token',
  'client_secret',
]);

/** A field that holds a credential: listed names, and any `*_secret`, `*_password` or `*_token` (not `*_tokens`). */
export function isSecretField(name: string): boolean {
  const lower = name.toLowerCase();
  return secretNames.has(lower) || lower.endsWith('_secret') || lower.endsWith('_password') || lower.endsWith('_token') || lower.endsWith('_key');
}

/** `http://user:pass@host` → `http://user:[redacted]@host`, so proxy passwords never reach the log. */
const maskUrlPassword = (text: string): string => text.replace(/(\/\/[^/:@\s]+):[^/@\s]+@/g, `$1:${redactedValue}@`);

/**
 * A deep copy with every credential replaced by `[redacted]`: secrets are never recorded, whatever
 * shape a route's body or answer has. Depth and size are bounded so a huge body cannot bloat the log.
 */
export function redactSecrets(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[truncated]';
  if (typeof value === 'string') return maskUrlPassword(value.length > 2000 ? `${value.slice(0, 2000)}…` : value);
  if (Array.isArray(value)) return value.slice(0, 200).map((item) => redactSecrets(item, depth + 1));
  if (value === null || typeof value !== 'object') return value;
  const copy: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) {
    copy[name] = isSecretField(name) && item !== null && item !== undefined && item !== false ? redactedValue : redactSecrets(item, depth + 1);
  }
  return copy;
}
