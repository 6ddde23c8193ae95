import { describe, expect, it } from 'vitest';
import { anthropicContentBlockSchema, anthropicDeltaSchema, anthropicStreamEventSchema } from './anthropic-stream-schema.js';
import { readAnthropicContentBlock, readAnthropicDelta, readAnthropicStreamEvent } from './read-anthropic-stream-event.js';

const usages: unknown[] = [
  { input_tokens: 1, output_tokens: 2 },
  { input_tokens: null, cache_read_input_tokens: 4, cache_creation: { ephemeral_5m_input_tokens: 1, ephemeral_1h_input_tokens: null }, credits: 0.5 },
  { cache_creation: null, extra: 'kept' },
  { input_tokens: '1' },
  { cache_creation: { ephemeral_1h_input_tokens: '2' } },
  { cache_creation: [] },
  { credits: 'free' },
  { output_tokens: Infinity },
  [],
  null,
  'usage',
];

const events: unknown[] = [
  ...usages.map((usage) => ({ type: 'message_start', message: { id: 'msg_1', usage } })),
  ...usages.map((usage) => ({ type: 'message_delta', delta: { stop_reason: 'end_turn' }, usage })),
  { type: 'message_start', message: { id: 'msg_1' } },
  { type: 'message_start', message: {} },
  { type: 'message_start', message: { id: 7 } },
  { type: 'message_start', message: null },
  { type: 'message_start' },
  { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
  { type: 'content_block_start', index: 0 },
  { type: 'content_block_start', index: '0', content_block: {} },
  { type: 'content_block_delta', index: 2, delta: 'anything' },
  { type: 'content_block_delta', delta: {} },
  { type: 'content_block_delta', index: 0 },
  { type: 'content_block_stop', index: 1 },
  { type: 'content_block_stop', index: null },
  { type: 'content_block_stop', index: Infinity },
  { type: 'content_block_delta', index: -Infinity, delta: {} },
  { type: 'message_delta' },
  { type: 'message_delta', delta: { stop_reason: null, stop_sequence: null } },
  { type: 'message_delta', delta: { stop_reason: 3 } },
  { type: 'message_delta', delta: { stop_sequence: [] } },
  { type: 'message_delta', delta: null },
  { type: 'message_delta', delta: 'stop' },
  { type: 'message_stop' },
  { type: 'ping', extra: true },
  { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
  { type: 'error', error: {} },
  { type: 'error', error: { message: 5 } },
  { type: 'error' },
  { type: 'something_new' },
  { type: 7 },
  {},
  [],
  null,
  'message_stop',
];

const blocks: unknown[] = [
  { type: 'text', text: 'a' },
  { type: 'text' },
  { type: 'text', text: null },
  { type: 'thinking', thinking: 'x', signature: 's' },
  { type: 'thinking', signature: 1 },
  { type: 'redacted_thinking', data: 'd' },
  { type: 'redacted_thinking' },
  { type: 'tool_use', id: 't', name: 'f', input: {} },
  { type: 'tool_use', id: 't' },
  { type: 'server_tool_use', id: 's', name: 'web_search' },
  { type: 'server_tool_use', id: 's', name: 5 },
  { type: 'web_search_tool_result', content: [] },
  [],
  null,
  undefined,
];

const deltas: unknown[] = [
  { type: 'text_delta', text: 'a' },
  { type: 'text_delta' },
  { type: 'thinking_delta', thinking: 't' },
  { type: 'thinking_delta', thinking: null },
  { type: 'signature_delta', signature: 's' },
  { type: 'signature_delta' },
  { type: 'input_json_delta', partial_json: '{"a' },
  { type: 'input_json_delta', partial_json: 1 },
  { type: 'citations_delta', citation: {} },
  null,
  'text_delta',
];

describe('readAnthropicStreamEvent and friends', () => {
  it.each(events.map((event, index) => [`${index}: ${JSON.stringify(event)}`, event]))('accepts %s exactly when the schema does', (_name, event) => {
    const parsed = anthropicStreamEventSchema.safeParse(event);
    const read = readAnthropicStreamEvent(event);
    expect(read !== undefined).toBe(parsed.success);
    if (parsed.success) expect(read).toEqual(parsed.data);
  });

  it.each(blocks.map((block) => [JSON.stringify(block), block]))('accepts the block %s exactly when the schema does', (_name, block) => {
    const parsed = anthropicContentBlockSchema.safeParse(block);
    const read = readAnthropicContentBlock(block);
    expect(read !== undefined).toBe(parsed.success);
    if (parsed.success) expect(read).toEqual(parsed.data);
  });

  it.each(deltas.map((delta) => [JSON.stringify(delta), delta]))('accepts the delta %s exactly when the schema does', (_name, delta) => {
    const parsed = anthropicDeltaSchema.safeParse(delta);
    const read = readAnthropicDelta(delta);
    expect(read !== undefined).toBe(parsed.success);
    if (parsed.success) expect(read).toEqual(parsed.data);
  });

  it('returns the event itself, not a copy', () => {
    const event = { type: 'message_stop', extra: { deep: true } };
    expect(readAnthropicStreamEvent(event)).toBe(event);
  });
});
