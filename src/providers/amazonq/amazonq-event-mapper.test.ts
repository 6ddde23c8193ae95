import { fromUtf8 } from '@smithy/util-utf8';
import { describe, expect, it } from 'vitest';
import type { StreamEvent } from '../../core/stream-event.js';
import type { AwsEventStreamMessage } from '../../streaming/aws-event-stream-decoder.js';
import { AmazonQEventMapper, type AmazonQEventMapperOptions } from './amazonq-event-mapper.js';
import { ToolNameMap } from './shorten-tool-name.js';

const event = (eventType: string, payload: unknown): AwsEventStreamMessage => ({
  headers: { ':event-type': eventType, ':content-type': 'application/json', ':message-type': 'event' },
  body: fromUtf8(JSON.stringify(payload)),
});

function run(messages: AwsEventStreamMessage[], options: Partial<AmazonQEventMapperOptions> = {}) {
  const mapper = new AmazonQEventMapper({ thinking: false, toolNames: new ToolNameMap(), contextWindow: 200_000, estimateInputTokens: () => 42, ...options });
  const events: StreamEvent[] = [];
  for (const message of messages) events.push(...mapper.handle(message));
  if (!mapper.failure) events.push(...mapper.finish());
  return { events, mapper };
}

describe('AmazonQEventMapper', () => {
  it('maps text deltas into one text block', () => {
    const { events } = run([event('assistantResponseEvent', { content: 'A' }), event('assistantResponseEvent', { content: 'B' })]);
    expect(events.slice(0, 4)).toEqual([
      { type: 'text-start', id: 'text-1' },
      { type: 'text-delta', id: 'text-1', delta: 'A' },
      { type: 'text-delta', id: 'text-1', delta: 'B' },
      { type: 'text-end', id: 'text-1' },
    ]);
  });

  it('ignores unknown events and malformed payloads', () => {
    const { events } = run([
      event('followupPromptEvent', { followupPrompt: { content: 'x' } }),
      event('initial-response', { conversationId: 'c' }),
      { headers: { ':event-type': 'assistantResponseEvent', ':message-type': 'event' }, body: fromUtf8('not json') },
      event('assistantResponseEvent', { content: 'ok' }),
    ]);
    expect(events.filter((item) => item.type === 'text-delta')).toEqual([{ type: 'text-delta', id: 'text-1', delta: 'ok' }]);
  });

  it('accepts payloads wrapped in their event name', () => {
    const { events } = run([event('assistantResponseEvent', { assistantResponseEvent: { content: 'wrapped' } })]);
    expect(events).toContainEqual({ type: 'text-delta', id: 'text-1', delta: 'wrapped' });
  });

  it('maps tool use fragments, restores shortened names, and opens a new text block after a tool', () => {
    const toolNames = new ToolNameMap();
    const longName = 'z'.repeat(70);
    const short = toolNames.toUpstream(longName);
    const { events } = run(
      [
        event('assistantResponseEvent', { content: 'Before' }),
        event('toolUseEvent', { toolUseId: 't1', name: short }),
        event('toolUseEvent', { toolUseId: 't1', name: short, input: '{"a":' }),
        event('toolUseEvent', { toolUseId: 't1', name: short, input: '1}' }),
        event('toolUseEvent', { toolUseId: 't1', name: short, stop: true }),
        event('toolUseEvent', { toolUseId: 't1', name: short, input: 'late' }),
        event('assistantResponseEvent', { content: 'After' }),
      ],
      { toolNames },
    );
    expect(events.map((item) => item.type)).toEqual([
      'text-start',
      'text-delta',
      'text-end',
      'tool-input-start',
      'tool-input-delta',
      'tool-input-delta',
      'tool-input-end',
      'text-start',
      'text-delta',
      'text-end',
      'usage',
      'finish',
    ]);
    expect(events[3]).toEqual({ type: 'tool-input-start', id: 't1', name: longName });
    expect(events.at(-1)).toEqual({ type: 'finish', reason: 'tool-calls' });
  });

  it('closes a tool left open when the next tool starts or the stream ends', () => {
    const { events } = run([event('toolUseEvent', { toolUseId: 'a', name: 'A', input: '{}' }), event('toolUseEvent', { toolUseId: 'b', name: 'B' })]);
    expect(events.filter((item) => item.type === 'tool-input-end')).toEqual([
      { type: 'tool-input-end', id: 'a' },
      { type: 'tool-input-end', id: 'b' },
    ]);
  });

  it('takes usage from metadataEvent.tokenUsage when present and sums metering credits', () => {
    const { events } = run([
      event('assistantResponseEvent', { content: 'x' }),
      event('meteringEvent', { unit: 'credit', unitPlural: 'credits', usage: 0.1 }),
      event('meteringEvent', { unit: 'credit', unitPlural: 'credits', usage: 0.2 }),
      event('metadataEvent', { tokenUsage: { uncachedInputTokens: 100, outputTokens: 7, cacheReadInputTokens: 50, cacheWriteInputTokens: 5 } }),
      event('contextUsageEvent', { contextUsagePercentage: 10 }),
    ]);
    const usage = events.find((item) => item.type === 'usage');
    expect(usage).toEqual({ type: 'usage', usage: { inputTokens: 100, outputTokens: 7, cacheReadTokens: 50, cacheWriteTokens: 5, credits: expect.closeTo(0.3, 10) } });
  });

  it('derives input tokens from the context usage percentage and the model window', () => {
    const { events } = run([event('contextUsageEvent', { contextUsagePercentage: 5 })], { contextWindow: 1_000_000 });
    expect(events.find((item) => item.type === 'usage')).toMatchObject({ usage: { inputTokens: 50_000, outputTokens: 0 } });
  });

  it('falls back to the local estimate and counts output tokens with the tokenizer', () => {
    const { events } = run([event('assistantResponseEvent', { content: 'Hello world' })]);
    expect(events.find((item) => item.type === 'usage')).toMatchObject({ usage: { inputTokens: 42, outputTokens: 2 } });
  });

  it('turns exception and error frames into a failure', () => {
    const exception = run([
      { headers: { ':message-type': 'exception', ':exception-type': 'ThrottlingException' }, body: fromUtf8('{"message":"slow down"}') },
    ]);
    expect(exception.mapper.failure).toMatchObject({ name: 'UpstreamRateLimitedError' });
    const error = run([{ headers: { ':message-type': 'error', ':error-code': 'InternalFailure', ':error-message': 'broken' }, body: new Uint8Array() }]);
    expect(error.mapper.failure).toMatchObject({ name: 'UpstreamUnavailableError', message: expect.stringContaining('broken') });
  });

  it('splits reasoning only when thinking was requested', () => {
    const messages = [event('assistantResponseEvent', { content: '<thinking>hm</thinking>Yes' })];
    expect(run(messages, { thinking: true }).events.filter((item) => item.type === 'reasoning-delta')).toEqual([
      { type: 'reasoning-delta', id: 'reasoning-1', delta: 'hm' },
    ]);
    expect(run(messages).events.filter((item) => item.type === 'reasoning-delta')).toEqual([]);
  });
});
