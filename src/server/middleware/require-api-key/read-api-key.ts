/**
 * The client key from `Authorization: Bearer <key>` or `x-api-key: <key>` (what OpenAI and Anthropic
 * SDKs send), or `x-goog-api-key: <key>` and `?key=<key>` (what Gemini clients send).
 */
export function readApiKey(headers: { authorization?: string; xApiKey?: string; xGoogApiKey?: string; queryKey?: string }): string | undefined {
  const authorization = headers.authorization?.trim();
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (match?.[1]) return match[1];
  }
  for (const candidate of [headers.xApiKey, headers.xGoogApiKey, headers.queryKey]) {
    const key = candidate?.trim();
    if (key) return key;
  }
  return undefined;
}
