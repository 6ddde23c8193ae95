import { z } from 'zod';

/**
 * OpenAI Responses request (`POST /v1/responses`), lenient like the Chat schema: unknown fields are
 * stripped, `null` is accepted where a field is optional, and input items and tools are only checked
 * for a `type` here; each known kind is validated on its own so unknown ones can be dropped with a warning.
 */

const anyObject = z.object({ type: z.string().optional() }).loose();

export const responsesTextFormatSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('text') }),
  z.object({ type: z.literal('json_object') }),
  z.object({
    type: z.literal('json_schema'),
    name: z.string(),
    schema: z.record(z.string(), z.unknown()),
    description: z.string().nullish(),
    strict: z.boolean().nullish(),
  }),
]);

export const responsesRequestSchema = z.object({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(anyObject)]).nullish(),
  instructions: z.string().nullish(),
  tools: z.array(z.object({ type: z.string() }).loose()).nullish(),
  tool_choice: z.union([z.string(), z.object({ type: z.string() }).loose()]).nullish(),
  parallel_tool_calls: z.boolean().nullish(),
  reasoning: z
    .object({
      effort: z.enum(['none', 'minimal', 'low', 'medium', 'high', 'xhigh']).nullish(),
      summary: z.enum(['auto', 'concise', 'detailed']).nullish(),
      generate_summary: z.enum(['auto', 'concise', 'detailed']).nullish(),
    })
    .loose()
    .nullish(),
  max_output_tokens: z.number().int().positive().nullish(),
  temperature: z.number().min(0).max(2).nullish(),
  top_p: z.number().min(0).max(1).nullish(),
  text: z.object({ format: responsesTextFormatSchema.nullish(), verbosity: z.string().nullish() }).loose().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
  include: z.array(z.string()).nullish(),
  store: z.boolean().nullish(),
  stream: z.boolean().nullish(),
  previous_response_id: z.string().nullish(),
  prompt_cache_key: z.string().nullish(),
  user: z.string().nullish(),
  safety_identifier: z.string().nullish(),
  truncation: z.enum(['auto', 'disabled']).nullish(),
  service_tier: z.string().nullish(),
});

export type ResponsesRequestBody = z.infer<typeof responsesRequestSchema>;

/** Content parts of input messages (user, system, developer) and of assistant history. */
export const inputTextPartSchema = z.object({ type: z.enum(['input_text', 'output_text', 'text']), text: z.string() });
export const refusalPartSchema = z.object({ type: z.literal('refusal'), refusal: z.string() });
export const inputImagePartSchema = z.object({
  type: z.literal('input_image'),
  image_url: z.string().nullish(),
  file_id: z.string().nullish(),
  detail: z.string().nullish(),
});
export const inputFilePartSchema = z.object({
  type: z.literal('input_file'),
  file_data: z.string().nullish(),
  file_id: z.string().nullish(),
  file_url: z.string().nullish(),
  filename: z.string().nullish(),
});

const partList = z.array(z.object({ type: z.string() }).loose());

export const messageItemSchema = z.object({
  type: z.literal('message').optional(),
  role: z.enum(['user', 'assistant', 'system', 'developer']),
  content: z.union([z.string(), partList]),
});
export const functionCallItemSchema = z.object({
  type: z.literal('function_call'),
  call_id: z.string().min(1),
  name: z.string().min(1),
  arguments: z.string(),
});
export const customToolCallItemSchema = z.object({
  type: z.literal('custom_tool_call'),
  call_id: z.string().min(1),
  name: z.string().min(1),
  input: z.string(),
});
export const toolOutputItemSchema = z.object({
  type: z.enum(['function_call_output', 'custom_tool_call_output']),
  call_id: z.string().min(1),
  output: z.union([z.string(), partList]),
});
export const reasoningItemSchema = z.object({
  type: z.literal('reasoning'),
  summary: z.array(z.object({ text: z.string() }).loose()).nullish(),
  content: z.array(z.object({ text: z.string() }).loose()).nullish(),
  encrypted_content: z.string().nullish(),
});

export const functionToolSchema = z.object({
  type: z.literal('function'),
  name: z.string().min(1),
  description: z.string().nullish(),
  parameters: z.record(z.string(), z.unknown()).nullish(),
  strict: z.boolean().nullish(),
});
export const customToolSchema = z.object({
  type: z.literal('custom'),
  name: z.string().min(1),
  description: z.string().nullish(),
  format: z
    .object({ type: z.string(), syntax: z.string().nullish(), definition: z.string().nullish() })
    .loose()
    .nullish(),
});
