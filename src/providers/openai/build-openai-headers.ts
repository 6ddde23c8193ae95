import type { UpstreamAccount } from '../upstream-account.js';

/** Bearer auth (plus x-api-key where the upstream takes either, as Amp does). Client beta headers are never forwarded. */
export function buildOpenAIHeaders(account: UpstreamAccount, options: { apiKeyHeader?: boolean } = {}): Record<string, string> {
  const apiKey = account.credentials.api_key ?? '';
  const headers: Record<string, string> = { 'content-type': 'application/json', authorization: `Bearer ${apiKey}` };
  if (options.apiKeyHeader) headers['x-api-key'] = apiKey;
  return headers;
}
