import { z } from 'zod';
import { maxModelNameLength, maxToolNameLength } from '../../core/field-limits.js';

/**
 * Anthropic Messages request, lenient: unknown top-level fields (context_management, container,
 * mcp_servers, service_tier, …) are stripped, not rejected. Content blocks are only checked for a
 * `type` here; each known block type is validated on its own so unknown ones drop with a warning.
 */

export const anthropicCacheControlSchema = z.object({ type: z.string(), ttl: z.string().nullish() }).nullish();
const anyBlock = z.object({ type: z.string() }).loose();

export const anthropicTextBlockSchema = z.object({
  type: z.literal('text'),
  text: z.string(),
  cache_control: anthropicCacheControlSchema,
});
export const anthropicSourceSchema = z.object({
  type: z.string(),
  media_type: z.string().nullish(),
  data: z.string().nullish(),
  url: z.string().nullish(),
  content: z.union([z.string(), z.array(anyBlock)]).nullish(),
});
export const anthropicMediaBlockSchema = z.object({
  type: z.enum(['image', 'document']),
  source: anthropicSourceSchema,
  title: z.string().nullish(),
  cache_control: anthropicCacheControlSchema,
});
export const anthropicToolUseBlockSchema = z.object({
  type: z.literal('tool_use'),
  id: z.string(),
  name: z.string().max(maxToolNameLength),
  input: z.unknown(),
  cache_control: anthropicCacheControlSchema,
});
export const anthropicToolResultBlockSchema = z.object({
  type: z.literal('tool_result'),
  tool_use_id: z.string(),
  content: z.union([z.string(), z.array(anyBlock)]).nullish(),
  is_error: z.boolean().nullish(),
  cache_control: anthropicCacheControlSchema,
});
export const anthropicThinkingBlockSchema = z.object({
  type: z.literal('thinking'),
  thinking: z.string(),
  signature: z.string().nullish(),
});
export const anthropicRedactedThinkingBlockSchema = z.object({ type: z.literal('redacted_thinking'), data: z.string() });

const content = z.union([z.string(), z.array(anyBlock)]);

/** Structured outputs: the answer is JSON matching `schema` (the only format Anthropic defines). */
export const anthropicOutputFormatSchema = z.object({ type: z.literal('json_schema'), schema: z.record(z.string(), z.unknown()) });

export const anthropicMessagesRequestSchema = z.object({
  model: z.string().min(1).max(maxModelNameLength),
  messages: z.array(z.object({ role: z.enum(['user', 'assistant', 'system']), content })).min(1),
  system: z.union([z.string(), z.array(anthropicTextBlockSchema)]).nullish(),
  max_tokens: z.number().int().positive().nullish(),
  temperature: z.number().min(0).max(1).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  top_k: z.number().int().nonnegative().nullish(),
  stop_sequences: z.array(z.string()).nullish(),
  stream: z.boolean().nullish(),
  tools: z
    .array(
      z.object({
        type: z.string().nullish(),
        name: z.string().max(maxToolNameLength),
        description: z.string().nullish(),
        input_schema: z.record(z.string(), z.unknown()).nullish(),
        cache_control: anthropicCacheControlSchema,
      }),
    )
    .nullish(),
  tool_choice: z
    .object({
      type: z.enum(['auto', 'any', 'tool', 'none']),
      name: z.string().nullish(),
      disable_parallel_tool_use: z.boolean().nullish(),
    })
    .nullish(),
  thinking: z.object({ type: z.string(), budget_tokens: z.number().int().nonnegative().nullish() }).nullish(),
  output_config: z.object({ effort: z.string().nullish(), format: anthropicOutputFormatSchema.nullish() }).nullish(),
  /** The structured-outputs beta's spelling of `output_config.format` (header `structured-outputs-2025-11-13`). */
  output_format: anthropicOutputFormatSchema.nullish(),
  metadata: z.object({ user_id: z.string().nullish() }).nullish(),
});

export type AnthropicMessagesRequestBody = z.output<typeof anthropicMessagesRequestSchema>;
export type AnthropicMessage = AnthropicMessagesRequestBody['messages'][number];
export type AnthropicContent = z.output<typeof content>;
export type AnthropicSource = z.output<typeof anthropicSourceSchema>;
