import { describe, expect, it } from 'vitest';
import {
  errorMidStreamEvents,
  replayEvents,
  replayThenThrow,
  textOnlyEvents,
  thinkingTextToolsEvents,
} from '../__fixtures__/canonical-stream-fixtures.js';
import { collectFrames } from '../__fixtures__/fetch-returning.js';
import { renderOpenAIStream } from './render-openai-stream.js';

const options = { model: 'gpt-test', id: 'chatcmpl-fixed', created: 1_700_000_000 };
const deltas = (frames: string[]) =>
  frames.map((frame) => {
    const data = frame.slice('data: '.length).trim();
    if (data === '[DONE]') return data;
    const parsed = JSON.parse(data) as { choices?: Array<{ delta: unknown; finish_reason: unknown }>; usage?: unknown; error?: unknown };
    if (parsed.error) return { error: parsed.error };
    if (parsed.choices?.length === 0) return { usage: parsed.usage };
    return { delta: parsed.choices?.[0]?.delta, finish: parsed.choices?.[0]?.finish_reason };
  });

describe('renderOpenAIStream', () => {
  it('renders a text stream as complete SSE frames', async () => {
    const frames = await collectFrames(renderOpenAIStream(replayEvents(textOnlyEvents), { ...options, includeUsage: true }));
    expect(frames.every((frame) => frame.startsWith('data: ') && frame.endsWith('\n\n'))).toBe(true);
    expect(frames.join('')).toMatchInlineSnapshot(`
      "data: {"id":"chatcmpl-fixed","object":"chat.completion.chunk","created":1700000000,"model":"gpt-test","choices":[{"index":0,"delta":{"role":"assistant","content":""},"logprobs":null,"finish_reason":null}],"usage":null}

      data: {"id":"chatcmpl-fixed","object":"chat.completion.chunk","created":1700000000,"model":"gpt-test","choices":[{"index":0,"delta":{"content":"Hello"},"logprobs":null,"finish_reason":null}],"usage":null}

      data: {"id":"chatcmpl-fixed","object":"chat.completion.chunk","created":1700000000,"model":"gpt-test","choices":[{"index":0,"delta":{"content":", world!"},"logprobs":null,"finish_reason":null}],"usage":null}

      data: {"id":"chatcmpl-fixed","object":"chat.completion.chunk","created":1700000000,"model":"gpt-test","choices":[{"index":0,"delta":{},"logprobs":null,"finish_reason":"stop"}],"usage":null}

      data: {"id":"chatcmpl-fixed","object":"chat.completion.chunk","created":1700000000,"model":"gpt-test","choices":[],"usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17,"prompt_tokens_details":{"cached_tokens":0},"completion_tokens_details":{"reasoning_tokens":0}}}

      data: [DONE]

      "
    `);
  });

  it('renders every chunk byte for byte as JSON.stringify of the whole chunk, with or without the usage field', async () => {
    for (const includeUsage of [false, true]) {
      const frames = await collectFrames(renderOpenAIStream(replayEvents(thinkingTextToolsEvents), { ...options, model: 'a "quoted"\\model', includeUsage }));
      for (const frame of frames) {
        const data = frame.slice('data: '.length, -2);
        if (data !== '[DONE]') expect(data).toBe(JSON.stringify(JSON.parse(data)));
      }
      const first = JSON.parse(frames[0]!.slice('data: '.length)) as Record<string, unknown>;
      expect(Object.keys(first)).toEqual(includeUsage ? ['id', 'object', 'created', 'model', 'choices', 'usage'] : ['id', 'object', 'created', 'model', 'choices']);
      expect(first.model).toBe('a "quoted"\\model');
    }
  });

  it('counts tool_calls[].index per tool call, not per block', async () => {
    const frames = await collectFrames(renderOpenAIStream(replayEvents(thinkingTextToolsEvents), { ...options, includeUsage: false }));
    expect(deltas(frames)).toMatchInlineSnapshot(`
      [
        {
          "delta": {
            "content": "",
            "role": "assistant",
          },
          "finish": null,
        },
        {
          "delta": {
            "reasoning_content": "The user wants the weather ",
          },
          "finish": null,
        },
        {
          "delta": {
            "reasoning_content": "in two cities.",
          },
          "finish": null,
        },
        {
          "delta": {
            "content": "Let me check both.",
          },
          "finish": null,
        },
        {
          "delta": {
            "tool_calls": [
              {
                "function": {
                  "arguments": "",
                  "name": "get_weather",
                },
                "id": "toolu_paris",
                "index": 0,
                "type": "function",
              },
            ],
          },
          "finish": null,
        },
        {
          "delta": {
            "tool_calls": [
              {
                "function": {
                  "arguments": "{"city":"Paris"}",
                },
                "index": 0,
              },
            ],
          },
          "finish": null,
        },
        {
          "delta": {
            "tool_calls": [
              {
                "function": {
                  "arguments": "",
                  "name": "get_weather",
                },
                "id": "toolu_tokyo",
                "index": 1,
                "type": "function",
              },
            ],
          },
          "finish": null,
        },
        {
          "delta": {
            "tool_calls": [
              {
                "function": {
                  "arguments": "{"city":"Tokyo"}",
                },
                "index": 1,
              },
            ],
          },
          "finish": null,
        },
        {
          "delta": {},
          "finish": "tool_calls",
        },
        "[DONE]",
      ]
    `);
  });

  it('ends with an error frame and [DONE] on an error event', async () => {
    const frames = await collectFrames(renderOpenAIStream(replayEvents(errorMidStreamEvents), { ...options, includeUsage: true }));
    expect(deltas(frames)).toMatchInlineSnapshot(`
      [
        {
          "delta": {
            "content": "",
            "role": "assistant",
          },
          "finish": null,
        },
        {
          "delta": {
            "content": "Partial",
          },
          "finish": null,
        },
        {
          "error": {
            "code": "upstream_unavailable",
            "message": "Upstream overloaded.",
            "param": null,
            "type": "server_error",
          },
        },
        "[DONE]",
      ]
    `);
  });

  it('ends with an error frame and [DONE] when the source throws', async () => {
    const source = replayThenThrow(textOnlyEvents.slice(0, 2), new Error('secret internal detail'));
    const frames = await collectFrames(renderOpenAIStream(source, { ...options, includeUsage: false }));
    expect(frames.join('')).not.toContain('secret internal detail');
    expect(deltas(frames).slice(-2)).toMatchInlineSnapshot(`
      [
        {
          "error": {
            "code": "internal",
            "message": "The upstream stream failed unexpectedly.",
            "param": null,
            "type": "server_error",
          },
        },
        "[DONE]",
      ]
    `);
  });

  it('still opens and finishes an empty stream', async () => {
    const frames = await collectFrames(renderOpenAIStream(replayEvents([]), { ...options, includeUsage: false }));
    expect(deltas(frames)).toMatchInlineSnapshot(`
      [
        {
          "delta": {
            "content": "",
            "role": "assistant",
          },
          "finish": null,
        },
        {
          "delta": {},
          "finish": "stop",
        },
        "[DONE]",
      ]
    `);
  });
});
