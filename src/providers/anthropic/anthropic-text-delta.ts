/** A `content_block_delta` event carrying text: most events of a stream are these. */
export interface AnthropicTextDelta {
  index: number;
  text: string;
}

/** A parsed payload as a text delta, with the checks the stream schemas make. */
export function asTextDelta(json: unknown): AnthropicTextDelta | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const event = json as { type?: unknown; index?: unknown; delta?: { type?: unknown; text?: unknown } | null };
  if (event.type !== 'content_block_delta' || typeof event.index !== 'number') return undefined;
  const delta = event.delta;
  if (typeof delta !== 'object' || delta === null || delta.type !== 'text_delta' || typeof delta.text !== 'string') return undefined;
  return { index: event.index, text: delta.text };
}
