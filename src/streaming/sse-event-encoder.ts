/** Encodes one Server-Sent Event in the framing the Anthropic and OpenAI APIs use. */
export function encodeSseEvent(data: string, event?: string): string {
  const lines = data.split('\n').map((line) => `data: ${line}`);
  return `${event === undefined ? '' : `event: ${event}\n`}${lines.join('\n')}\n\n`;
}
