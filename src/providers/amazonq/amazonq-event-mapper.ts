import type { z } from 'zod';
import type { GatewayError } from '../../core/errors/gateway-error.js';
import type { FinishReason } from '../../core/finish-reason.js';
import type { StreamEvent } from '../../core/stream-event.js';
import type { Usage } from '../../core/usage.js';
import { decodeFrameText, type AwsEventStreamMessage } from '../../streaming/aws-event-stream-decoder.js';
import {
  assistantResponseEventSchema,
  contextUsageEventSchema,
  meteringEventSchema,
  metadataEventSchema,
  reasoningContentEventSchema,
  toolUseEventSchema,
  type MetadataTokenUsage,
} from './amazonq-event-schemas.js';
import { classifyAmazonQError } from './classify-error.js';
import { countOutputTokens } from './estimate-tokens.js';
import type { ToolNameMap } from './shorten-tool-name.js';
import { ThinkingTagSplitter, type TextSegment } from './thinking-tag-splitter.js';

export interface AmazonQEventMapperOptions {
  /**
   * Whether the client asked for reasoning: a leading `<thinking>` block becomes reasoning events;
   * without it the block is dropped (the model may think unasked; that is not answer text).
   */
  thinking: boolean;
  toolNames: ToolNameMap;
  contextWindow: number;
  /** Fallback input estimate, used only when the upstream reports no usage at all. */
  estimateInputTokens: () => number;
}

/**
 * Turns decoded Q event-stream messages into canonical stream events: text (and reasoning split
 * from `<thinking>` tags), tool calls with their original names, usage and the finish reason.
 * Exception and error frames set `failure` (or, for ContentLengthExceededException, a `length` finish).
 */
export class AmazonQEventMapper {
  failure?: GatewayError;
  private readonly splitter = new ThinkingTagSplitter();
  private openBlock?: { kind: 'text' | 'reasoning'; id: string };
  private blockCount = 0;
  private openToolId?: string;
  private readonly finishedToolIds = new Set<string>();
  private toolCount = 0;
  private outputText = '';
  private credits?: number;
  private contextUsagePercentage?: number;
  private tokenUsage?: MetadataTokenUsage;
  private lengthExceeded = false;

  constructor(private readonly options: AmazonQEventMapperOptions) {
  }

  handle(message: AwsEventStreamMessage): StreamEvent[] {
    const messageType = message.headers[':message-type'] ?? 'event';
    if (messageType === 'exception' || messageType === 'error') return this.handleFailure(message, messageType);
    const eventType = message.headers[':event-type'] ?? '';
    const events: StreamEvent[] = [];
    switch (eventType) {
      case 'assistantResponseEvent': {
        const payload = parsePayload(message, eventType, assistantResponseEventSchema);
        if (payload) this.addText(events, payload.content);
        break;
      }
      case 'reasoningContentEvent': {
        const payload = parsePayload(message, eventType, reasoningContentEventSchema);
        if (payload?.text) this.addSegment(events, { kind: 'reasoning', text: payload.text });
        break;
      }
      case 'toolUseEvent': {
        const payload = parsePayload(message, eventType, toolUseEventSchema);
        if (payload) this.addToolUse(events, payload);
        break;
      }
      case 'meteringEvent': {
        const payload = parsePayload(message, eventType, meteringEventSchema);
        if (payload) this.credits = (this.credits ?? 0) + payload.usage;
        break;
      }
      case 'contextUsageEvent': {
        const payload = parsePayload(message, eventType, contextUsageEventSchema);
        if (payload) this.contextUsagePercentage = payload.contextUsagePercentage;
        break;
      }
      case 'metadataEvent': {
        const payload = parsePayload(message, eventType, metadataEventSchema);
        if (payload?.tokenUsage) this.tokenUsage = { ...this.tokenUsage, ...payload.tokenUsage };
        break;
      }
      default:
        break;
    }
    return events;
  }

  /** Closes open blocks (e.g. before reporting a failure). */
  closeBlocks(): StreamEvent[] {
    const events: StreamEvent[] = [];
    for (const segment of this.splitter.flush()) this.addSegment(events, segment);
    this.closeTextBlock(events);
    this.closeTool(events);
    return events;
  }

  /** Closes open blocks and emits usage and the finish reason. */
  finish(): StreamEvent[] {
    const events = this.closeBlocks();
    events.push({ type: 'usage', usage: this.usage() }, { type: 'finish', reason: this.finishReason() });
    return events;
  }

  /** Whether the answer said how much of the context it used, as the input count's source. */
  get reportedContextUsage(): boolean {
    return this.tokenUsage?.uncachedInputTokens !== undefined || (this.tokenUsage?.contextUsagePercentage ?? this.contextUsagePercentage ?? 0) > 0;
  }

  usage(): Usage {
    const reported = this.tokenUsage;
    const percentage = reported?.contextUsagePercentage ?? this.contextUsagePercentage;
    const outputTokens = reported?.outputTokens ?? countOutputTokens(this.outputText);
    let inputTokens: number;
    if (reported?.uncachedInputTokens !== undefined) inputTokens = reported.uncachedInputTokens;
    else if (percentage !== undefined && percentage > 0) {
      // The percentage is of the model's window and is reported after the answer, so it covers the answer too.
      const context = Math.round((percentage * this.options.contextWindow) / 100);
      inputTokens = context > outputTokens ? context - outputTokens : this.options.estimateInputTokens();
    } else inputTokens = this.options.estimateInputTokens();
    const usage: Usage = {
      inputTokens,
      outputTokens,
      cacheReadTokens: reported?.cacheReadInputTokens ?? 0,
      cacheWriteTokens: reported?.cacheWriteInputTokens ?? 0,
    };
    if (this.credits !== undefined) usage.credits = this.credits;
    return usage;
  }

  private finishReason(): FinishReason {
    if (this.lengthExceeded) return 'length';
    const percentage = this.tokenUsage?.contextUsagePercentage ?? this.contextUsagePercentage;
    if (percentage !== undefined && percentage >= 100) return 'context-exceeded';
    return this.toolCount > 0 ? 'tool-calls' : 'stop';
  }

  private handleFailure(message: AwsEventStreamMessage, messageType: string): StreamEvent[] {
    const errorType = messageType === 'exception' ? message.headers[':exception-type'] : message.headers[':error-code'];
    const body = decodeFrameText(message.body);
    if (errorType === 'ContentLengthExceededException') {
      this.lengthExceeded = true;
      return [];
    }
    const bodyText = messageType === 'error' && !body.trim().startsWith('{') ? JSON.stringify({ message: message.headers[':error-message'] ?? body }) : body;
    this.failure = classifyAmazonQError({ errorType: errorType ?? 'InternalServerException', body: bodyText });
    return [];
  }

  private addText(events: StreamEvent[], text: string): void {
    if (text.length === 0) return;
    for (const segment of this.splitter.push(text)) this.addSegment(events, segment);
  }

  private addSegment(events: StreamEvent[], segment: TextSegment): void {
    if (segment.text.length === 0) return;
    if (segment.kind === 'reasoning' && !this.options.thinking) return;
    this.closeTool(events);
    if (this.openBlock && this.openBlock.kind !== segment.kind) this.closeTextBlock(events);
    if (!this.openBlock) {
      this.blockCount += 1;
      this.openBlock = { kind: segment.kind, id: `${segment.kind}-${this.blockCount}` };
      events.push({ type: segment.kind === 'text' ? 'text-start' : 'reasoning-start', id: this.openBlock.id });
    }
    events.push({ type: segment.kind === 'text' ? 'text-delta' : 'reasoning-delta', id: this.openBlock.id, delta: segment.text });
    this.outputText += segment.text;
  }

  private addToolUse(events: StreamEvent[], payload: z.infer<typeof toolUseEventSchema>): void {
    const id = payload.toolUseId;
    if (this.finishedToolIds.has(id)) return;
    if (this.openToolId !== id) {
      for (const segment of this.splitter.flush()) this.addSegment(events, segment);
      this.closeTextBlock(events);
      this.closeTool(events);
      this.openToolId = id;
      this.toolCount += 1;
      const name = this.options.toolNames.toOriginal(payload.name ?? '');
      events.push({ type: 'tool-input-start', id, name });
      this.outputText += name;
    }
    const input = typeof payload.input === 'string' ? payload.input : payload.input ? JSON.stringify(payload.input) : '';
    if (input.length > 0) {
      events.push({ type: 'tool-input-delta', id, delta: input });
      this.outputText += input;
    }
    if (payload.stop) this.closeTool(events);
  }

  private closeTextBlock(events: StreamEvent[]): void {
    if (!this.openBlock) return;
    events.push({ type: this.openBlock.kind === 'text' ? 'text-end' : 'reasoning-end', id: this.openBlock.id });
    this.openBlock = undefined;
  }

  private closeTool(events: StreamEvent[]): void {
    if (!this.openToolId) return;
    events.push({ type: 'tool-input-end', id: this.openToolId });
    this.finishedToolIds.add(this.openToolId);
    this.openToolId = undefined;
  }
}

/** Parses a payload; accepts it bare (as sent) or wrapped in its event name. Malformed payloads are skipped. */
function parsePayload<T extends z.ZodType>(message: AwsEventStreamMessage, eventType: string, schema: T): z.infer<T> | undefined {
  let json: unknown;
  try {
    json = JSON.parse(decodeFrameText(message.body));
  } catch {
    return undefined;
  }
  const direct = schema.safeParse(json);
  if (direct.success) return direct.data;
  if (typeof json === 'object' && json !== null && eventType in json) {
    const wrapped = schema.safeParse((json as Record<string, unknown>)[eventType]);
    if (wrapped.success) return wrapped.data;
  }
  return undefined;
}
