import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import type { StreamEvent } from '../../core/stream-event.js';
import { inContractOrder } from '../http/stream-contract.js';
import { OpenAIStreamDecoder } from './decode-openai-stream.js';
import { openAIChatCompletionSchema } from './openai-stream-schema.js';

/**
 * A whole Chat Completions answer (`stream: false`) → the canonical events its event stream decodes
 * to, in contract order. The first choice's message is read as the one chunk of a stream that
 * carried everything at once (each tool call at its place in the list as its index), so a whole
 * answer and a streamed one go through the same checks: reasoning, text, refusal, tool calls, the
 * finish reason and usage. Throws UpstreamUnavailableError (retryable) for a body that is not a
 * chat completion or has no first choice.
 */
export function decodeOpenAIChatCompletion(completion: Record<string, unknown>): StreamEvent[] {
  const parsed = openAIChatCompletionSchema.safeParse(completion);
  const choice = parsed.success ? parsed.data.choices.find((item) => (item.index ?? 0) === 0) : undefined;
  if (!parsed.success || !choice) {
    throw new UpstreamUnavailableError('The upstream answered 200 with JSON that is not a chat completion.', { upstreamStatus: 200 });
  }
  const { id, usage } = parsed.data;
  const message = choice.message;
  const toolCalls = message?.tool_calls?.map((call, index) => ({ ...call, index }));
  const decoder = new OpenAIStreamDecoder();
  const decoded: StreamEvent[] = [];
  decoder.decodeChunk(
    { id: id ?? undefined, choices: [{ index: 0, delta: message && { ...message, tool_calls: toolCalls }, finish_reason: choice.finish_reason }], usage },
    decoded,
  );
  decoder.end(decoded);
  return inContractOrder(decoded);
}
