import type { FinishReason } from './finish-reason.js';
import type { Usage } from './usage.js';

export type ResultPart =
  | { type: 'text'; text: string }
  | { type: 'reasoning'; text: string; signature?: string }
  | { type: 'redacted-reasoning'; data: string }
  | { type: 'tool-call'; id: string; name: string; input: unknown; rawInput: string };

/** A whole answer, assembled from a canonical stream (see `collect-stream.ts`). */
export interface ChatResult {
  id: string;
  content: ResultPart[];
  finishReason: FinishReason;
  stopSequence?: string;
  usage: Usage;
}
