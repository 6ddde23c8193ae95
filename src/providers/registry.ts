import { createAmpAdapter } from './amp/amp-adapter.js';
import { createAnthropicAdapter } from './anthropic/anthropic-adapter.js';
import { createGeminiAdapter } from './gemini/gemini-adapter.js';
import { createOpenAICompatibleAdapter } from './openai-compatible/openai-compatible-adapter.js';
import { createOpenAIAdapter } from './openai/openai-adapter.js';
import type { ProviderAdapter } from './provider-adapter.js';
import type { ProviderName } from './provider-name.js';
import { InternalError } from '../core/errors/internal-error.js';

export type ProviderRegistry = Record<ProviderName, ProviderAdapter>;

/** Stands in for a provider whose adapter was not registered; every call fails clearly. */
function missingAdapter(provider: ProviderName): ProviderAdapter {
  return {
    provider,
    // Fails on the first read, like any upstream failure.
    stream: async function* () {
      throw new InternalError(`No adapter is registered for provider ${provider}.`);
    },
  };
}

/**
 * Every provider's adapter by name. Adapters built elsewhere (Amazon Q / Kiro) are passed in:
 * `createProviderRegistry({ amazonq: adapter, kiro: adapter })`. `extra` also overrides built-ins.
 */
export function createProviderRegistry(extra: Partial<ProviderRegistry> = {}): ProviderRegistry {
  return {
    amazonq: extra.amazonq ?? missingAdapter('amazonq'),
    kiro: extra.kiro ?? missingAdapter('kiro'),
    anthropic: extra.anthropic ?? createAnthropicAdapter(),
    openai: extra.openai ?? createOpenAIAdapter(),
    'openai-compatible': extra['openai-compatible'] ?? createOpenAICompatibleAdapter(),
    amp: extra.amp ?? createAmpAdapter(),
    gemini: extra.gemini ?? createGeminiAdapter(),
  };
}
