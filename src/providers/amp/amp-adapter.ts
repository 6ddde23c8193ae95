import type { ChatRequest } from '../../core/chat-request.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { createAnthropicAdapter } from '../anthropic/anthropic-adapter.js';
import { createOpenAIAdapter } from '../openai/openai-adapter.js';
import type { PassthroughFormat, ProviderAdapter, ProviderCallContext } from '../provider-adapter.js';
import type { UpstreamAccount } from '../upstream-account.js';
import { fetchAmpBalance } from './fetch-amp-balance.js';

/** Amp serves Claude models through its Anthropic route and everything else through its OpenAI route. */
export const isAmpAnthropicModel = (model: string): boolean => /claude/i.test(model);

/**
 * Sourcegraph Amp (ampcode.com): the vendors' own APIs under `/api/provider/{anthropic,openai}`,
 * authenticated with the Amp key as both x-api-key and Bearer.
 */
export function createAmpAdapter(): ProviderAdapter & Required<Pick<ProviderAdapter, 'passthrough' | 'fetchBalance'>> {
  const anthropicRoute = createAnthropicAdapter({ provider: 'amp', pathPrefix: '/api/provider/anthropic', bearer: true });
  const openAIRoute = createOpenAIAdapter({ provider: 'amp', flavour: 'openai', pathPrefix: '/api/provider/openai/v1', apiKeyHeader: true });
  const passthroughFormats: readonly PassthroughFormat[] = ['anthropic-messages', 'anthropic-count-tokens', 'openai-chat'];

  function stream(request: ChatRequest, upstreamModel: string, account: UpstreamAccount, context: ProviderCallContext): AsyncIterable<StreamEvent> {
    const route = isAmpAnthropicModel(upstreamModel) ? anthropicRoute : openAIRoute;
    return route.stream(request, upstreamModel, account, context);
  }

  return {
    provider: 'amp',
    stream,
    // Both routes ask for a whole answer unstreamed when the gateway allows it.
    wholeAnswers: true,
    // Each route enforces structured output the way its vendor does.
    supportsResponseFormat: (format, upstreamModel) =>
      (isAmpAnthropicModel(upstreamModel) ? anthropicRoute : openAIRoute).supportsResponseFormat(format, upstreamModel),
    passthroughFormats,
    // Claude models live only on the Anthropic route, everything else only on the OpenAI route.
    canPassthrough: (format, upstreamModel) => (format === 'openai-chat') !== isAmpAnthropicModel(upstreamModel),
    passthrough: (request, account, context) =>
      request.format === 'openai-chat' ? openAIRoute.passthrough(request, account, context) : anthropicRoute.passthrough(request, account, context),
    fetchBalance: (account, context) => fetchAmpBalance(account, context),
  };
}
