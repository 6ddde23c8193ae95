import { describe, expect, it } from 'vitest';
import type { ChatResult } from '../../core/chat-result.js';
import { collectStream } from '../../core/collect-stream.js';
import { cachedUsageEvents, replayEvents, thinkingTextToolsEvents } from '../__fixtures__/canonical-stream-fixtures.js';
import { renderAnthropicResponse } from './render-anthropic-response.js';

describe('renderAnthropicResponse', () => {
  it('renders thinking with signature, text and tool_use blocks', async () => {
    const result = await collectStream(replayEvents(thinkingTextToolsEvents));
    expect(renderAnthropicResponse(result, 'claude-test')).toMatchInlineSnapshot(`
      {
        "content": [
          {
            "signature": "c2lnbmF0dXJl",
            "thinking": "The user wants the weather in two cities.",
            "type": "thinking",
          },
          {
            "text": "Let me check both.",
            "type": "text",
          },
          {
            "id": "toolu_paris",
            "input": {
              "city": "Paris",
            },
            "name": "get_weather",
            "type": "tool_use",
          },
          {
            "id": "toolu_tokyo",
            "input": {
              "city": "Tokyo",
            },
            "name": "get_weather",
            "type": "tool_use",
          },
        ],
        "id": "msg_thinking_tools",
        "model": "claude-test",
        "role": "assistant",
        "stop_reason": "tool_use",
        "stop_sequence": null,
        "type": "message",
        "usage": {
          "cache_creation_input_tokens": 0,
          "cache_read_input_tokens": 0,
          "input_tokens": 120,
          "output_tokens": 64,
        },
      }
    `);
  });

  it('renders redacted thinking, stop sequences and non-object tool input', () => {
    const result: ChatResult = {
      id: '',
      content: [
        { type: 'redacted-reasoning', data: 'opaque' },
        { type: 'tool-call', id: 'toolu_1', name: 'run', input: '{"broken', rawInput: '{"broken' },
      ],
      finishReason: 'stop-sequence',
      stopSequence: '###',
      usage: { inputTokens: 1, outputTokens: 2, cacheReadTokens: 0, cacheWriteTokens: 0 },
    };
    const body = renderAnthropicResponse(result, 'claude-test');
    expect(body.id).toMatch(/^msg_/);
    expect(body.content).toEqual([
      { type: 'redacted_thinking', data: 'opaque' },
      { type: 'tool_use', id: 'toolu_1', name: 'run', input: { raw: '{"broken' } },
    ]);
    expect(body.stop_reason).toBe('stop_sequence');
    expect(body.stop_sequence).toBe('###');
  });

  it('keeps cache reads and writes apart from input_tokens', async () => {
    const body = renderAnthropicResponse(await collectStream(replayEvents(cachedUsageEvents)), 'claude-test');
    expect(body.usage).toMatchInlineSnapshot(`
      {
        "cache_creation_input_tokens": 300,
        "cache_read_input_tokens": 2000,
        "input_tokens": 10,
        "output_tokens": 4,
      }
    `);
  });
});
