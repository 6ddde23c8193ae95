/**
 * A streamed answer body as a pull source, so the server can write it straight to its socket
 * without web streams in between: a `ReadableStream`, its reader and the adapter's promise chain
 * cost more per chunk than the chunk itself on a proxy's hot path. The same source also backs an
 * ordinary `ReadableStream` body, used wherever no socket is at hand (`app.request()` in tests).
 */
export interface ChunkSource {
  /**
   * The next bytes. Resolves with at least one chunk unless `done`; nothing follows a `done`.
   * A rejection fails the body: the connection is cut, as with an errored stream.
   */
  pull(): Promise<{ chunks: Uint8Array[]; done: boolean }>;
  /** The client went away before the end: stop reading and release what the body holds. */
  cancel(): Promise<void>;
}

const sources = new WeakMap<Response, ChunkSource>();

/**
 * A web stream over the source, for runtimes and tests that read the Response itself. It pulls
 * only when read (no high-water mark), so a body written directly never has a chunk held here.
 */
export function sourceToReadableStream(source: ChunkSource): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const { chunks, done } = await source.pull();
        for (const chunk of chunks) controller.enqueue(chunk);
        if (done) controller.close();
      },
      cancel: () => source.cancel(),
    },
    { highWaterMark: 0 },
  );
}

/** A Response whose body is the source; the server finds the source again with chunkSourceOf. */
export function responseFromSource(source: ChunkSource, init: ResponseInit): Response {
  const response = new Response(sourceToReadableStream(source), init);
  sources.set(response, source);
  return response;
}

/** The source behind a Response made by responseFromSource, while its web body is still unread. */
export function chunkSourceOf(response: Response): ChunkSource | undefined {
  return sources.get(response);
}
