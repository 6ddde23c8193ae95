import type { ImportCandidate } from './import-item.js';

/**
 * amq2api's "export all accounts" text (§8.6): one account per line,
 * `type|label|clientId|clientSecret|refreshToken|accessToken|project|api_endpoint`.
 */
export const looksLikeAmq2apiExport = (text: string): boolean =>
  text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'))
    .every((line) => line.split('|').length >= 5);

export function convertAmq2apiExport(source: string, text: string): ImportCandidate[] {
  const candidates: ImportCandidate[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (line.length === 0 || line.startsWith('#')) continue;
    const lineSource = `${source}, line ${index + 1}`;
    const [type = '', label = '', clientId = '', clientSecret = '', refreshToken = '', , , endpoint = ''] = line.split('|').map((field) => field.trim());
    const kind = type.toLowerCase() || 'amazonq';
    if (kind !== 'amazonq' && kind !== 'kiro') {
      candidates.push({ source: lineSource, rejected: `amq2api accounts of type "${type}" are not Amazon Q or Kiro accounts.` });
      continue;
    }
    if (!refreshToken) {
      candidates.push({ source: lineSource, rejected: 'The line has no refresh token.' });
      continue;
    }
    const baseUrl = /^https?:\/\//.test(endpoint) ? endpoint : undefined;
    const hasClient = clientId.length > 0 && clientSecret.length > 0;
    candidates.push({
      source: lineSource,
      input: {
        provider: kind === 'kiro' && !hasClient ? 'kiro' : kind,
        name: label || `amq2api ${index + 1}`,
        refresh_token: refreshToken,
        ...(hasClient ? { client_id: clientId, client_secret: clientSecret } : {}),
        ...(kind === 'kiro' ? { auth_method: hasClient ? 'idc' : 'social' } : {}),
        ...(baseUrl ? { base_url: baseUrl } : {}),
      },
    });
  }
  return candidates;
}
