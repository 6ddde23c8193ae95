import type { AccountRecord } from '../../../accounts/account-record.js';
import { AuthenticationError } from '../../../core/errors/authentication-error.js';
import { parseAnthropicMessagesRequest } from '../../../formats/anthropic/parse-anthropic-messages-request.js';
import { accountCallContext } from '../../../gateway/account-call-context.js';
import type { Gateway } from '../../../gateway/create-gateway.js';
import { resolveUpstreamModel } from '../../../gateway/resolve-model.js';
import { accountAvailability } from '../../../pool/account-availability.js';
import { countTokens } from '../../../tokens/count-tokens.js';
import type { App } from '../../app-env.js';
import { readJsonObject } from './read-json-body.js';
import { requestHeaders } from '../../request-headers.js';

/**
 * POST /v1/messages/count_tokens. Asked of an Anthropic-shaped account serving the model when there
 * is one (exact counts, free upstream); otherwise, or when that call fails, counted locally over
 * system, messages, images and tool schemas. Never takes a pool slot or penalises an account.
 */
export function registerCountTokensRoute(app: App, gateway: Gateway, accounts: () => readonly AccountRecord[]): void {
  app.post('/v1/messages/count_tokens', async (context) => {
    if (!context.get('apiKey')) throw new AuthenticationError();
    const body = await readJsonObject(context);
    const { request } = parseAnthropicMessagesRequest(body);
    const { deps } = gateway;
    const upstreamModel = resolveUpstreamModel(request.model, deps.settings().model_mappings);
    const now = Date.now();
    const account = accounts().find((candidate) => {
      const adapter = deps.adapters[candidate.provider];
      return (
        adapter.passthroughFormats?.includes('anthropic-count-tokens') &&
        (adapter.canPassthrough?.('anthropic-count-tokens', upstreamModel) ?? true) &&
        accountAvailability(candidate, { model: upstreamModel, now }).kind === 'available'
      );
    });
    if (account) {
      const logger = context.get('logger');
      try {
        const callContext = { ...accountCallContext(account, { logger, saveCredentials: deps.saveCredentials }, 15_000) };
        callContext.clientHeaders = requestHeaders(context);
        const response = await deps.adapters[account.provider].passthrough!(
          { format: 'anthropic-count-tokens', body: { ...body, model: upstreamModel } },
          account.upstream,
          callContext,
        );
        const counted = (await new Response(response.body).json()) as { input_tokens?: unknown };
        if (typeof counted.input_tokens === 'number') return context.json({ input_tokens: counted.input_tokens });
      } catch (error) {
        logger.info({ accountId: account.id, err: error instanceof Error ? error.message : error }, 'upstream count_tokens failed; counting locally');
      }
    }
    return context.json({ input_tokens: countTokens(request) });
  });
}
