import type { ChatResult, ResultPart } from './chat-result.js';
import { InternalError } from './errors/internal-error.js';
import type { FinishReason } from './finish-reason.js';
import type { StreamEvent } from './stream-event.js';
import { emptyUsage, mergeUsage, type Usage } from './usage.js';

/** Accumulates canonical events into a whole answer; feed it events one by one, then call `result()`. */
export class StreamCollector {
  private readonly parts: ResultPart[] = [];
  private readonly open = new Map<string, ResultPart>();
  private id = '';
  private finishReason: FinishReason = 'other';
  private stopSequence?: string;
  private usage: Usage = emptyUsage();

  add(event: StreamEvent): void {
    switch (event.type) {
      case 'message-start':
        this.id = event.id ?? this.id;
        if (event.usage) this.usage = mergeUsage(this.usage, event.usage);
        return;
      case 'text-start':
        return this.openPart(event.id, { type: 'text', text: '' });
      case 'reasoning-start':
        return this.openPart(event.id, { type: 'reasoning', text: '' });
      case 'tool-input-start':
        return this.openPart(event.id, { type: 'tool-call', id: event.id, name: event.name, input: {}, rawInput: '' });
      case 'text-delta':
      case 'reasoning-delta': {
        const part = this.open.get(event.id);
        if (part && (part.type === 'text' || part.type === 'reasoning')) part.text += event.delta;
        return;
      }
      case 'reasoning-signature': {
        const part = this.open.get(event.id);
        if (part?.type === 'reasoning') part.signature = (part.signature ?? '') + event.signature;
        return;
      }
      case 'tool-input-delta': {
        const part = this.open.get(event.id);
        if (part?.type === 'tool-call') part.rawInput += event.delta;
        return;
      }
      case 'tool-input-end': {
        const part = this.open.get(event.id);
        if (part?.type === 'tool-call') part.input = parseToolInput(part.rawInput);
        this.open.delete(event.id);
        return;
      }
      case 'text-end':
      case 'reasoning-end':
        this.open.delete(event.id);
        return;
      case 'redacted-reasoning':
        this.parts.push({ type: 'redacted-reasoning', data: event.data });
        return;
      case 'usage':
        this.usage = mergeUsage(this.usage, event.usage);
        return;
      case 'finish':
        this.finishReason = event.reason;
        this.stopSequence = event.stopSequence;
        return;
      case 'error':
        throw event.error;
      default: {
        const unreachable: never = event;
        throw new InternalError(`Unknown stream event ${JSON.stringify(unreachable)}`);
      }
    }
  }

  result(): ChatResult {
    for (const part of this.open.values()) {
      if (part.type === 'tool-call') part.input = parseToolInput(part.rawInput);
    }
    this.open.clear();
    return {
      id: this.id,
      content: this.parts,
      finishReason: this.finishReason,
      stopSequence: this.stopSequence,
      usage: this.usage,
    };
  }

  private openPart(id: string, part: ResultPart): void {
    this.open.set(id, part);
    this.parts.push(part);
  }
}

/** Tool arguments arrive as JSON text; an empty string means `{}`; malformed JSON is kept as a string. */
export function parseToolInput(raw: string): unknown {
  if (raw.trim() === '') return {};
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

export async function collectStream(events: AsyncIterable<StreamEvent>): Promise<ChatResult> {
  const collector = new StreamCollector();
  for await (const event of events) collector.add(event);
  return collector.result();
}
