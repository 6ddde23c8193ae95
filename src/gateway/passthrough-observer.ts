import { emptyUsage, mergeUsage, type Usage } from '../core/usage.js';
import { anthropicUsageFromPayload } from '../providers/anthropic/anthropic-usage-from-payload.js';
import { geminiUsageFromPayload } from '../providers/gemini/map-gemini-usage.js';
import { openAIResponsesUsageFromPayload } from '../providers/openai/openai-responses-usage-from-payload.js';
import { openAIUsageFromPayload } from '../providers/openai/openai-usage-from-payload.js';
import { parseSseEvent, SseEventSplitter } from '../streaming/sse-event-splitter.js';
import { Utf8StreamDecoder } from '../streaming/utf8-stream-decoder.js';
import { renameTopLevelField } from './rename-top-level-field.js';

/** The wire dialect of a relayed answer, which decides where usage is read from. */
export type PassthroughDialect = 'anthropic' | 'openai-chat' | 'openai-responses' | 'gemini';

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
  /** A JSON answer read and parsed whole already: the bytes to send for it (instead of push and end). */
  whole(bytes: Uint8Array, payload: Record<string, unknown>): Uint8Array;
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

/** Where each dialect's answers carry their usage. */
const usageReaders: Record<PassthroughDialect, (payload: Record<string, unknown>) => Partial<Usage> | undefined> = {
  anthropic: anthropicUsageFromPayload,
  'openai-chat': openAIUsageFromPayload,
  'openai-responses': openAIResponsesUsageFromPayload,
  gemini: geminiUsageFromPayload,
};

/** Anthropic's message_start nests the message, Responses events the response: each may name the model. */
const nestedModelKeys = ['message', 'response'] as const;

const namesModelInside = (payload: Record<string, unknown>): boolean =>
  nestedModelKeys.some((key) => {
    const nested = payload[key];
    return typeof nested === 'object' && nested !== null && typeof (nested as Record<string, unknown>).model === 'string';
  });

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
    const update = usageReaders[options.dialect](payload);
    if (update) usage = mergeUsage(usage, update);
  };
  // Gemini names the model in `modelVersion`; everyone else in `model`.
  const modelKey = options.dialect === 'gemini' ? 'modelVersion' : 'model';
  // Once an event showed the upstream's `"model":"…"`, later events are renamed by string replacement, unparsed.
  let modelField: { from: string; to: string } | undefined;
  /** Names the requested model in the payload; false when there was nothing to change (keep the bytes). */
  const renameModel = (payload: Record<string, unknown>): boolean => {
    const target = options.renameModelTo;
    if (target === undefined) return false;
    let changed = false;
    const named = payload[modelKey];
    if (typeof named === 'string') {
      modelField ??= { from: `"${modelKey}":${JSON.stringify(named)}`, to: `"${modelKey}":${JSON.stringify(target)}` };
      changed = named !== target;
      payload[modelKey] = target;
    }
    for (const key of nestedModelKeys) {
      const nested = payload[key] as Record<string, unknown> | undefined;
      if (!nested || typeof nested !== 'object' || typeof nested.model !== 'string') continue;
      modelField ??= { from: `"model":${JSON.stringify(nested.model)}`, to: `"model":${JSON.stringify(target)}` };
      changed ||= nested.model !== target;
      nested.model = target;
    }
    return changed;
  };
  const whole = (bytes: Uint8Array, payload: Record<string, unknown>): Uint8Array => {
    readUsage(payload);
    const named = payload[modelKey];
    const target = options.renameModelTo;
    // Only the top-level name to change: spliced into the bytes, if they hold it in compact form (the
    // parsed payload is not read after this, so it is left as it came).
    if (target !== undefined && typeof named === 'string' && named !== target && !namesModelInside(payload)) {
      const renamed = renameTopLevelField(bytes, modelKey, named, target);
      if (renamed) return renamed;
    }
    return renameModel(payload) ? encoder.encode(JSON.stringify(payload)) : bytes;
  };
  // The observers below are written out in full, not spread from a shared part: a spread followed by
  // properties the source lacks gives the object a shape of its own on every call (V8), and every call
  // of its methods then misses its cache.
  const readUsageSoFar = (): Usage => usage;
  const readFirstTokenAt = (): number | null => firstTokenAt;

  if (!options.isEventStream) {
    const chunks: Uint8Array[] = [];
    let size = 0;
    return {
      usage: readUsageSoFar,
      firstTokenAt: readFirstTokenAt,
      whole,
      push(chunk) {
        size += chunk.byteLength;
        if (size <= MAX_JSON_BYTES) chunks.push(chunk);
        return options.renameModelTo === undefined ? [chunk] : [];
      },
      end() {
        const bytes = Buffer.concat(chunks);
        const payload = size <= MAX_JSON_BYTES ? tryParse(bytes.toString('utf8')) : undefined;
        const out = payload ? whole(bytes, payload) : bytes;
        return options.renameModelTo === undefined ? [] : [out];
      },
    };
  }

  const decoder = new Utf8StreamDecoder();
  const splitter = new SseEventSplitter();
  const carriesUsage =
    options.dialect === 'anthropic'
      ? (block: string) => block.includes('message_start') || block.includes('message_delta')
      : (block: string) => block.includes(options.dialect === 'gemini' ? '"usageMetadata"' : '"usage"');
  // Chat, Messages and Responses stream deltas; OpenAI's legacy completions and Gemini stream `text`.
  const carriesToken =
    options.dialect === 'openai-chat' || options.dialect === 'gemini'
      ? (block: string) => block.includes('"delta"') || block.includes('"text"')
      : (block: string) => block.includes('"delta"');
  /**
   * Looks into one whole event: notes the first token and usage, and returns its text for the
   * client (unchanged unless renamed; empty to drop it). Only events that may carry usage or name
   * the model are parsed.
   */
  const observe = (block: string): string => {
    if (firstTokenAt === null && carriesToken(block)) firstTokenAt = Date.now();
    const usageHere = carriesUsage(block);
    const mentionsModel = options.renameModelTo !== undefined && block.includes(`"${modelKey}"`);
    if (!usageHere && !mentionsModel) return block;
    if (!usageHere && modelField && (modelField.from === modelField.to || block.includes(modelField.from))) {
      return modelField.from === modelField.to ? block : block.split(modelField.from).join(modelField.to);
    }
    const message = parseSseEvent(block);
    const payload = message ? tryParse(message.data) : undefined;
    if (payload) readUsage(payload);
    if (payload && options.hideUsageChunk && isUsageOnlyChunk(payload)) return '';
    return message && payload && renameModel(payload) ? `${message.event ? `event: ${message.event}\n` : ''}data: ${JSON.stringify(payload)}\n\n` : block;
  };
  // Events are rewritten (from their own text, joined into one write per chunk) until it is clear no
  // event needs a change: the upstream named the requested model itself and no usage chunk is hidden.
  let rewriting = rewrite;
  /** Whether the last chunk ended at an event's end on a whole character: the next starts clean. */
  let nothingHeldBefore = true;
  return {
    usage: readUsageSoFar,
    firstTokenAt: readFirstTokenAt,
    whole,
    push(chunk) {
      const startedClean = nothingHeldBefore;
      const blocks = splitter.push(decoder.write(chunk));
      if (!rewriting) {
        for (const block of blocks) observe(block);
        return [chunk];
      }
      let out = '';
      let changed = false;
      for (const block of blocks) {
        const sent = observe(block);
        changed ||= sent !== block;
        out += sent;
      }
      // Nothing is held back when there is no unfinished event and the chunk ended on a whole
      // character (ASCII), so the decoder holds nothing either.
      const endsOnWholeCharacter = chunk.byteLength === 0 ? nothingHeldBefore : chunk[chunk.byteLength - 1]! < 0x80;
      const nothingHeld = splitter.unfinished === '' && endsOnWholeCharacter;
      nothingHeldBefore = nothingHeld;
      // Bytes may flow unchanged from here on once no event needs a change.
      const namesRequestedModel = modelField !== undefined && modelField.from === modelField.to;
      if (!options.hideUsageChunk && namesRequestedModel && nothingHeld) rewriting = false;
      // A chunk of whole events, none of them changed: the very bytes that came.
      if (!changed && startedClean && nothingHeld) return [chunk];
      return out === '' ? [] : [encoder.encode(out)];
    },
    end() {
      const rest = splitter.flush() + decoder.end();
      if (rest.trim() !== '') observe(`${rest}\n\n`);
      return rewriting && rest !== '' ? [encoder.encode(rest)] : [];
    },
  };
}
