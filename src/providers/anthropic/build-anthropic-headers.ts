import type { UpstreamAccount } from '../upstream-account.js';

export const anthropicVersion = '2023-06-01';

/**
 * Headers for an Anthropic-shaped upstream: the key as x-api-key (plus Bearer where the upstream
 * takes either, as Amp does), anthropic-version, and the client's anthropic-beta and, for
 * passthrough, its own anthropic-version.
 */
export function buildAnthropicHeaders(
  account: UpstreamAccount,
  clientHeaders: Record<string, string>,
  options: { bearer?: boolean; forwardClientVersion?: boolean } = {},
): Record<string, string> {
  const apiKey = account.credentials.api_key ?? '';
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-api-key': apiKey,
    'anthropic-version': (options.forwardClientVersion ? clientHeaders['anthropic-version'] : undefined) ?? anthropicVersion,
  };
  if (options.bearer) headers.authorization = `Bearer ${apiKey}`;
  const beta = clientHeaders['anthropic-beta'];
  if (beta) headers['anthropic-beta'] = beta;
  return headers;
}
