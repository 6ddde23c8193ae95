import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { emptyUsage, mergeUsage, type Usage } from '../core/usage.js';
import { anthropicUsageFromPayload } from '../providers/anthropic/anthropic-usage-from-payload.js';
import { openAIResponsesUsageFromPayload } from '../providers/openai/openai-responses-usage-from-payload.js';
import { openAIUsageFromPayload } from '../providers/openai/openai-usage-from-payload.js';

/** The wire dialect of a relayed answer, which decides where usage is read from. */
export type PassthroughDialect = 'anthropic' | 'openai-chat' | 'openai-responses';

export interface PassthroughObserverOptions {
  dialect: PassthroughDialect;
  isEventStream: boolean;
  /** The model the client asked for: answers name it instead of the upstream's (a mapping, or an alias the upstream resolved). */
  renameModelTo?: string;
  /** Drop OpenAI's usage-only chunk (Sluice asked for it, the client did not). */
  hideUsageChunk: boolean;
}

/** Watches the bytes of a same-format answer: what goes on to the client, and the usage it carried. */
export interface PassthroughObserver {
  /** The bytes to send for this upstream chunk: the chunk itself unless events must be rewritten. */
  push(chunk: Uint8Array): Uint8Array[];
  /** The bytes still owed at the end (a rewritten JSON body). */
  end(): Uint8Array[];
  usage(): Usage;
  firstTokenAt(): number | null;
}

const MAX_JSON_BYTES = 32 * 1024 * 1024;
const encoder = new TextEncoder();

const tryParse = (text: string): Record<string, unknown> | undefined => {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

const isUsageOnlyChunk = (payload: Record<string, unknown>): boolean =>
  Array.isArray(payload.choices) && payload.choices.length === 0 && payload.usage !== undefined;

/**
 * Bytes pass untouched while a side parser notes usage. Only a model mapping or a hidden usage
 * chunk makes events re-serialised, one by one, as they complete.
 */
export function createPassthroughObserver(options: PassthroughObserverOptions): PassthroughObserver {
  let usage = emptyUsage();
  let firstTokenAt: number | null = null;
  const rewrite = options.renameModelTo !== undefined || options.hideUsageChunk;
  const readUsage = (payload: Record<string, unknown>): void => {
    const update =
      options.dialect === 'anthropic'
        ? anthropicUsageFromPayload(payload)
        : options.dialect === 'openai-responses'
          ? openAIResponsesUsageFromPayload(payload)
          : openAIUsageFromPayload(payload);
    if (update) usage = mergeUsage(usage, update);
  };
  // Once an event showed the upstream's `"model":"…"`, later events are renamed by string replacement, unparsed.
  let modelField: { from: string; to: string } | undefined;
  /** Names the requested model in the payload; false when there was nothing to change (keep the bytes). */
  const renameModel = (payload: Record<string, unknown>): boolean => {
    const target = options.renameModelTo;
    if (target === undefined) return false;
    let changed = false;
    if (typeof payload.model === 'string') {
      modelField ??= { from: `"model":${JSON.stringify(payload.model)}`, to: `"model":${JSON.stringify(target)}` };
      changed = payload.model !== target;
      payload.model = target;
    }
    // Anthropic's message_start nests the message; Responses events nest the response.
    for (const key of ['message', 'response']) {
      const nested = payload[key] as Record<string, unknown> | undefined;
      if (!nested || typeof nested !== 'object' || typeof nested.model !== 'string') continue;
      modelField ??= { from: `"model":${JSON.stringify(nested.model)}`, to: `"model":${JSON.stringify(target)}` };
      changed ||= nested.model !== target;
      nested.model = target;
    }
    return changed;
  };
  const base = { usage: () => usage, firstTokenAt: () => firstTokenAt };

  if (!options.isEventStream) {
    const chunks: Uint8Array[] = [];
    let size = 0;
    return {
      ...base,
      push(chunk) {
        size += chunk.byteLength;
        if (size <= MAX_JSON_BYTES) chunks.push(chunk);
        return options.renameModelTo === undefined ? [chunk] : [];
      },
      end() {
        const whole = Buffer.concat(chunks);
        const payload = size <= MAX_JSON_BYTES ? tryParse(whole.toString('utf8')) : undefined;
        if (payload) readUsage(payload);
        if (options.renameModelTo === undefined) return [];
        if (!payload || !renameModel(payload)) return [whole];
        return [encoder.encode(JSON.stringify(payload))];
      },
    };
  }

  const decoder = new TextDecoder();
  let pending: Uint8Array[] = [];
  const emit = (message: EventSourceMessage, data: string): void => {
    pending.push(encoder.encode(`${message.event ? `event: ${message.event}\n` : ''}data: ${data}\n\n`));
  };
  const parser = createParser({
    onEvent(message) {
      // Chat, Messages and Responses stream deltas; OpenAI's legacy completions stream `text`.
      const carriesToken = message.data.includes('"delta"') || (options.dialect === 'openai-chat' && message.data.includes('"text"'));
      if (firstTokenAt === null && carriesToken) firstTokenAt = Date.now();
      const carriesUsage =
        options.dialect === 'anthropic' ? message.event === 'message_start' || message.event === 'message_delta' : message.data.includes('"usage"');
      const mentionsModel = options.renameModelTo !== undefined && message.data.includes('"model"');
      if (!carriesUsage && !mentionsModel) {
        if (rewrite) emit(message, message.data);
        return;
      }
      if (!carriesUsage && modelField && (modelField.from === modelField.to || message.data.includes(modelField.from))) {
        emit(message, modelField.from === modelField.to ? message.data : message.data.split(modelField.from).join(modelField.to));
        return;
      }
      const payload = tryParse(message.data);
      if (payload) readUsage(payload);
      if (!rewrite) return;
      if (payload && options.hideUsageChunk && isUsageOnlyChunk(payload)) return;
      emit(message, payload && renameModel(payload) ? JSON.stringify(payload) : message.data);
    },
  });
  return {
    ...base,
    push(chunk) {
      parser.feed(decoder.decode(chunk, { stream: true }));
      if (!rewrite) return [chunk];
      const out = pending;
      pending = [];
      return out;
    },
    end: () => [],
  };
}
