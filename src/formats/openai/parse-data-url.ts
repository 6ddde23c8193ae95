/** `data:image/png;base64,AAAA` → its media type and base64 payload; undefined when not a base64 data URL. */
export function parseDataUrl(url: string): { mediaType: string; data: string } | undefined {
  const match = /^data:([^;,]*)((?:;[^;,]*)*);base64,(.*)$/s.exec(url);
  if (!match) return undefined;
  return { mediaType: match[1] === '' ? 'application/octet-stream' : (match[1] ?? ''), data: match[3] ?? '' };
}
