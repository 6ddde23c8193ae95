import { FunctionCallingConfigMode, GoogleGenAI } from '@google/genai';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { collectStream } from '../../core/collect-stream.js';
import type { StreamEvent } from '../../core/stream-event.js';
import {
  errorMidStreamEvents,
  fragmentedToolEvents,
  replayEvents,
  textOnlyEvents,
  thinkingTextToolsEvents,
} from '../__fixtures__/canonical-stream-fixtures.js';
import { renderGeminiResponse } from './render-gemini-response.js';
import { renderGeminiStream, type GeminiStreamFraming } from './render-gemini-stream.js';

/** The official SDK, with every call answered by our own renderer. */
function clientAnswering(answer: (url: string) => Response): GoogleGenAI {
  // The SDK has no fetch option: answer through a stand-in global fetch for the duration of each test.
  vi.stubGlobal('fetch', async (input: string | URL | Request) => answer(String(input)));
  return new GoogleGenAI({ apiKey: 'test', httpOptions: { baseUrl: 'http://127.0.0.1:1' } });
}
afterEach(() => vi.unstubAllGlobals());

const streamBody = (events: StreamEvent[], framing: GeminiStreamFraming, includeThoughts = false): Response => {
  const encoder = new TextEncoder();
  const iterator = renderGeminiStream(replayEvents(events), { model: 'gemini-test', includeThoughts, framing })[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  return new Response(body, { headers: { 'content-type': framing === 'sse' ? 'text/event-stream' : 'application/json' } });
};

async function streamedChunks(events: StreamEvent[], includeThoughts = false) {
  const client = clientAnswering(() => streamBody(events, 'sse', includeThoughts));
  const chunks = [];
  for await (const chunk of await client.models.generateContentStream({ model: 'gemini-test', contents: 'hi' })) chunks.push(chunk);
  return chunks;
}

describe('official @google/genai SDK reads our Gemini answers', () => {
  it('reads a streamed text answer, its finish reason and usage', async () => {
    const chunks = await streamedChunks(textOnlyEvents);
    expect(chunks.map((chunk) => chunk.text).join('')).toBe('Hello, world!');
    const last = chunks.at(-1)!;
    expect(last.candidates?.[0]?.finishReason).toBe('STOP');
    expect(last.usageMetadata).toMatchObject({ promptTokenCount: 12, candidatesTokenCount: 5, totalTokenCount: 17 });
  });

  it('reads function calls whole, after text, with thoughts only when asked for', async () => {
    const chunks = await streamedChunks(thinkingTextToolsEvents);
    const calls = chunks.flatMap((chunk) => chunk.functionCalls ?? []);
    expect(calls).toEqual([
      { id: 'toolu_paris', name: 'get_weather', args: { city: 'Paris' } },
      { id: 'toolu_tokyo', name: 'get_weather', args: { city: 'Tokyo' } },
    ]);
    const parts = chunks.flatMap((chunk) => chunk.candidates?.[0]?.content?.parts ?? []);
    expect(parts.some((part) => part.thought)).toBe(false);
    // The reasoning's signature goes out on the first call, where Gemini clients keep it for the next turn.
    expect(parts.filter((part) => part.functionCall).map((part) => part.thoughtSignature)).toEqual(['c2lnbmF0dXJl', undefined]);
    expect(chunks.at(-1)?.usageMetadata).toMatchObject({ thoughtsTokenCount: 20, candidatesTokenCount: 44, totalTokenCount: 184 });
    const withThoughts = await streamedChunks(thinkingTextToolsEvents, true);
    const thoughts = withThoughts.flatMap((chunk) => chunk.candidates?.[0]?.content?.parts ?? []).filter((part) => part.thought);
    expect(thoughts.map((part) => part.text).join('')).toBe('The user wants the weather in two cities.');
  });

  it('reads arguments that arrived in fragments as one object', async () => {
    const chunks = await streamedChunks(fragmentedToolEvents);
    expect(chunks.flatMap((chunk) => chunk.functionCalls ?? [])[0]?.args).toEqual({ path: '/tmp/a b.txt', lines: [1, 2, 3] });
  });

  it('raises an error that arrives mid-stream', async () => {
    await expect(streamedChunks(errorMidStreamEvents)).rejects.toThrow(/overloaded|unavailable|upstream/i);
  });

  it('reads a whole answer with function calls', async () => {
    const result = await collectStream(replayEvents(thinkingTextToolsEvents));
    const client = clientAnswering(() => Response.json(renderGeminiResponse(result, { model: 'gemini-test', includeThoughts: false })));
    const response = await client.models.generateContent({
      model: 'gemini-test',
      contents: 'weather?',
      config: { toolConfig: { functionCallingConfig: { mode: FunctionCallingConfigMode.ANY } } },
    });
    expect(response.candidates?.[0]?.content?.parts?.[0]?.text).toBe('Let me check both.');
    expect(response.functionCalls?.map((call) => call.args)).toEqual([{ city: 'Paris' }, { city: 'Tokyo' }]);
    expect(response.usageMetadata?.thoughtsTokenCount).toBe(20);
  });

  it('writes the JSON-array stream as one valid JSON document', async () => {
    const text = await streamBody(thinkingTextToolsEvents, 'json-array').text();
    const items = JSON.parse(text) as Array<{ candidates: Array<{ finishReason?: string }> }>;
    expect(items.at(-1)?.candidates[0]?.finishReason).toBe('STOP');
    expect(JSON.parse(await streamBody([], 'json-array').text())).toEqual([{ candidates: [{ content: { role: 'model', parts: [{ text: '' }] }, finishReason: 'STOP', index: 0 }], usageMetadata: { promptTokenCount: 0, candidatesTokenCount: 0, totalTokenCount: 0 }, modelVersion: 'gemini-test', responseId: expect.any(String) }]);
  });
});
