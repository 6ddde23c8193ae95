import { z } from 'zod';

/** Lenient shape of an OpenAI (or compatible) usage object; unknown fields are kept. */
export const openAIUsageSchema = z
  .object({
    prompt_tokens: z.number().nullish(),
    completion_tokens: z.number().nullish(),
    prompt_tokens_details: z.object({ cached_tokens: z.number().nullish() }).loose().nullish(),
    completion_tokens_details: z.object({ reasoning_tokens: z.number().nullish() }).loose().nullish(),
    /** DeepSeek's cache accounting. */
    prompt_cache_hit_tokens: z.number().nullish(),
    /** Amp's proxy adds the credits charged. */
    credits: z.number().nullish(),
  })
  .loose();

export type OpenAIUsage = z.infer<typeof openAIUsageSchema>;

const toolCallDeltaSchema = z
  .object({
    index: z.number().optional(),
    id: z.string().nullish(),
    function: z.object({ name: z.string().nullish(), arguments: z.string().nullish() }).loose().nullish(),
  })
  .loose();

/** A chunk's `delta`, or the whole `message` of an unstreamed answer (its tool calls without an index). */
const messageSchema = z
  .object({
    content: z.string().nullish(),
    reasoning_content: z.string().nullish(),
    reasoning: z.string().nullish(),
    refusal: z.string().nullish(),
    tool_calls: z.array(toolCallDeltaSchema).nullish(),
  })
  .loose();

/** One `chat.completion.chunk`, or an in-stream `{"error": …}` object. */
export const openAIChunkSchema = z
  .object({
    id: z.string().optional(),
    choices: z
      .array(
        z
          .object({
            index: z.number().optional(),
            delta: messageSchema.nullish(),
            finish_reason: z.string().nullish(),
          })
          .loose(),
      )
      .nullish(),
    usage: openAIUsageSchema.nullish(),
    error: z
      .union([z.string(), z.object({ message: z.string().nullish(), type: z.string().nullish(), code: z.union([z.string(), z.number()]).nullish() }).loose()])
      .nullish(),
  })
  .loose();

export type OpenAIChunk = z.infer<typeof openAIChunkSchema>;

/** A whole `chat.completion` (`stream: false`): the same fields as a chunk, the choice's `message` for its `delta`. */
export const openAIChatCompletionSchema = z
  .object({
    id: z.string().nullish(),
    choices: z.array(
      z
        .object({
          index: z.number().optional(),
          message: messageSchema.nullish(),
          finish_reason: z.string().nullish(),
        })
        .loose(),
    ),
    usage: openAIUsageSchema.nullish(),
  })
  .loose();
