import { isGatewayError } from '../../core/errors/gateway-error.js';
import { readJsonBody } from '../http/read-json-body.js';
import { requireApiKey } from '../http/require-api-key.js';
import { sendUpstreamRequest } from '../http/send-upstream-request.js';
import type { Balance, ProviderCallContext } from '../provider-adapter.js';
import type { UpstreamAccount } from '../upstream-account.js';
import { detectBalanceProvider, type BalanceProvider } from './detect-balance-provider.js';
import {
  parseDeepSeekBalance,
  parseMoonshotBalance,
  parseOpenRouterCredits,
  parseOpenRouterKey,
  parseSiliconFlowBalance,
} from './parse-compatible-balance.js';

async function getJson(account: UpstreamAccount, context: ProviderCallContext, path: string): Promise<unknown> {
  const response = await sendUpstreamRequest({
    url: `${new URL(account.baseUrl).origin}${path}`,
    method: 'GET',
    headers: { authorization: `Bearer ${requireApiKey(account)}`, accept: 'application/json' },
    account,
    dispatcher: context.dispatcher,
    signal: context.signal,
    headersTimeoutMs: 30_000,
    bodyTimeoutMs: 30_000,
  });
  return readJsonBody(response.body);
}

/**
 * Reads the balance of an OpenAI-compatible account from its service's own endpoint, chosen by the
 * base URL's host (or `provider` when given). Null for services without a known endpoint.
 */
export async function fetchCompatibleBalance(
  account: UpstreamAccount,
  context: ProviderCallContext,
  provider: BalanceProvider | undefined = detectBalanceProvider(account.baseUrl),
): Promise<Balance | null> {
  switch (provider) {
    case undefined:
      return null;
    case 'openrouter':
      try {
        return parseOpenRouterCredits(await getJson(account, context, '/api/v1/credits'));
      } catch (error) {
        // The credits endpoint needs a management key; an ordinary key can still read its own limit.
        if (!isGatewayError(error) || error.kind !== 'credential_invalid') throw error;
        return parseOpenRouterKey(await getJson(account, context, '/api/v1/key'));
      }
    case 'deepseek':
      return parseDeepSeekBalance(await getJson(account, context, '/user/balance'));
    case 'moonshot-cn':
    case 'moonshot-ai':
      return parseMoonshotBalance(await getJson(account, context, '/v1/users/me/balance'), provider === 'moonshot-cn' ? 'CNY' : 'USD');
    case 'siliconflow':
      return parseSiliconFlowBalance(await getJson(account, context, '/v1/user/info'));
    default: {
      const unreachable: never = provider;
      return unreachable;
    }
  }
}
