import { describe, expect, it } from 'vitest';
import type { ChatResult } from '../../core/chat-result.js';
import { collectStream } from '../../core/collect-stream.js';
import { cachedUsageEvents, replayEvents, thinkingTextToolsEvents } from '../__fixtures__/canonical-stream-fixtures.js';
import { renderOpenAIResponse } from './render-openai-response.js';

describe('renderOpenAIResponse', () => {
  it('renders reasoning, text and tool calls with string arguments', async () => {
    const result = await collectStream(replayEvents(thinkingTextToolsEvents));
    expect(renderOpenAIResponse(result, 'gpt-test', 1_700_000_000)).toMatchInlineSnapshot(`
      {
        "choices": [
          {
            "finish_reason": "tool_calls",
            "index": 0,
            "logprobs": null,
            "message": {
              "content": "Let me check both.",
              "reasoning_content": "The user wants the weather in two cities.",
              "refusal": null,
              "role": "assistant",
              "tool_calls": [
                {
                  "function": {
                    "arguments": "{"city":"Paris"}",
                    "name": "get_weather",
                  },
                  "id": "toolu_paris",
                  "type": "function",
                },
                {
                  "function": {
                    "arguments": "{"city":"Tokyo"}",
                    "name": "get_weather",
                  },
                  "id": "toolu_tokyo",
                  "type": "function",
                },
              ],
            },
          },
        ],
        "created": 1700000000,
        "id": "msg_thinking_tools",
        "model": "gpt-test",
        "object": "chat.completion",
        "usage": {
          "completion_tokens": 64,
          "completion_tokens_details": {
            "reasoning_tokens": 20,
          },
          "prompt_tokens": 120,
          "prompt_tokens_details": {
            "cached_tokens": 0,
          },
          "total_tokens": 184,
        },
      }
    `);
  });

  it('sets content to null when there are only tool calls, and keeps unparsable arguments verbatim', () => {
    const result: ChatResult = {
      id: '',
      content: [{ type: 'tool-call', id: 'call_1', name: 'run', input: '{"broken', rawInput: '{"broken' }],
      finishReason: 'tool-calls',
      usage: { inputTokens: 1, outputTokens: 2, cacheReadTokens: 0, cacheWriteTokens: 0 },
    };
    const body = renderOpenAIResponse(result, 'gpt-test', 1);
    expect(body.id).toMatch(/^chatcmpl-/);
    expect(body.choices[0]?.message.content).toBeNull();
    expect(body.choices[0]?.message.tool_calls?.[0]?.function.arguments).toBe('{"broken');
  });

  it('counts cache reads and writes inside prompt_tokens', async () => {
    const body = renderOpenAIResponse(await collectStream(replayEvents(cachedUsageEvents)), 'gpt-test', 1);
    expect(body.usage).toMatchInlineSnapshot(`
      {
        "completion_tokens": 4,
        "completion_tokens_details": {
          "reasoning_tokens": 0,
        },
        "prompt_tokens": 2310,
        "prompt_tokens_details": {
          "cached_tokens": 2000,
        },
        "total_tokens": 2314,
      }
    `);
    expect(body.choices[0]?.finish_reason).toBe('length');
  });
});
