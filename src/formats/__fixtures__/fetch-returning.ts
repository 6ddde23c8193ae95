/** A `fetch` for the official SDKs that answers every call with our own rendered output. */

export interface RecordedCall {
  url: string;
  body: unknown;
}

async function* collectText(frames: AsyncIterable<string>): AsyncIterable<Uint8Array> {
  const encoder = new TextEncoder();
  for await (const text of frames) yield encoder.encode(text);
}

function streamOf(frames: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const iterator = collectText(frames)[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(next.value);
    },
  });
}

export function fetchReturningStream(render: () => AsyncIterable<string>, calls: RecordedCall[] = []): typeof fetch {
  return async (input, init) => {
    calls.push({ url: String(input), body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined });
    return new Response(streamOf(render()), { status: 200, headers: { 'content-type': 'text/event-stream' } });
  };
}

export function fetchReturningJson(body: unknown, calls: RecordedCall[] = []): typeof fetch {
  return async (input, init) => {
    calls.push({ url: String(input), body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined });
    return new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

export async function collectFrames(frames: AsyncIterable<string>): Promise<string[]> {
  const collected: string[] = [];
  for await (const frame of frames) collected.push(frame);
  return collected;
}
