/** The Anthropic Messages request body as Sluice sends it (our own output, so typed strictly). */
export interface AnthropicCacheControl {
  type: 'ephemeral';
  ttl?: string;
}

export type AnthropicMediaSource =
  | { type: 'base64'; media_type: string; data: string }
  | { type: 'url'; url: string }
  | { type: 'text'; media_type: 'text/plain'; data: string };

export type AnthropicContentBlock =
  | { type: 'text'; text: string; cache_control?: AnthropicCacheControl }
  | { type: 'image'; source: AnthropicMediaSource; cache_control?: AnthropicCacheControl }
  | { type: 'document'; source: AnthropicMediaSource; title?: string; cache_control?: AnthropicCacheControl }
  | { type: 'tool_use'; id: string; name: string; input: unknown; cache_control?: AnthropicCacheControl }
  | {
      type: 'tool_result';
      tool_use_id: string;
      content: AnthropicContentBlock[];
      is_error?: boolean;
      cache_control?: AnthropicCacheControl;
    }
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'redacted_thinking'; data: string };

export interface AnthropicMessage {
  role: 'user' | 'assistant';
  content: AnthropicContentBlock[];
}

export type AnthropicToolChoice =
  | { type: 'auto'; disable_parallel_tool_use?: boolean }
  | { type: 'any'; disable_parallel_tool_use?: boolean }
  | { type: 'tool'; name: string; disable_parallel_tool_use?: boolean }
  | { type: 'none' };

export type AnthropicThinking = { type: 'enabled'; budget_tokens: number } | { type: 'adaptive' } | { type: 'disabled' };

/** Structured outputs: the answer is JSON matching `schema`. */
export interface AnthropicOutputConfig {
  format: { type: 'json_schema'; schema: Record<string, unknown> };
}

export interface AnthropicMessagesBody {
  model: string;
  max_tokens: number;
  system?: Array<{ type: 'text'; text: string; cache_control?: AnthropicCacheControl }>;
  messages: AnthropicMessage[];
  tools?: Array<{ name: string; description?: string; input_schema: Record<string, unknown>; cache_control?: AnthropicCacheControl }>;
  tool_choice?: AnthropicToolChoice;
  thinking?: AnthropicThinking;
  temperature?: number;
  top_p?: number;
  top_k?: number;
  stop_sequences?: string[];
  metadata?: { user_id: string };
  output_config?: AnthropicOutputConfig;
  stream: boolean;
}
