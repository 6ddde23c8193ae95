import { z } from 'zod';
import { maxModelNameLength, maxToolNameLength } from '../../core/field-limits.js';

/**
 * OpenAI Chat Completions request, lenient: unknown fields are stripped rather than rejected, `null`
 * is accepted wherever a field is optional, and content parts are only checked for a `type` here
 * (each known part type is validated on its own so unknown ones can be dropped with a warning).
 */

const anyPart = z.object({ type: z.string() }).loose();
const content = z.union([z.string(), z.array(anyPart)]);

export const openAITextPartSchema = z.object({ type: z.literal('text'), text: z.string() });
export const openAIImagePartSchema = z.object({
  type: z.literal('image_url'),
  image_url: z.union([z.string(), z.object({ url: z.string(), detail: z.string().nullish() })]),
});
export const openAIFilePartSchema = z.object({
  type: z.literal('file'),
  file: z.object({ file_data: z.string().nullish(), file_id: z.string().nullish(), filename: z.string().nullish() }),
});
export const openAIRefusalPartSchema = z.object({ type: z.literal('refusal'), refusal: z.string() });

const toolCall = z.object({
  id: z.string(),
  type: z.string().nullish(),
  function: z.object({ name: z.string().max(maxToolNameLength), arguments: z.union([z.string(), z.record(z.string(), z.unknown())]).nullish() }),
});
const functionCall = z.object({ name: z.string().max(maxToolNameLength), arguments: z.string().nullish() });

const message = z.discriminatedUnion('role', [
  z.object({ role: z.enum(['system', 'developer']), content, name: z.string().nullish() }),
  z.object({ role: z.literal('user'), content, name: z.string().nullish() }),
  z.object({
    role: z.literal('assistant'),
    content: content.nullish(),
    tool_calls: z.array(toolCall).nullish(),
    function_call: functionCall.nullish(),
    reasoning_content: z.string().nullish(),
    reasoning: z.string().nullish(),
    refusal: z.string().nullish(),
  }),
  z.object({ role: z.literal('tool'), tool_call_id: z.string(), content: content.nullish() }),
  z.object({ role: z.literal('function'), name: z.string().max(maxToolNameLength), content: z.string().nullish() }),
]);

/** `response_format`: free text, JSON mode, or Structured Outputs with a named schema. */
export const openAIResponseFormatSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text') }),
  z.object({ type: z.literal('json_object') }),
  z.object({
    type: z.literal('json_schema'),
    json_schema: z.object({
      name: z.string().min(1),
      description: z.string().nullish(),
      schema: z.record(z.string(), z.unknown()).nullish(),
      strict: z.boolean().nullish(),
    }),
  }),
]);

const functionDefinition = z.object({
  name: z.string().min(1).max(maxToolNameLength),
  description: z.string().nullish(),
  parameters: z.record(z.string(), z.unknown()).nullish(),
});

export const openAIChatRequestSchema = z.object({
  model: z.string().min(1).max(maxModelNameLength),
  messages: z.array(message).min(1),
  tools: z.array(z.object({ type: z.string(), function: functionDefinition.nullish() }).loose()).nullish(),
  tool_choice: z
    .union([z.enum(['auto', 'none', 'required']), z.object({ type: z.string(), function: z.object({ name: z.string().max(maxToolNameLength) }).nullish() })])
    .nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  functions: z.array(functionDefinition).nullish(),
  function_call: z.union([z.enum(['auto', 'none']), z.object({ name: z.string().max(maxToolNameLength) })]).nullish(),
  max_tokens: z.number().int().positive().nullish(),
  max_completion_tokens: z.number().int().positive().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  /** Not OpenAI's, but common on OpenAI-compatible servers. */
  top_k: z.number().int().nonnegative().nullish(),
  stop: z.union([z.string(), z.array(z.string())]).nullish(),
  stream: z.boolean().nullish(),
  stream_options: z.object({ include_usage: z.boolean().nullish() }).nullish(),
  reasoning_effort: z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh']).nullish(),
  n: z.number().int().positive().nullish(),
  response_format: openAIResponseFormatSchema.nullish(),
  user: z.string().nullish(),
});

export type OpenAIChatRequestBody = z.output<typeof openAIChatRequestSchema>;
export type OpenAIMessage = OpenAIChatRequestBody['messages'][number];
export type OpenAIContent = z.output<typeof content>;
