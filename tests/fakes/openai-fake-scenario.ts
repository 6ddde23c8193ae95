/** What the fake OpenAI server answers to the next request. */
export type OpenAIFakePart =
  | { type: 'text'; text: string }
  /** `reasoning_content` deltas (DeepSeek-style; the official API does not stream reasoning text). */
  | { type: 'reasoning'; text: string }
  /**
   * `custom`: a custom (free-form) tool call whose raw input is `arguments`; the Responses API sends
   * it as `custom_tool_call`, Chat Completions (which has no such thing) as a function call with `{"input": …}`.
   */
  | { type: 'tool_call'; id: string; name: string; arguments: string; custom?: boolean };

export interface OpenAIFakeUsage {
  prompt_tokens: number;
  completion_tokens: number;
  cached_tokens?: number;
  reasoning_tokens?: number;
  /** Amp adds the credits charged. */
  credits?: number;
}

export type OpenAIFakeScenario =
  | {
      kind: 'reply';
      parts: OpenAIFakePart[];
      finishReason?: 'stop' | 'length' | 'tool_calls' | 'content_filter';
      usage?: OpenAIFakeUsage;
      /** Send a tool's first argument fragment before the chunk carrying its id and name. */
      argumentsBeforeName?: boolean;
      cutAfterEvents?: number;
      hangAfterEvents?: number;
      /** Send an in-stream `{"error": …}` chunk after this many events instead of the rest. */
      errorAfterEvents?: { afterEvents: number; type: string; code?: string; message: string };
      delayMs?: number;
    }
  | { kind: 'error'; status: number; body: unknown; headers?: Record<string, string> };

export const openAIText = (text: string, usage?: OpenAIFakeUsage): OpenAIFakeScenario => ({ kind: 'reply', parts: [{ type: 'text', text }], usage });

export const openAIError = (status: number, type: string, message: string, headers?: Record<string, string>, code?: string): OpenAIFakeScenario => ({
  kind: 'error',
  status,
  body: { error: { message, type, param: null, code: code ?? null } },
  headers,
});
