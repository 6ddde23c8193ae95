/** A `content_block_delta` event carrying text: most events of a stream are these. */
export interface AnthropicTextDelta {
  index: number;
  text: string;
}

const head = '{"type":"content_block_delta","index":';
const middle = ',"delta":{"type":"text_delta","text":"';
const tail = '"}}';
/** What would make the text between the quotes more than plain characters: an escape, a quote, a control character. */
const needsParsing = /["\\\u0000-\u001f]/;

/**
 * The text delta in an SSE payload, read straight from the text in the compact form Anthropic
 * sends, without JSON.parse and the objects it makes. Anything else (an escape in the text, other
 * spacing or key order, another event) returns undefined and is left to the full parse. A payload
 * read here is exactly the JSON that JSON.parse would read the same way.
 */
export function readCompactTextDelta(data: string): AnthropicTextDelta | undefined {
  if (!data.startsWith(head) || !data.endsWith(tail)) return undefined;
  const digitsEnd = data.indexOf(',', head.length);
  if (digitsEnd < 0 || !data.startsWith(middle, digitsEnd)) return undefined;
  const digits = data.slice(head.length, digitsEnd);
  // A JSON integer: no sign, no leading zero, no fraction.
  if (!/^(0|[1-9][0-9]{0,8})$/.test(digits)) return undefined;
  const textStart = digitsEnd + middle.length;
  const textEnd = data.length - tail.length;
  if (textEnd < textStart) return undefined;
  const text = data.slice(textStart, textEnd);
  if (needsParsing.test(text)) return undefined;
  return { index: Number(digits), text };
}

/** The same recognition on a parsed payload, with the checks the stream schemas make. */
export function asTextDelta(json: unknown): AnthropicTextDelta | undefined {
  if (typeof json !== 'object' || json === null) return undefined;
  const event = json as { type?: unknown; index?: unknown; delta?: { type?: unknown; text?: unknown } | null };
  if (event.type !== 'content_block_delta' || typeof event.index !== 'number') return undefined;
  const delta = event.delta;
  if (typeof delta !== 'object' || delta === null || delta.type !== 'text_delta' || typeof delta.text !== 'string') return undefined;
  return { index: event.index, text: delta.text };
}
