import { randomUUID } from 'node:crypto';
import type { ChatRequest } from '../../core/chat-request.js';
import { isGatewayError } from '../../core/errors/gateway-error.js';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { decodeAwsEventStream } from '../../streaming/aws-event-stream-decoder.js';
import { countTokens } from '../../tokens/count-tokens.js';
import { enforceStreamContract } from '../http/enforce-stream-contract.js';
import type { Balance, ProviderAdapter, ProviderCallContext } from '../provider-adapter.js';
import type { UpstreamAccount } from '../upstream-account.js';
import { AmazonQEventMapper } from './amazonq-event-mapper.js';
import { amazonQFlavours, type AmazonQFlavour } from './amazonq-flavour.js';
import { buildChatHeaders, refreshUserAgentOf } from './build-request-headers.js';
import { buildAmazonQRequest } from './build-request.js';
import { callWithTokenRetry } from './call-with-token-retry.js';
import { estimateInputTokensByCharacters } from './estimate-tokens.js';
import { fetchUsageLimits } from './fetch-usage-limits.js';
import { listAvailableModels } from './list-available-models.js';
import { amazonQContextWindow, mapAmazonQModelId } from './map-amazonq-model-id.js';
import { resolveAmazonQEndpoints, type AmazonQEndpoints } from './resolve-amazonq-endpoints.js';
import { ToolNameMap } from './shorten-tool-name.js';
import { isThinkingRequested } from './thinking-prefix.js';
import { AmazonQTokenManager, type TokenRequestContext } from './token-manager.js';

export interface AmazonQAdapterOptions {
  /** Shared between the amazonq and kiro adapters so an account's tokens live in one place. */
  tokens?: AmazonQTokenManager;
}

/** One adapter for both flavours of the CodeWhisperer streaming service: Q CLI (`amazonq`) and Kiro (`kiro`). */
export function createAmazonQAdapter(provider: 'amazonq' | 'kiro', options: AmazonQAdapterOptions = {}): ProviderAdapter {
  const shared: AdapterState = {
    flavour: amazonQFlavours[provider],
    tokens: options.tokens ?? new AmazonQTokenManager(),
    quotaResets: new Map(),
  };
  return {
    provider,
    stream: (request, upstreamModel, account, context) =>
      enforceStreamContract(streamAnswer(shared, request, upstreamModel, account, context), context.signal),
    fetchBalance: (account, context) => fetchBalance(shared, account, context),
    listModels: (account, context) => {
      const endpoints = resolveAmazonQEndpoints(account);
      return listAvailableModels({
        account,
        endpoints,
        flavour: shared.flavour,
        tokens: shared.tokens,
        tokenContext: tokenContextOf(account, shared.flavour, context),
        dispatcher: context.dispatcher,
        signal: context.signal,
        profileArn: () => profileArnOf(account, endpoints, shared.tokens, shared.flavour),
      });
    },
  };
}

interface AdapterState {
  flavour: AmazonQFlavour;
  tokens: AmazonQTokenManager;
  /** Quota reset times learnt from GetUsageLimits, per account (bounded by the number of accounts). */
  quotaResets: Map<string, number>;
}

async function* streamAnswer(
  { flavour, tokens, quotaResets }: AdapterState,
  request: ChatRequest,
  upstreamModel: string,
  account: UpstreamAccount,
  context: ProviderCallContext,
): AsyncGenerator<StreamEvent> {
  const endpoints = resolveAmazonQEndpoints(account);
  const modelId = mapAmazonQModelId(upstreamModel);
  const toolNames = new ToolNameMap();
  const tokenContext = tokenContextOf(account, flavour, context);
  const warningsBefore = context.warnings.length;
  const knownReset = quotaResets.get(account.id);
  const response = await callWithTokenRetry({
    account,
    endpoints,
    tokens,
    tokenContext,
    quotaResetAt: knownReset !== undefined && knownReset > Date.now() ? knownReset : undefined,
    buildRequest: (accessToken) => {
      context.warnings.length = warningsBefore; // a retry rebuilds the body; keep its warnings once
      const body = buildAmazonQRequest(request, {
        flavour,
        modelId,
        profileArn: profileArnOf(account, endpoints, tokens, flavour),
        sessionId: context.sessionId,
        toolNames,
        warnings: context.warnings,
      });
      return {
        url: `${endpoints.baseUrl}${flavour.chatPath}`,
        method: 'POST',
        headers: buildChatHeaders(account, flavour, accessToken),
        body: JSON.stringify(body),
        dispatcher: context.dispatcher,
        signal: context.signal,
      };
    },
  });
  const mapper = new AmazonQEventMapper({
    thinking: isThinkingRequested(request.reasoning),
    toolNames,
    contextWindow: amazonQContextWindow(modelId),
    estimateInputTokens: () => countTokens(request),
  });
  // Q reports context usage only at the end; the start carries a cheap estimate for renderers that need one.
  yield { type: 'message-start', id: `msg_${randomUUID().replace(/-/g, '')}`, usage: { inputTokens: estimateInputTokensByCharacters(request) } };
  try {
    for await (const message of decodeAwsEventStream(response.body)) {
      yield* mapper.handle(message);
      if (mapper.failure) {
        yield* mapper.closeBlocks();
        yield { type: 'usage', usage: mapper.usage() };
        yield { type: 'error', error: mapper.failure };
        return;
      }
    }
  } catch (error) {
    if (context.signal.aborted) throw error;
    yield* mapper.closeBlocks();
    yield { type: 'usage', usage: mapper.usage() };
    yield {
      type: 'error',
      error: isGatewayError(error) ? error : new UpstreamUnavailableError(`Amazon Q stream failed: ${(error as Error).message}`, { cause: error }),
    };
    return;
  } finally {
    if (!response.body.destroyed) response.body.destroy();
  }
  yield* mapper.finish();
}

async function fetchBalance({ flavour, tokens, quotaResets }: AdapterState, account: UpstreamAccount, context: ProviderCallContext): Promise<Balance | null> {
  const endpoints = resolveAmazonQEndpoints(account);
  const balance = await fetchUsageLimits({
    account,
    endpoints,
    flavour,
    tokens,
    tokenContext: tokenContextOf(account, flavour, context),
    dispatcher: context.dispatcher,
    signal: context.signal,
    profileArn: () => profileArnOf(account, endpoints, tokens, flavour),
  });
  if (balance.resetAt) quotaResets.set(account.id, balance.resetAt);
  return balance;
}

/** Social Kiro accounts send their profile ARN; Builder ID accounts must not; Q CLI accounts only when configured. */
function profileArnOf(account: UpstreamAccount, endpoints: AmazonQEndpoints, tokens: AmazonQTokenManager, flavour: AmazonQFlavour): string | undefined {
  if (flavour.provider === 'amazonq') return account.settings.profile_arn || undefined;
  if (endpoints.authMethod !== 'social') return undefined;
  return account.settings.profile_arn || tokens.profileArn(account.id);
}

function tokenContextOf(account: UpstreamAccount, flavour: AmazonQFlavour, context: ProviderCallContext): TokenRequestContext {
  return {
    dispatcher: context.dispatcher,
    logger: context.logger,
    userAgent: refreshUserAgentOf(account, flavour),
    saveCredentials: (update) => context.saveCredentials(update),
  };
}
