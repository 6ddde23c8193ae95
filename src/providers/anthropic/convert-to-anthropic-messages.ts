import type { ChatMessage } from '../../core/chat-request.js';
import { InternalError } from '../../core/errors/internal-error.js';
import type { ConversionWarning } from '../../core/warning.js';
import type { AnthropicContentBlock, AnthropicMessage } from './anthropic-wire-types.js';
import { toAnthropicAssistantBlock, toAnthropicText, toAnthropicUserBlock } from './convert-to-anthropic-content.js';

/**
 * Canonical messages → Anthropic messages. A 'system' message in the middle of the conversation
 * becomes a user text block at the same position (with a warning): folding it into the top-level
 * system would reorder instructions and break the cached system prefix. Consecutive turns of the
 * same role are merged, since Anthropic requires user and assistant turns to alternate; inside a
 * merged user turn, tool results are moved first, as Anthropic requires after a tool_use turn.
 */
export function convertToAnthropicMessages(messages: ChatMessage[], warnings: ConversionWarning[]): AnthropicMessage[] {
  const result: AnthropicMessage[] = [];
  let warnedSystem = false;
  for (const message of messages) {
    let role: 'user' | 'assistant';
    let content: AnthropicContentBlock[];
    switch (message.role) {
      case 'system':
        if (!warnedSystem) {
          warnings.push({ feature: 'system-message', detail: 'A system message inside the conversation was sent as user text.' });
          warnedSystem = true;
        }
        role = 'user';
        content = message.content.map(toAnthropicText);
        break;
      case 'user':
        role = 'user';
        content = message.content.map(toAnthropicUserBlock);
        break;
      case 'assistant':
        role = 'assistant';
        content = message.content.flatMap((part) => toAnthropicAssistantBlock(part, warnings) ?? []);
        break;
      default: {
        const unreachable: never = message;
        throw new InternalError(`Unknown message ${JSON.stringify(unreachable)}`);
      }
    }
    if (content.length === 0) continue;
    const previous = result.at(-1);
    if (previous && previous.role === role) previous.content.push(...content);
    else result.push({ role, content });
  }
  for (const message of result) {
    if (message.role !== 'user') continue;
    const toolResults = message.content.filter((block) => block.type === 'tool_result');
    if (toolResults.length > 0 && message.content[0]?.type !== 'tool_result') {
      message.content = [...toolResults, ...message.content.filter((block) => block.type !== 'tool_result')];
    }
  }
  return result;
}
