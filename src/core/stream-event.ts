import type { GatewayError } from './errors/gateway-error.js';
import type { FinishReason } from './finish-reason.js';
import type { Usage } from './usage.js';

/**
 * The canonical stream every provider emits and every client renderer consumes.
 * Blocks are identified by `id`; renderers keep their own index maps per direction.
 * Order: one `message-start`, then blocks (`*-start`, `*-delta`…, `*-end`; tool inputs may be
 * interleaved only if ids differ), any number of `usage`, exactly one `finish` (or an `error`).
 */
export type StreamEvent =
  | { type: 'message-start'; id?: string; usage?: Partial<Usage> }
  | { type: 'text-start'; id: string }
  | { type: 'text-delta'; id: string; delta: string }
  | { type: 'text-end'; id: string }
  | { type: 'reasoning-start'; id: string }
  | { type: 'reasoning-delta'; id: string; delta: string }
  /** Anthropic thinking signature (`signature_delta`), sent before `reasoning-end`. */
  | { type: 'reasoning-signature'; id: string; signature: string }
  | { type: 'reasoning-end'; id: string }
  | { type: 'redacted-reasoning'; id: string; data: string }
  | { type: 'tool-input-start'; id: string; name: string }
  | { type: 'tool-input-delta'; id: string; delta: string }
  | { type: 'tool-input-end'; id: string }
  | { type: 'usage'; usage: Partial<Usage> }
  | { type: 'finish'; reason: FinishReason; stopSequence?: string }
  | { type: 'error'; error: GatewayError };

export type StreamEventType = StreamEvent['type'];
