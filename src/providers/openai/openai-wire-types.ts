/** The Chat Completions request body as Sluice sends it (our own output, so typed strictly). */
export type OpenAIContentPart =
  | { type: 'text'; text: string }
  | { type: 'image_url'; image_url: { url: string } }
  | { type: 'file'; file: { filename?: string; file_data: string } };

export interface OpenAIToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export type OpenAIMessage =
  | { role: 'system'; content: string }
  | { role: 'user'; content: string | OpenAIContentPart[] }
  | { role: 'assistant'; content: string | null; tool_calls?: OpenAIToolCall[]; reasoning_content?: string }
  | { role: 'tool'; tool_call_id: string; content: string };

export type OpenAIToolChoice = 'auto' | 'none' | 'required' | { type: 'function'; function: { name: string } };

export type OpenAIReasoningEffort = 'minimal' | 'low' | 'medium' | 'high';

export type OpenAIResponseFormat =
  | { type: 'json_object' }
  | { type: 'json_schema'; json_schema: { name: string; schema: Record<string, unknown>; description?: string; strict?: boolean } };

export interface OpenAIChatBody {
  model: string;
  messages: OpenAIMessage[];
  tools?: Array<{ type: 'function'; function: { name: string; description?: string; parameters: Record<string, unknown> } }>;
  tool_choice?: OpenAIToolChoice;
  parallel_tool_calls?: boolean;
  max_completion_tokens?: number;
  max_tokens?: number;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  stop?: string[];
  reasoning_effort?: OpenAIReasoningEffort;
  user?: string;
  response_format?: OpenAIResponseFormat;
  stream: boolean;
  /** Only with `stream: true` (OpenAI rejects it otherwise). */
  stream_options?: { include_usage: true };
}

/** 'openai' is api.openai.com (and Amp's OpenAI route); 'compatible' is any server copying its API. */
export type OpenAIFlavour = 'openai' | 'compatible';
