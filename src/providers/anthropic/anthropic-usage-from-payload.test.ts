import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { anthropicUsageFromPayload } from './anthropic-usage-from-payload.js';
import { anthropicUsageSchema } from './anthropic-stream-schema.js';

/** The rule as a schema: what the hand-written checks must agree with. */
const payloadSchema = z
  .object({ type: z.string().optional(), usage: anthropicUsageSchema.nullish(), message: z.object({ usage: anthropicUsageSchema.nullish() }).loose().optional() })
  .loose();
const bySchema = (json: unknown) => {
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return 'refused';
  return (parsed.data.type === 'message_start' ? parsed.data.message?.usage : parsed.data.usage) ? 'usage' : 'none';
};

const usage = { input_tokens: 12, output_tokens: 3, cache_read_input_tokens: 5, cache_creation: { ephemeral_5m_input_tokens: 2 } };

describe('anthropicUsageFromPayload', () => {
  it('reads message_start, message_delta and a whole message', () => {
    expect(anthropicUsageFromPayload({ type: 'message_start', message: { id: 'm', usage } })).toMatchObject({ inputTokens: 12, outputTokens: 3, cacheReadTokens: 5 });
    expect(anthropicUsageFromPayload({ type: 'message_delta', delta: {}, usage: { output_tokens: 9 } })).toMatchObject({ outputTokens: 9 });
    expect(anthropicUsageFromPayload({ type: 'message', id: 'm', content: [], usage })).toMatchObject({ inputTokens: 12 });
    expect(anthropicUsageFromPayload({ type: 'content_block_delta', delta: { type: 'text_delta', text: 'x' } })).toBeUndefined();
  });

  it.each([
    ['no object', []],
    ['null', null],
    ['a number type', { type: 1, usage }],
    ['usage as a string', { type: 'message_delta', usage: 'many' }],
    ['an infinite count', { type: 'message_delta', usage: { output_tokens: Number.POSITIVE_INFINITY } }],
    ['a malformed split', { type: 'message_delta', usage: { output_tokens: 1, cache_creation: { ephemeral_5m_input_tokens: '2' } } }],
    ['message as an array', { type: 'message_start', message: [] }],
    ['a malformed message usage on another event', { type: 'message_delta', usage, message: { usage: { input_tokens: 'x' } } }],
    ['null usage', { type: 'message_delta', usage: null }],
    ['message_start without usage', { type: 'message_start', message: { id: 'm' } }],
    ['no type', { usage }],
  ])('agrees with the schema on %s', (_case, json) => {
    const read = anthropicUsageFromPayload(json) === undefined ? 'not read' : 'usage';
    expect(read).toBe(bySchema(json) === 'usage' ? 'usage' : 'not read');
  });
});
