import { describe, expect, it } from 'vitest';
import { anthropicUsageFromPayload } from './anthropic-usage-from-payload.js';

describe('Anthropic usage', () => {
  it('reads cache writes split by time to live from JSON answers and message_start events', () => {
    const usage = {
      input_tokens: 10,
      output_tokens: 2,
      cache_creation_input_tokens: 3000,
      cache_read_input_tokens: 0,
      cache_creation: { ephemeral_5m_input_tokens: 1000, ephemeral_1h_input_tokens: 2000 },
    };
    const expected = { inputTokens: 10, outputTokens: 2, cacheReadTokens: 0, cacheWriteTokens: 3000, cacheWrite5mTokens: 1000, cacheWrite1hTokens: 2000 };
    expect(anthropicUsageFromPayload({ type: 'message', usage })).toEqual(expected);
    expect(anthropicUsageFromPayload({ type: 'message_start', message: { usage } })).toEqual(expected);
    expect(anthropicUsageFromPayload({ type: 'message', usage: { input_tokens: 1, cache_creation_input_tokens: 5 } })).toEqual({ inputTokens: 1, cacheWriteTokens: 5 });
  });
});
