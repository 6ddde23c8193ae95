import { z } from 'zod';
import { CredentialInvalidError } from '../../core/errors/credential-invalid-error.js';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import { joinUrl } from '../http/join-url.js';
import { readJsonBody } from '../http/read-json-body.js';
import { requireApiKey } from '../http/require-api-key.js';
import { sendUpstreamRequest } from '../http/send-upstream-request.js';
import type { Balance, ProviderCallContext } from '../provider-adapter.js';
import type { UpstreamAccount } from '../upstream-account.js';
import { parseAmpBalance } from './parse-amp-balance.js';

const responseSchema = z.union([
  z.object({ ok: z.literal(true), result: z.object({ displayText: z.string() }).loose() }).loose(),
  z.object({ ok: z.literal(false), error: z.object({ code: z.string().optional(), message: z.string().optional() }).loose().optional() }).loose(),
]);

/** Reads an Amp key's balance from `POST /api/internal?userDisplayBalanceInfo` (JSON-RPC style). */
export async function fetchAmpBalance(account: UpstreamAccount, context: ProviderCallContext): Promise<Balance> {
  const response = await sendUpstreamRequest({
    url: joinUrl(account.baseUrl, '/api/internal', 'userDisplayBalanceInfo'),
    method: 'POST',
    headers: { authorization: `Bearer ${requireApiKey(account)}`, 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ method: 'userDisplayBalanceInfo', params: {} }),
    account,
    dispatcher: context.dispatcher,
    signal: context.signal,
    headersTimeoutMs: 30_000,
    bodyTimeoutMs: 30_000,
  });
  const parsed = responseSchema.safeParse(await readJsonBody(response.body));
  if (!parsed.success) throw new UpstreamUnavailableError('Amp balance response has an unexpected shape.');
  if (!parsed.data.ok) {
    const code = parsed.data.error?.code;
    if (code === 'auth-required') throw new CredentialInvalidError('Amp rejected the key (auth-required).', { upstreamCode: code });
    throw new UpstreamUnavailableError(`Amp balance request failed (${code ?? 'unknown'}).`, { upstreamCode: code });
  }
  return parseAmpBalance(parsed.data.result.displayText);
}
