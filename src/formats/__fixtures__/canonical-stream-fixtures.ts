import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import type { StreamEvent } from '../../core/stream-event.js';

/** Canonical event sequences shared by the OpenAI and Anthropic renderer tests. */

export const textOnlyEvents: StreamEvent[] = [
  { type: 'message-start', id: 'msg_text_only', usage: { inputTokens: 12 } },
  { type: 'text-start', id: 'text-0' },
  { type: 'text-delta', id: 'text-0', delta: 'Hello' },
  { type: 'text-delta', id: 'text-0', delta: ', world!' },
  { type: 'text-end', id: 'text-0' },
  { type: 'usage', usage: { inputTokens: 12, outputTokens: 5 } },
  { type: 'finish', reason: 'stop' },
];

export const thinkingTextToolsEvents: StreamEvent[] = [
  { type: 'message-start', id: 'msg_thinking_tools', usage: { inputTokens: 120 } },
  { type: 'reasoning-start', id: 'reasoning-0' },
  { type: 'reasoning-delta', id: 'reasoning-0', delta: 'The user wants the weather ' },
  { type: 'reasoning-delta', id: 'reasoning-0', delta: 'in two cities.' },
  { type: 'reasoning-signature', id: 'reasoning-0', signature: 'c2lnbmF0dXJl' },
  { type: 'reasoning-end', id: 'reasoning-0' },
  { type: 'text-start', id: 'text-1' },
  { type: 'text-delta', id: 'text-1', delta: 'Let me check both.' },
  { type: 'text-end', id: 'text-1' },
  { type: 'tool-input-start', id: 'toolu_paris', name: 'get_weather' },
  { type: 'tool-input-delta', id: 'toolu_paris', delta: '{"city":"Paris"}' },
  { type: 'tool-input-end', id: 'toolu_paris' },
  { type: 'tool-input-start', id: 'toolu_tokyo', name: 'get_weather' },
  { type: 'tool-input-delta', id: 'toolu_tokyo', delta: '{"city":"Tokyo"}' },
  { type: 'tool-input-end', id: 'toolu_tokyo' },
  { type: 'usage', usage: { inputTokens: 120, outputTokens: 64, reasoningTokens: 20 } },
  { type: 'finish', reason: 'tool-calls' },
];

/** Tool calls straight after thinking (no text in between), their inputs streamed interleaved. */
export const thinkingThenInterleavedToolsEvents: StreamEvent[] = [
  { type: 'message-start', id: 'msg_interleaved', usage: { inputTokens: 50 } },
  { type: 'reasoning-start', id: 'reasoning-0' },
  { type: 'reasoning-delta', id: 'reasoning-0', delta: 'Two lookups at once.' },
  { type: 'reasoning-end', id: 'reasoning-0' },
  { type: 'tool-input-start', id: 'call_a', name: 'lookup' },
  { type: 'tool-input-start', id: 'call_b', name: 'lookup' },
  { type: 'tool-input-delta', id: 'call_a', delta: '{"key":' },
  { type: 'tool-input-delta', id: 'call_b', delta: '{"key":' },
  { type: 'tool-input-delta', id: 'call_b', delta: '"b"}' },
  { type: 'tool-input-delta', id: 'call_a', delta: '"a"}' },
  { type: 'tool-input-end', id: 'call_b' },
  { type: 'tool-input-end', id: 'call_a' },
  { type: 'usage', usage: { outputTokens: 22 } },
  { type: 'finish', reason: 'tool-calls' },
];

const fragments = ['{"pa', 'th":', ' "/tmp/', 'a b', '.txt"', ', "lines"', ': [1,', ' 2, 3]', '}'];

export const fragmentedToolEvents: StreamEvent[] = [
  { type: 'message-start', id: 'msg_fragmented', usage: { inputTokens: 40 } },
  { type: 'tool-input-start', id: 'call_read', name: 'read_file' },
  ...fragments.map((delta): StreamEvent => ({ type: 'tool-input-delta', id: 'call_read', delta })),
  { type: 'tool-input-end', id: 'call_read' },
  { type: 'usage', usage: { outputTokens: 30 } },
  { type: 'finish', reason: 'tool-calls' },
];

export const cachedUsageEvents: StreamEvent[] = [
  { type: 'message-start', id: 'msg_cached', usage: { inputTokens: 10, cacheReadTokens: 2000, cacheWriteTokens: 300 } },
  { type: 'text-start', id: 'text-0' },
  { type: 'text-delta', id: 'text-0', delta: 'Cached answer.' },
  { type: 'text-end', id: 'text-0' },
  { type: 'usage', usage: { outputTokens: 4 } },
  { type: 'finish', reason: 'length' },
];

export const errorMidStreamEvents: StreamEvent[] = [
  { type: 'message-start', id: 'msg_error', usage: { inputTokens: 8 } },
  { type: 'text-start', id: 'text-0' },
  { type: 'text-delta', id: 'text-0', delta: 'Partial' },
  { type: 'error', error: new UpstreamUnavailableError('Upstream overloaded.', { upstreamStatus: 529 }) },
];

export async function* replayEvents(events: StreamEvent[]): AsyncIterable<StreamEvent> {
  for (const event of events) yield event;
}

/** Yields the given events, then throws as a broken upstream connection would. */
export async function* replayThenThrow(events: StreamEvent[], error: Error): AsyncIterable<StreamEvent> {
  for (const event of events) yield event;
  throw error;
}
