import type { Usage } from '../../core/usage.js';
import type { AnthropicUsage } from './anthropic-stream-schema.js';

/** Anthropic usage → canonical usage; only the fields the upstream reported are set. */
export function mapAnthropicUsage(usage: AnthropicUsage): Partial<Usage> {
  const mapped: Partial<Usage> = {};
  if (typeof usage.input_tokens === 'number') mapped.inputTokens = usage.input_tokens;
  if (typeof usage.output_tokens === 'number') mapped.outputTokens = usage.output_tokens;
  if (typeof usage.cache_read_input_tokens === 'number') mapped.cacheReadTokens = usage.cache_read_input_tokens;
  if (typeof usage.cache_creation_input_tokens === 'number') mapped.cacheWriteTokens = usage.cache_creation_input_tokens;
  const split = usage.cache_creation;
  if (typeof split?.ephemeral_5m_input_tokens === 'number') mapped.cacheWrite5mTokens = split.ephemeral_5m_input_tokens;
  if (typeof split?.ephemeral_1h_input_tokens === 'number') mapped.cacheWrite1hTokens = split.ephemeral_1h_input_tokens;
  if (typeof usage.credits === 'number') mapped.credits = usage.credits;
  return mapped;
}
