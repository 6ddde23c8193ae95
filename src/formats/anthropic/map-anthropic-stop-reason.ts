import type { FinishReason } from '../../core/finish-reason.js';

export type AnthropicStopReason =
  | 'end_turn'
  | 'max_tokens'
  | 'stop_sequence'
  | 'tool_use'
  | 'pause_turn'
  | 'refusal'
  | 'model_context_window_exceeded';

/** Anthropic wire `stop_reason` → canonical. Unknown values become `other`. */
export function mapAnthropicStopReason(reason: string | null | undefined): FinishReason {
  switch (reason) {
    case 'end_turn':
      return 'stop';
    case 'stop_sequence':
      return 'stop-sequence';
    case 'max_tokens':
      return 'length';
    case 'tool_use':
      return 'tool-calls';
    case 'refusal':
      return 'content-filter';
    case 'pause_turn':
      return 'pause';
    case 'model_context_window_exceeded':
      return 'context-exceeded';
    default:
      return 'other';
  }
}

/** Canonical → Anthropic wire `stop_reason`. */
export function toAnthropicStopReason(reason: FinishReason): AnthropicStopReason {
  switch (reason) {
    case 'stop':
    case 'error':
    case 'other':
      return 'end_turn';
    case 'stop-sequence':
      return 'stop_sequence';
    case 'length':
      return 'max_tokens';
    case 'tool-calls':
      return 'tool_use';
    case 'content-filter':
      return 'refusal';
    case 'pause':
      return 'pause_turn';
    case 'context-exceeded':
      return 'model_context_window_exceeded';
    default: {
      const unreachable: never = reason;
      return unreachable;
    }
  }
}
