import { createParser } from 'eventsource-parser';
import { chunkSourceOf, responseFromSource, type ChunkSource } from '../../../gateway/chunk-source.js';
import { Utf8StreamDecoder } from '../../../streaming/utf8-stream-decoder.js';

const MAX_JSON_BYTES = 32 * 1024 * 1024;

interface CompletedResponse {
  id: string;
  output: unknown[];
}

const asCompleted = (value: unknown): CompletedResponse | undefined => {
  if (typeof value !== 'object' || value === null) return undefined;
  const candidate = value as { id?: unknown; output?: unknown; status?: unknown };
  if (typeof candidate.id !== 'string' || !Array.isArray(candidate.output)) return undefined;
  return candidate.status === 'failed' ? undefined : { id: candidate.id, output: candidate.output };
};

const tryJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** Reads a Responses answer as it passes: each chunk goes to `push`; `finish` names the completed response, if any. */
function watchAnswer(isEventStream: boolean): { push(chunk: Uint8Array): void; finish(): CompletedResponse | undefined } {
  const decoder = new Utf8StreamDecoder();
  let completed: CompletedResponse | undefined;
  let json = '';
  const parser = createParser({
    onEvent(message) {
      if (message.event !== 'response.completed' && message.event !== 'response.incomplete') return;
      completed = asCompleted((tryJson(message.data) as { response?: unknown } | undefined)?.response);
    },
  });
  return {
    push(chunk) {
      const text = decoder.write(chunk);
      if (isEventStream) parser.feed(text);
      else if (json.length + text.length <= MAX_JSON_BYTES) json += text;
    },
    finish: () => (isEventStream ? completed : asCompleted(tryJson(json + decoder.end()))),
  };
}

/**
 * Watches a Responses answer on its way to the client (converted or relayed unchanged, streamed or
 * not) and hands the finished response — its id and output items — to `onCompleted` after its last
 * byte. The body ends only once `onCompleted` has settled, so a client that continues with
 * `previous_response_id` straight away finds it stored. Bytes pass unchanged; failed answers are not handed over.
 * An answer the server writes straight to its socket (a chunk source) stays one: it is watched as it
 * is pulled, with no web stream in between.
 */
export function captureCompletedResponse(response: Response, onCompleted: (completed: CompletedResponse) => Promise<void>): Response {
  if (!response.ok) return response;
  const watcher = watchAnswer((response.headers.get('content-type') ?? '').includes('text/event-stream'));
  const source = chunkSourceOf(response);
  if (source) return responseFromSource(watchSource(source, watcher, onCompleted), { status: response.status, headers: response.headers });
  if (!response.body) return response;
  const watch = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      watcher.push(chunk);
      controller.enqueue(chunk);
    },
    async flush() {
      const completed = watcher.finish();
      if (completed) await onCompleted(completed);
    },
  });
  return new Response(response.body.pipeThrough(watch), { status: response.status, headers: response.headers });
}

function watchSource(source: ChunkSource, watcher: ReturnType<typeof watchAnswer>, onCompleted: (completed: CompletedResponse) => Promise<void>): ChunkSource {
  return {
    async pull() {
      const next = await source.pull();
      for (const chunk of next.chunks) watcher.push(chunk);
      if (next.done) {
        const completed = watcher.finish();
        if (completed) await onCompleted(completed);
      }
      return next;
    },
    cancel: () => source.cancel(),
  };
}
