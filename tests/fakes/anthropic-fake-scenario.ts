/** What the fake Anthropic server answers to the next request. */
export type AnthropicFakeBlock =
  | { type: 'text'; text: string }
  | { type: 'thinking'; thinking: string; signature: string }
  | { type: 'redacted_thinking'; data: string }
  | { type: 'tool_use'; id: string; name: string; input: Record<string, unknown> };

export interface AnthropicFakeUsage {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens?: number;
  cache_read_input_tokens?: number;
  /** Amp adds the credits charged. */
  credits?: number;
}

export type AnthropicFakeScenario =
  | {
      kind: 'reply';
      content: AnthropicFakeBlock[];
      stopReason?: 'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use' | 'pause_turn' | 'refusal';
      stopSequence?: string;
      usage?: AnthropicFakeUsage;
      /** Stop writing (and reset the socket) after this many SSE events. */
      cutAfterEvents?: number;
      /** Keep the response open after this many SSE events until the client goes away. */
      hangAfterEvents?: number;
      /** Send an `error` SSE event after this many events instead of the rest. */
      errorAfterEvents?: { afterEvents: number; type: string; message: string };
      /** Wait this long before the response headers. */
      delayMs?: number;
    }
  | { kind: 'error'; status: number; body: unknown; headers?: Record<string, string> };

export const anthropicText = (text: string, usage?: AnthropicFakeUsage): AnthropicFakeScenario => ({
  kind: 'reply',
  content: [{ type: 'text', text }],
  usage,
});

export const anthropicError = (status: number, type: string, message: string, headers?: Record<string, string>): AnthropicFakeScenario => ({
  kind: 'error',
  status,
  body: { type: 'error', error: { type, message } },
  headers,
});
