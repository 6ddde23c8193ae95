import { describe, expect, it } from 'vitest';
import { chunkSourceOf, responseFromSource, type ChunkSource } from '../../../gateway/chunk-source.js';
import { captureCompletedResponse } from './capture-completed-response.js';

const encoder = new TextEncoder();
const completedEvent = `event: response.completed\ndata: ${JSON.stringify({ type: 'response.completed', response: { id: 'resp_1', status: 'completed', output: [{ type: 'message' }] } })}\n\n`;
const frames = ['event: response.created\ndata: {"type":"response.created"}\n\n', completedEvent.slice(0, 30), completedEvent.slice(30)];

function sourceOf(parts: string[]): ChunkSource {
  let index = 0;
  return {
    pull: async () => (index < parts.length ? { chunks: [encoder.encode(parts[index++]!)], done: index === parts.length } : { chunks: [], done: true }),
    cancel: async () => undefined,
  };
}

/** All the source's text; `atEnd` runs when the last pull resolves, before anything else does. */
async function pullAll(source: ChunkSource, atEnd: () => void): Promise<string> {
  const decoder = new TextDecoder();
  let text = '';
  for (;;) {
    const { chunks, done } = await source.pull();
    for (const chunk of chunks) text += decoder.decode(chunk, { stream: true });
    if (done) {
      atEnd();
      return text;
    }
  }
}

describe('captureCompletedResponse', () => {
  it('watches an answer the server writes directly as it is pulled, and stores it before its last chunk is handed over', async () => {
    const stored: unknown[] = [];
    const original = responseFromSource(sourceOf(frames), { status: 200, headers: { 'content-type': 'text/event-stream' } });
    const captured = captureCompletedResponse(original, async (completed) => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      stored.push(completed);
    });
    const source = chunkSourceOf(captured);
    expect(source).toBeDefined();
    expect(captured.headers.get('content-type')).toBe('text/event-stream');
    let storedAtEnd: unknown[] = [];
    const text = await pullAll(source!, () => (storedAtEnd = [...stored]));
    expect(text).toBe(frames.join(''));
    expect(storedAtEnd).toEqual([{ id: 'resp_1', output: [{ type: 'message' }] }]);
  });

  it('watches an ordinary body through a web stream, JSON or events', async () => {
    const stored: unknown[] = [];
    const json = JSON.stringify({ id: 'resp_2', status: 'completed', output: [] });
    const captured = captureCompletedResponse(new Response(json, { headers: { 'content-type': 'application/json' } }), async (completed) => void stored.push(completed));
    expect(await captured.text()).toBe(json);
    const events = captureCompletedResponse(new Response(frames.join(''), { headers: { 'content-type': 'text/event-stream' } }), async (completed) => void stored.push(completed));
    expect(await events.text()).toBe(frames.join(''));
    expect(stored).toEqual([{ id: 'resp_2', output: [] }, { id: 'resp_1', output: [{ type: 'message' }] }]);
  });

  it('stores nothing for a failed answer or an error status', async () => {
    const stored: unknown[] = [];
    const failed = JSON.stringify({ id: 'resp_3', status: 'failed', output: [] });
    await captureCompletedResponse(new Response(failed, { headers: { 'content-type': 'application/json' } }), async (completed) => void stored.push(completed)).text();
    const refused = new Response('{"error":{}}', { status: 400 });
    expect(captureCompletedResponse(refused, async (completed) => void stored.push(completed))).toBe(refused);
    expect(stored).toEqual([]);
  });
});
