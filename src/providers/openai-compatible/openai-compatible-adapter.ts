import { createOpenAIAdapter, type OpenAIShapedAdapter } from '../openai/openai-adapter.js';
import type { Balance } from '../provider-adapter.js';
import { fetchCompatibleBalance } from './fetch-compatible-balance.js';

/** Any server that copies the Chat Completions API (DeepSeek, OpenRouter, Moonshot, vLLM, …). */
export function createOpenAICompatibleAdapter(): OpenAIShapedAdapter & { fetchBalance: NonNullable<OpenAIShapedAdapter['fetchBalance']> } {
  return {
    ...createOpenAIAdapter({ provider: 'openai-compatible', flavour: 'compatible' }),
    fetchBalance: (account, context): Promise<Balance | null> => fetchCompatibleBalance(account, context),
  };
}
