export type FinishReason =
  | 'stop'
  | 'stop-sequence'
  | 'length'
  | 'tool-calls'
  | 'content-filter'
  | 'pause'
  | 'context-exceeded'
  | 'error'
  | 'other';
