import type { FinishReason } from '../../core/finish-reason.js';

/** Anthropic `stop_reason` → canonical finish reason. Unknown future values map to 'other'. */
export function mapAnthropicStopReason(stopReason: string | null | undefined): FinishReason {
  switch (stopReason) {
    case 'end_turn':
      return 'stop';
    case 'stop_sequence':
      return 'stop-sequence';
    case 'max_tokens':
      return 'length';
    case 'tool_use':
      return 'tool-calls';
    case 'pause_turn':
      return 'pause';
    case 'refusal':
      return 'content-filter';
    case 'model_context_window_exceeded':
      return 'context-exceeded';
    default:
      return 'other';
  }
}
