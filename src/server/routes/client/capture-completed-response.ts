import { createParser } from 'eventsource-parser';
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

/**
 * Watches a Responses answer on its way to the client (converted or relayed unchanged, streamed or
 * not) and hands the finished response — its id and output items — to `onCompleted` after its last
 * byte. The body ends only once `onCompleted` has settled, so a client that continues with
 * `previous_response_id` straight away finds it stored. Bytes pass unchanged; failed answers are not handed over.
 */
export function captureCompletedResponse(response: Response, onCompleted: (completed: CompletedResponse) => Promise<void>): Response {
  if (!response.ok || !response.body) return response;
  const isEventStream = (response.headers.get('content-type') ?? '').includes('text/event-stream');
  const decoder = new Utf8StreamDecoder();
  let completed: CompletedResponse | undefined;
  let json = '';
  const parser = createParser({
    onEvent(message) {
      if (message.event !== 'response.completed' && message.event !== 'response.incomplete') return;
      completed = asCompleted((tryJson(message.data) as { response?: unknown } | undefined)?.response);
    },
  });
  const watch = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      const text = decoder.write(chunk);
      if (isEventStream) parser.feed(text);
      else if (json.length + text.length <= MAX_JSON_BYTES) json += text;
      controller.enqueue(chunk);
    },
    async flush() {
      if (!isEventStream) completed = asCompleted(tryJson(json));
      if (completed) await onCompleted(completed);
    },
  });
  return new Response(response.body.pipeThrough(watch), { status: response.status, headers: response.headers });
}
