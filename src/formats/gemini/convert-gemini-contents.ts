import type { AssistantContentPart, ChatMessage, TextPart, UserContentPart } from '../../core/chat-request.js';
import type { ConversionWarning } from '../../core/warning.js';
import type { GeminiContent, GeminiPart } from './gemini-request-schema.js';

/**
 * Gemini calls may carry no id (the public API leaves it out); functionResponses then pair with
 * the calls of the same name in order. Ids made up here are stable for one request.
 */
class CallIds {
  private readonly open = new Map<string, string[]>();

  forCall(name: string, id: string | null | undefined, turn: number, index: number): string {
    const callId = id ?? `call_${turn}_${index}`;
    const queue = this.open.get(name) ?? [];
    queue.push(callId);
    this.open.set(name, queue);
    return callId;
  }

  forResponse(name: string, id: string | null | undefined): string {
    const queue = this.open.get(name);
    if (id) {
      const at = queue?.indexOf(id) ?? -1;
      if (queue && at >= 0) queue.splice(at, 1);
      return id;
    }
    return queue?.shift() ?? `call_${name}`;
  }
}

/** A functionResponse's `response` as tool-result text: its `output`/`content` string if that is all, else the JSON. */
function toolResultText(response: Record<string, unknown> | null | undefined): string {
  if (!response) return '';
  const keys = Object.keys(response);
  const only = keys.length === 1 ? response[keys[0]!] : undefined;
  if (typeof only === 'string' && (keys[0] === 'output' || keys[0] === 'content' || keys[0] === 'result')) return only;
  return JSON.stringify(response);
}

function mediaPart(part: GeminiPart, path: string, warnings: ConversionWarning[]): UserContentPart | undefined {
  if (part.inlineData) {
    const { mimeType, data } = part.inlineData;
    if (mimeType.startsWith('image/')) return { type: 'image', source: { kind: 'base64', mediaType: mimeType, data } };
    if (mimeType === 'application/pdf') return { type: 'document', source: { kind: 'base64', mediaType: mimeType, data } };
    if (mimeType.startsWith('text/')) return { type: 'document', source: { kind: 'text', text: Buffer.from(data, 'base64').toString('utf8') } };
    warnings.push({ feature: 'inlineData', detail: `${path}: ${mimeType} data cannot be forwarded; part dropped` });
    return undefined;
  }
  if (part.fileData) {
    const { mimeType, fileUri } = part.fileData;
    if (!/^https?:\/\//.test(fileUri)) {
      warnings.push({ feature: 'fileData', detail: `${path}: only http(s) file URIs can be forwarded; part dropped` });
      return undefined;
    }
    if (mimeType === 'application/pdf') return { type: 'document', source: { kind: 'url', url: fileUri, mediaType: mimeType } };
    return { type: 'image', source: { kind: 'url', url: fileUri, ...(mimeType ? { mediaType: mimeType } : {}) } };
  }
  return undefined;
}

function userParts(content: GeminiContent, turn: number, ids: CallIds, warnings: ConversionWarning[]): UserContentPart[] {
  const parts: UserContentPart[] = [];
  content.parts.forEach((part, index) => {
    const path = `contents[${turn}].parts[${index}]`;
    if (part.functionResponse) {
      const { name, id, response } = part.functionResponse;
      const isError = response !== null && response !== undefined && 'error' in response && !('output' in response);
      parts.push({
        type: 'tool-result',
        toolCallId: ids.forResponse(name, id),
        content: [{ type: 'text', text: toolResultText(response) }],
        ...(isError ? { isError: true } : {}),
      });
    } else if (typeof part.text === 'string') {
      if (part.thought) warnings.push({ feature: 'thought', detail: `${path}: a thought in a user turn is sent as text` });
      parts.push({ type: 'text', text: part.text });
    } else if (part.functionCall) {
      warnings.push({ feature: 'functionCall', detail: `${path}: a function call in a user turn; part dropped` });
    } else {
      const media = mediaPart(part, path, warnings);
      if (media) parts.push(media);
      else if (!part.inlineData && !part.fileData) warnings.push({ feature: 'part', detail: `${path}: unsupported part; dropped` });
    }
  });
  // Tool results lead the turn, as every upstream that pairs them with calls expects.
  return [...parts.filter((part) => part.type === 'tool-result'), ...parts.filter((part) => part.type !== 'tool-result')];
}

function modelParts(content: GeminiContent, turn: number, ids: CallIds, warnings: ConversionWarning[]): AssistantContentPart[] {
  const parts: AssistantContentPart[] = [];
  content.parts.forEach((part, index) => {
    if (part.functionCall) {
      const { name, id, args } = part.functionCall;
      // A signature that came with a call is the reasoning behind it: kept so it can go back upstream.
      if (part.thoughtSignature) parts.push({ type: 'reasoning', text: '', signature: part.thoughtSignature });
      parts.push({ type: 'tool-call', id: ids.forCall(name, id, turn, index), name, input: args ?? {} });
    } else if (typeof part.text === 'string') {
      if (part.thought) parts.push({ type: 'reasoning', text: part.text, ...(part.thoughtSignature ? { signature: part.thoughtSignature } : {}) });
      else if (part.text !== '') parts.push({ type: 'text', text: part.text });
    } else {
      warnings.push({ feature: 'part', detail: `contents[${turn}].parts[${index}]: only text, thoughts and function calls are kept in a model turn; part dropped` });
    }
  });
  return parts;
}

/** Gemini `contents` (roles `user`/`model`; `function` is an old name for a user turn of responses) → canonical turns. */
export function convertGeminiContents(contents: GeminiContent[], warnings: ConversionWarning[]): ChatMessage[] {
  const ids = new CallIds();
  const turns: ChatMessage[] = [];
  contents.forEach((content, turn) => {
    if (content.role === 'model') {
      const parts = modelParts(content, turn, ids, warnings);
      if (parts.length > 0) turns.push({ role: 'assistant', content: parts });
      return;
    }
    const parts = userParts(content, turn, ids, warnings);
    if (parts.length > 0) turns.push({ role: 'user', content: parts });
  });
  return turns;
}

/** `systemInstruction` (a Content, or a bare string some clients send) → canonical system text. */
export function convertGeminiSystem(system: GeminiContent | string | null | undefined): TextPart[] {
  if (system === null || system === undefined) return [];
  if (typeof system === 'string') return system === '' ? [] : [{ type: 'text', text: system }];
  return system.parts.flatMap((part): TextPart[] => (typeof part.text === 'string' && part.text !== '' ? [{ type: 'text', text: part.text }] : []));
}
