import { InternalError } from '../../core/errors/internal-error.js';
import type { AssistantContentPart, ChatMessage, ImagePart, ToolResultPart, UserContentPart } from '../../core/chat-request.js';
import type { ConversionWarning } from '../../core/warning.js';
import type { AmazonQImage, AmazonQImageFormat, AmazonQToolResult } from './amazonq-wire-types.js';
import { assistantTurn, userTurn, type AssistantTurn, type ConversationTurn, type UserTurn } from './conversation-turn.js';
import type { ToolNameMap } from './shorten-tool-name.js';

/** Tool output above this many characters is cut (the service rejects much larger tool responses). */
export const maxToolResultCharacters = 400_000;
const emptyToolResultText = '(no output)';

export interface ConvertMessageOptions {
  toolNames: ToolNameMap;
  warnings: ConversionWarning[];
}

/** Converts one canonical message into a turn; mid-conversation system messages become user text. */
export function convertMessage(message: ChatMessage, options: ConvertMessageOptions): ConversationTurn {
  switch (message.role) {
    case 'user':
      return convertUserContent(message.content, options);
    case 'assistant':
      return convertAssistantContent(message.content, options);
    case 'system':
      return userTurn(message.content.map((part) => part.text).filter((text) => text.length > 0));
    default: {
      const unreachable: never = message;
      throw new InternalError(`Unknown message role in ${JSON.stringify(unreachable)}`);
    }
  }
}

function convertUserContent(parts: UserContentPart[], options: ConvertMessageOptions): UserTurn {
  const turn = userTurn();
  for (const part of parts) {
    switch (part.type) {
      case 'text':
        if (part.text.length > 0) turn.texts.push(part.text);
        break;
      case 'image': {
        const image = convertImage(part, options.warnings);
        if (image) turn.images.push(image);
        break;
      }
      case 'document':
        if (part.source.kind === 'text') {
          turn.texts.push(part.title ? `${part.title}\n${part.source.text}` : part.source.text);
        } else {
          options.warnings.push({ feature: 'document', detail: 'Amazon Q accepts only plain-text documents; a binary or URL document was dropped.' });
        }
        break;
      case 'tool-result':
        turn.toolResults.push(convertToolResult(part, options.warnings));
        break;
      default: {
        const unreachable: never = part;
        throw new InternalError(`Unknown user content part ${JSON.stringify(unreachable)}`);
      }
    }
  }
  return turn;
}

function convertAssistantContent(parts: AssistantContentPart[], options: ConvertMessageOptions): AssistantTurn {
  const turn = assistantTurn();
  for (const part of parts) {
    switch (part.type) {
      case 'text':
        if (part.text.length > 0) turn.texts.push(part.text);
        break;
      case 'reasoning':
        if (part.text.length > 0) turn.texts.push(`<thinking>${part.text}</thinking>`);
        break;
      case 'redacted-reasoning':
        options.warnings.push({ feature: 'redacted-reasoning', detail: 'Redacted reasoning cannot be replayed to Amazon Q and was dropped.' });
        break;
      case 'tool-call':
        turn.toolUses.push({ toolUseId: part.id, name: options.toolNames.toUpstream(part.name), input: toInputObject(part.input) });
        break;
      default: {
        const unreachable: never = part;
        throw new InternalError(`Unknown assistant content part ${JSON.stringify(unreachable)}`);
      }
    }
  }
  return turn;
}

const imageFormats: Record<string, AmazonQImageFormat> = { png: 'png', jpeg: 'jpeg', jpg: 'jpeg', gif: 'gif', webp: 'webp' };

function convertImage(part: ImagePart, warnings: ConversionWarning[]): AmazonQImage | undefined {
  if (part.source.kind === 'url') {
    warnings.push({ feature: 'image-url', detail: 'Amazon Q accepts only inline images; an image URL was dropped.' });
    return undefined;
  }
  const subtype = part.source.mediaType.toLowerCase().split('/')[1] ?? '';
  const format = imageFormats[subtype];
  if (!format) {
    warnings.push({ feature: 'image-format', detail: `Image type ${part.source.mediaType} is not supported by Amazon Q and was dropped.` });
    return undefined;
  }
  return { format, source: { bytes: part.source.data } };
}

function convertToolResult(part: ToolResultPart, warnings: ConversionWarning[]): AmazonQToolResult {
  const texts: string[] = [];
  for (const item of part.content) {
    if (item.type === 'text') texts.push(item.text);
    else if (item.type === 'document' && item.source.kind === 'text') texts.push(item.source.text);
    else warnings.push({ feature: 'tool-result-media', detail: 'Images and binary documents inside tool results were dropped.' });
  }
  let text = texts.join('\n');
  if (text.length > maxToolResultCharacters) {
    warnings.push({ feature: 'tool-result-length', detail: `A tool result was cut to ${maxToolResultCharacters} characters.` });
    text = `${text.slice(0, maxToolResultCharacters)}\n[truncated]`;
  }
  return {
    toolUseId: part.toolCallId,
    content: [{ text: text.trim().length > 0 ? text : emptyToolResultText }],
    status: part.isError ? 'error' : 'success',
  };
}

/** Q wants tool input as a JSON object; other values are wrapped so nothing is lost. */
function toInputObject(input: unknown): Record<string, unknown> {
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    return Object.fromEntries(Object.entries(input).filter(([key, value]) => key !== '' && value !== undefined));
  }
  if (typeof input === 'string') {
    try {
      const parsed: unknown = JSON.parse(input);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
    } catch {
      // fall through to the wrapper below
    }
  }
  return input === undefined || input === null || input === '' ? {} : { value: input };
}
