import { z } from 'zod';

/** Lenient shapes of the Anthropic Messages SSE events: unknown fields are kept, unknown events ignored. */
export const anthropicUsageSchema = z
  .object({
    input_tokens: z.number().nullish(),
    output_tokens: z.number().nullish(),
    cache_creation_input_tokens: z.number().nullish(),
    cache_read_input_tokens: z.number().nullish(),
    /** The cache writes split by time to live (prompt caching with `ttl: "1h"`). */
    cache_creation: z
      .object({ ephemeral_5m_input_tokens: z.number().nullish(), ephemeral_1h_input_tokens: z.number().nullish() })
      .loose()
      .nullish(),
    /** Amp's proxy adds the credits charged. */
    credits: z.number().nullish(),
  })
  .loose();

export type AnthropicUsage = z.infer<typeof anthropicUsageSchema>;

const contentBlockSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text'), text: z.string().optional() }).loose(),
  z.object({ type: z.literal('thinking'), thinking: z.string().optional(), signature: z.string().optional() }).loose(),
  z.object({ type: z.literal('redacted_thinking'), data: z.string() }).loose(),
  z.object({ type: z.literal('tool_use'), id: z.string(), name: z.string(), input: z.unknown().optional() }).loose(),
  z.object({ type: z.literal('server_tool_use'), id: z.string(), name: z.string(), input: z.unknown().optional() }).loose(),
]);

const deltaSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text_delta'), text: z.string() }).loose(),
  z.object({ type: z.literal('thinking_delta'), thinking: z.string() }).loose(),
  z.object({ type: z.literal('signature_delta'), signature: z.string() }).loose(),
  z.object({ type: z.literal('input_json_delta'), partial_json: z.string() }).loose(),
]);

export const anthropicStreamEventSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('message_start'),
      message: z.object({ id: z.string().optional(), usage: anthropicUsageSchema.optional() }).loose(),
    })
    .loose(),
  z.object({ type: z.literal('content_block_start'), index: z.number(), content_block: z.unknown() }).loose(),
  z.object({ type: z.literal('content_block_delta'), index: z.number(), delta: z.unknown() }).loose(),
  z.object({ type: z.literal('content_block_stop'), index: z.number() }).loose(),
  z
    .object({
      type: z.literal('message_delta'),
      delta: z.object({ stop_reason: z.string().nullish(), stop_sequence: z.string().nullish() }).loose().optional(),
      usage: anthropicUsageSchema.nullish(),
    })
    .loose(),
  z.object({ type: z.literal('message_stop') }).loose(),
  z.object({ type: z.literal('ping') }).loose(),
  z
    .object({
      type: z.literal('error'),
      error: z.object({ type: z.string().optional(), message: z.string().optional() }).loose(),
    })
    .loose(),
]);

export type AnthropicStreamEvent = z.infer<typeof anthropicStreamEventSchema>;
export const anthropicContentBlockSchema = contentBlockSchema;
export const anthropicDeltaSchema = deltaSchema;
