import type { ChatMessage, DocumentPart, ImagePart, TextPart } from '../../core/chat-request.js';
import { InternalError } from '../../core/errors/internal-error.js';
import type { ConversionWarning } from '../../core/warning.js';
import type { GeminiWireContent, GeminiWirePart } from './gemini-wire-types.js';

/**
 * Gemini 3 wants the thought signature it gave with a function call back on that call. Calls that
 * come from another upstream (or a client that cannot keep signatures) carry Google's documented
 * placeholder, which skips the check.
 */
export const placeholderThoughtSignature = 'skip_thought_signature_validator';

function mediaPart(part: ImagePart | DocumentPart, warnings: ConversionWarning[]): GeminiWirePart | undefined {
  const source = part.source;
  switch (source.kind) {
    case 'base64':
      return { inlineData: { mimeType: source.mediaType, data: source.data } };
    case 'url':
      return { fileData: { fileUri: source.url, ...(source.mediaType ? { mimeType: source.mediaType } : {}) } };
    case 'text':
      return { text: source.text };
    default: {
      const unreachable: never = source;
      warnings.push({ feature: 'media', detail: `unknown media ${JSON.stringify(unreachable)}; dropped` });
      return undefined;
    }
  }
}

const resultText = (content: Array<TextPart | ImagePart | DocumentPart>, warnings: ConversionWarning[]): string => {
  if (content.some((part) => part.type !== 'text')) warnings.push({ feature: 'tool-result-media', detail: 'media in tool results is sent as text only' });
  return content.flatMap((part) => (part.type === 'text' ? [part.text] : [])).join('\n');
};

/**
 * Canonical turns → Gemini `contents`. System messages in the middle become user text; tool results
 * become functionResponses named after their calls; reasoning goes back only as the signature of
 * the function call it came with. Consecutive turns of one role are merged, as Gemini expects.
 */
export function convertToGeminiContents(messages: ChatMessage[], warnings: ConversionWarning[]): GeminiWireContent[] {
  const callNames = new Map<string, string>();
  const contents: GeminiWireContent[] = [];
  const push = (role: 'user' | 'model', parts: GeminiWirePart[]): void => {
    if (parts.length === 0) return;
    const last = contents.at(-1);
    if (last?.role === role) last.parts.push(...parts);
    else contents.push({ role, parts });
  };

  for (const message of messages) {
    switch (message.role) {
      case 'system':
        push('user', message.content.map((part) => ({ text: part.text })));
        break;
      case 'user': {
        const parts: GeminiWirePart[] = [];
        for (const part of message.content) {
          if (part.type === 'text') parts.push({ text: part.text });
          else if (part.type === 'tool-result') {
            const name = callNames.get(part.toolCallId) ?? part.toolCallId;
            const text = resultText(part.content, warnings);
            parts.push({ functionResponse: { name, response: part.isError ? { error: text } : { output: text } } });
          } else {
            const media = mediaPart(part, warnings);
            if (media) parts.push(media);
          }
        }
        push('user', parts);
        break;
      }
      case 'assistant': {
        const parts: GeminiWirePart[] = [];
        let signature: string | undefined;
        let signedCall = false;
        for (const part of message.content) {
          switch (part.type) {
            case 'text':
              if (part.text !== '') parts.push({ text: part.text });
              break;
            case 'reasoning':
              signature = part.signature ?? signature;
              break;
            case 'redacted-reasoning':
              break;
            case 'tool-call': {
              callNames.set(part.id, part.name);
              const args = typeof part.input === 'object' && part.input !== null && !Array.isArray(part.input) ? (part.input as Record<string, unknown>) : { value: part.input };
              // The first call of a turn carries the signature (Gemini's rule); later ones need none.
              const call: { functionCall: { name: string; args: Record<string, unknown> }; thoughtSignature?: string } = { functionCall: { name: part.name, args } };
              if (!signedCall) call.thoughtSignature = signature ?? placeholderThoughtSignature;
              signedCall = true;
              parts.push(call);
              break;
            }
            default: {
              const unreachable: never = part;
              throw new InternalError(`Unknown assistant part ${JSON.stringify(unreachable)}`);
            }
          }
        }
        push('model', parts);
        break;
      }
      default: {
        const unreachable: never = message;
        throw new InternalError(`Unknown message ${JSON.stringify(unreachable)}`);
      }
    }
  }
  return contents;
}
