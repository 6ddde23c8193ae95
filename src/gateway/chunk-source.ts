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

/**
 * A Response over a chunk source whose web stream is made only when something reads the Response
 * itself (a test, a runtime without a socket): the server writes the source directly and never does.
 */
class SourceResponse extends Response {
  #stream: ReadableStream<Uint8Array> | undefined;
  #read: Response | undefined;

  constructor(
    private readonly source: ChunkSource,
    init: ResponseInit,
  ) {
    super(null, init);
  }

  /** An ordinary Response over the same stream, status and headers, for the body-reading methods. */
  #readable(): Response {
    return (this.#read ??= new Response(this.#body(), { status: this.status, statusText: this.statusText, headers: this.headers }));
  }

  #body(): ReadableStream<Uint8Array> {
    return (this.#stream ??= sourceToReadableStream(this.source));
  }

  static {
    // Accessors over Response's own: the stream is made on first use.
    Object.defineProperty(SourceResponse.prototype, 'body', {
      get(this: SourceResponse) {
        return this.#read?.body ?? this.#body();
      },
    });
    Object.defineProperty(SourceResponse.prototype, 'bodyUsed', {
      get(this: SourceResponse) {
        return this.#read?.bodyUsed ?? (this.#stream !== undefined && this.#stream.locked);
      },
    });
    for (const name of ['text', 'json', 'arrayBuffer', 'blob', 'formData', 'clone'] as const) {
      Object.defineProperty(SourceResponse.prototype, name, {
        value(this: SourceResponse) {
          return this.#readable()[name]();
        },
      });
    }
  }
}

/** A Response whose body is the source; the server finds the source again with chunkSourceOf. */
export function responseFromSource(source: ChunkSource, init: ResponseInit): Response {
  const response = new SourceResponse(source, init);
  sources.set(response, source);
  return response;
}

/** The source behind a Response made by responseFromSource, while its web body is still unread. */
export function chunkSourceOf(response: Response): ChunkSource | undefined {
  return sources.get(response);
}
