import { createParser } from 'eventsource-parser';
import { emptyUsage, mergeUsage, type Usage } from '../../core/usage.js';
import { anthropicUsageFromPayload } from '../anthropic/anthropic-usage-from-payload.js';
import { openAIUsageFromPayload } from '../openai/openai-usage-from-payload.js';
import type { PassthroughFormat } from '../provider-adapter.js';

export interface UsageTap {
  /** The same bytes, unchanged and undelayed. */
  body: ReadableStream<Uint8Array>;
  /** Settles when the body ends or is cancelled: the last usage seen, or null when none was reported. */
  usage: Promise<Usage | null>;
}

/** JSON bodies larger than this are forwarded without usage extraction. */
const jsonLimit = 8 * 1024 * 1024;

function usageReader(format: PassthroughFormat): (json: unknown) => Partial<Usage> | undefined {
  switch (format) {
    case 'anthropic-messages':
      return anthropicUsageFromPayload;
    case 'openai-chat':
      return openAIUsageFromPayload;
    case 'anthropic-count-tokens':
      return () => undefined;
    default: {
      const unreachable: never = format;
      return unreachable;
    }
  }
}

/**
 * Observes a passthrough response on its way to the client and reports its usage (Anthropic
 * message_start/message_delta, OpenAI usage chunk, or a JSON body's `usage`). SSE is parsed
 * incrementally; JSON is buffered up to a bound only for the observation, never for the client.
 */
export function extractPassthroughUsage(format: PassthroughFormat, body: ReadableStream<Uint8Array>, contentType = ''): UsageTap {
  const readUsage = usageReader(format);
  const isSse = contentType.includes('text/event-stream');
  let usage: Usage | null = null;
  const observe = (text: string) => {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      return;
    }
    const update = readUsage(json);
    if (update && Object.keys(update).length > 0) usage = mergeUsage(usage ?? emptyUsage(), update);
  };
  const parser = createParser({ onEvent: (event) => observe(event.data) });
  const decoder = new TextDecoder();
  const jsonChunks: string[] = [];
  let jsonSize = 0;
  let settle: (value: Usage | null) => void = () => undefined;
  const usagePromise = new Promise<Usage | null>((resolve) => (settle = resolve));
  const finish = () => {
    if (!isSse && jsonSize <= jsonLimit) observe(jsonChunks.join('') + decoder.decode());
    settle(usage);
  };
  const reader = body.getReader();
  const tapped = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let result: Awaited<ReturnType<typeof reader.read>>;
      try {
        result = await reader.read();
      } catch (error) {
        finish();
        controller.error(error);
        return;
      }
      if (result.done) {
        finish();
        controller.close();
        return;
      }
      controller.enqueue(result.value);
      if (isSse) parser.feed(decoder.decode(result.value, { stream: true }));
      else if (jsonSize <= jsonLimit) {
        jsonSize += result.value.byteLength;
        if (jsonSize <= jsonLimit) jsonChunks.push(decoder.decode(result.value, { stream: true }));
      }
    },
    async cancel(reason) {
      settle(usage);
      await reader.cancel(reason);
    },
  });
  return { body: tapped, usage: usagePromise };
}
