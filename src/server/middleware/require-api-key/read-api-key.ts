/** The client key from `Authorization: Bearer <key>` or `x-api-key: <key>` (what OpenAI and Anthropic SDKs send). */
export function readApiKey(headers: { authorization?: string; xApiKey?: string }): string | undefined {
  const authorization = headers.authorization?.trim();
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    if (match?.[1]) return match[1];
  }
  const apiKey = headers.xApiKey?.trim();
  return apiKey ? apiKey : undefined;
}
