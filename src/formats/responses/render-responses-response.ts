import type { ChatResult } from '../../core/chat-result.js';
import { createResponseId } from '../create-response-id.js';
import { buildResponseObject, responseStatusOf } from './build-response-object.js';
import { rawCustomToolInput } from './custom-tool-input.js';
import type { ResponsesRequestEcho } from './parse-responses-request.js';
import { customToolCallItem, functionCallItem, messageItem, outputTextPart, reasoningItem, type OutputItem } from './responses-output-item.js';

/**
 * A whole answer → the Response object. Adjacent text parts share one message item; reasoning
 * becomes a reasoning item whose `encrypted_content` carries the signature (or redacted data) so
 * it can be sent back; calls of custom tools come back as `custom_tool_call` with their raw input.
 */
export function renderResponsesResponse(result: ChatResult, model: string, echo: ResponsesRequestEcho, options: { id?: string; createdAt?: number } = {}): Record<string, unknown> {
  const output: OutputItem[] = [];
  for (const part of result.content) {
    switch (part.type) {
      case 'text': {
        const last = output.at(-1);
        if (last?.type === 'message') last.content.push(outputTextPart(part.text));
        else output.push(messageItem(part.text, 'completed'));
        break;
      }
      case 'reasoning':
        output.push(reasoningItem(part.text, part.signature));
        break;
      case 'redacted-reasoning':
        output.push(reasoningItem(undefined, part.data));
        break;
      case 'tool-call':
        output.push(
          echo.customToolNames.has(part.name)
            ? customToolCallItem(part.id, part.name, rawCustomToolInput(part.input, part.rawInput))
            : functionCallItem(part.id, part.name, part.rawInput === '' ? '{}' : part.rawInput, 'completed'),
        );
        break;
      default: {
        const unreachable: never = part;
        return unreachable;
      }
    }
  }
  const { status, incompleteReason } = responseStatusOf(result.finishReason);
  return buildResponseObject(
    {
      id: options.id ?? createResponseId('resp_'),
      createdAt: options.createdAt ?? Math.floor(Date.now() / 1000),
      model,
      status,
      output,
      usage: result.usage,
      ...(incompleteReason ? { incompleteReason } : {}),
    },
    echo,
  );
}
