/**
 * The canonical request every client format is parsed into and every provider is served from.
 * Pure data: no I/O, no wire names. Client converters (formats/) and provider adapters (providers/)
 * are the only places that know about JSON field names on the wire.
 */

export interface CacheControl {
  type: 'ephemeral';
  ttl?: string;
}

export interface TextPart {
  type: 'text';
  text: string;
  cacheControl?: CacheControl;
}

export type MediaSource =
  | { kind: 'base64'; mediaType: string; data: string }
  | { kind: 'url'; url: string; mediaType?: string };

export interface ImagePart {
  type: 'image';
  source: MediaSource;
  cacheControl?: CacheControl;
}

export interface DocumentPart {
  type: 'document';
  /** base64 PDF, URL, or plain text (`kind: 'text'`). */
  source: MediaSource | { kind: 'text'; text: string };
  title?: string;
  cacheControl?: CacheControl;
}

/** A tool call made by the assistant. `input` is the parsed JSON arguments (an object). */
export interface ToolCallPart {
  type: 'tool-call';
  id: string;
  name: string;
  input: unknown;
  cacheControl?: CacheControl;
}

/** The answer to a tool call, carried in a user turn (Anthropic) or a `tool` message (OpenAI). */
export interface ToolResultPart {
  type: 'tool-result';
  toolCallId: string;
  content: Array<TextPart | ImagePart | DocumentPart>;
  isError?: boolean;
  cacheControl?: CacheControl;
}

/** Model reasoning ("thinking"). `signature` is opaque and only valid on the account that made it. */
export interface ReasoningPart {
  type: 'reasoning';
  text: string;
  signature?: string;
}

/** Encrypted reasoning that can only be replayed verbatim to the same upstream. */
export interface RedactedReasoningPart {
  type: 'redacted-reasoning';
  data: string;
}

export type UserContentPart = TextPart | ImagePart | DocumentPart | ToolResultPart;
export type AssistantContentPart = TextPart | ToolCallPart | ReasoningPart | RedactedReasoningPart;

export type ChatMessage =
  | { role: 'user'; content: UserContentPart[] }
  | { role: 'assistant'; content: AssistantContentPart[] }
  /** A system instruction in the middle of the conversation (Claude Code sends these). */
  | { role: 'system'; content: TextPart[] };

export interface ToolDefinition {
  name: string;
  description?: string;
  /** JSON Schema of the input object. */
  inputSchema: Record<string, unknown>;
  cacheControl?: CacheControl;
}

export type ToolChoice =
  | { type: 'auto' }
  | { type: 'none' }
  | { type: 'required' }
  | { type: 'tool'; name: string };

export type ReasoningEffort = 'minimal' | 'low' | 'medium' | 'high' | 'max';

export interface ReasoningConfig {
  /** `adaptive` lets the model decide (Anthropic `thinking: {type: "adaptive"}`). */
  mode: 'enabled' | 'adaptive' | 'disabled';
  budgetTokens?: number;
  effort?: ReasoningEffort;
}

/**
 * Structured output the client asked for: plain text, any JSON object, or JSON matching a schema.
 * Providers with a native form send it as such; the others force a single tool and answer with its input.
 */
export type ResponseFormat =
  | { type: 'text' }
  | { type: 'json-object' }
  | { type: 'json-schema'; name: string; schema: Record<string, unknown>; description?: string; strict?: boolean };

export interface ChatRequest {
  /** The model name the client asked for (before mapping). */
  model: string;
  system: TextPart[];
  messages: ChatMessage[];
  tools: ToolDefinition[];
  toolChoice?: ToolChoice;
  parallelToolCalls?: boolean;
  maxOutputTokens?: number;
  temperature?: number;
  topP?: number;
  topK?: number;
  stopSequences?: string[];
  reasoning?: ReasoningConfig;
  /** Structured output; absent means free text. */
  responseFormat?: ResponseFormat;
  stream: boolean;
  /** OpenAI `stream_options.include_usage`. */
  includeUsage?: boolean;
  /** End-user id for abuse tracking (`user` / `metadata.user_id`). */
  user?: string;
}
