import { CodeWhispererStreaming } from '@aws/codewhisperer-streaming-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAmazonQ, type FakeAmazonQ } from './amazonq-fake.js';

let fake: FakeAmazonQ;
beforeAll(async () => {
  fake = await startFakeAmazonQ();
});
afterAll(async () => {
  await fake.close();
});

/** AWS's generated client; `tokenType` adds the header Kiro API keys need (the SDK itself has no option for it). */
function client(token: string, tokenType?: string): CodeWhispererStreaming {
  const sdk = new CodeWhispererStreaming({ endpoint: fake.url, token: { token }, region: 'us-east-1', maxAttempts: 1 });
  if (tokenType) {
    sdk.middlewareStack.add(
      (next) => async (args) => {
        (args.request as { headers: Record<string, string> }).headers.tokentype = tokenType;
        return next(args);
      },
      { step: 'build', name: 'kiroTokenType' },
    );
  }
  return sdk;
}

const input = (content: string, modelId = 'claude-sonnet-4.5', profileArn?: string) => ({
  ...(profileArn ? { profileArn } : {}),
  conversationState: {
    chatTriggerType: 'MANUAL' as const,
    conversationId: '0b5c2f4e-8a1d-4f6b-9c3e-2d7a1b9e4f60',
    currentMessage: { userInputMessage: { content, modelId, origin: 'AI_EDITOR' as const } },
  },
});

async function texts(sdk: CodeWhispererStreaming, request: ReturnType<typeof input>): Promise<string> {
  const output = await sdk.generateAssistantResponse(request);
  let text = '';
  for await (const event of output.generateAssistantResponseResponse ?? []) text += event.assistantResponseEvent?.content ?? '';
  return text;
}

describe('the fake’s 2026 account rules, checked with AWS’s generated client', () => {
  it('accepts a Kiro API key only with tokentype: API_KEY', async () => {
    expect(await texts(client('ksk_sdk_0123456789', 'API_KEY'), input('Hi'))).toBe('Hello from the fake Amazon Q.');
    expect(fake.chatRequests().at(-1)?.headers).toMatchObject({ authorization: 'Bearer ksk_sdk_0123456789', tokentype: 'API_KEY' });
    await expect(texts(client('ksk_sdk_0123456789'), input('Hi'))).rejects.toMatchObject({ name: 'AccessDeniedException', $metadata: { httpStatusCode: 403 } });
  });

  it('answers the adaptive thinking tags with a <thinking> block, and refuses unknown effort levels', async () => {
    const answer = await texts(client('sdk-token'), input('<thinking_mode>adaptive</thinking_mode><thinking_effort>high</thinking_effort>\nBe brief.'));
    expect(answer).toBe('<thinking>Thinking (adaptive, high).</thinking>\n\nHello from the fake Amazon Q.');
    expect(fake.thinkingRequests.at(-1)).toEqual({ mode: 'adaptive', effort: 'high' });
    await expect(texts(client('sdk-token'), input('<thinking_mode>adaptive</thinking_mode><thinking_effort>extreme</thinking_effort>'))).rejects.toMatchObject({
      name: 'ValidationException',
    });
  });

  it('serves the 2026 model ids and refuses a model the credential lacks with INVALID_MODEL_ID', async () => {
    expect(await texts(client('sdk-token'), input('Hi', 'claude-opus-4.6'))).toBe('Hello from the fake Amazon Q.');
    fake.modelsByCredential.set('free-token', ['auto', 'claude-sonnet-4.5', 'claude-haiku-4.5']);
    await expect(texts(client('free-token'), input('Hi', 'claude-opus-4.6'))).rejects.toMatchObject({
      name: 'ValidationException',
      reason: 'INVALID_MODEL_ID',
      $metadata: { httpStatusCode: 400 },
    });
  });

  it('requires an Enterprise login’s own profile ARN', async () => {
    const arn = 'arn:aws:codewhisperer:us-east-1:111122223333:profile/ORG';
    fake.enterprise.set('org-refresh', arn);
    const refreshed = await fetch(`${fake.url}/refreshToken`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: 'org-refresh' }) });
    const { accessToken } = (await refreshed.json()) as { accessToken: string };
    await expect(texts(client(accessToken), input('Hi'))).rejects.toMatchObject({ name: 'ValidationException', message: 'profileArn is required for this request.' });
    await expect(texts(client(accessToken), input('Hi', 'claude-sonnet-4.5', 'arn:aws:codewhisperer:us-east-1:638616132270:profile/AAAACCCCXXXX'))).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });
    expect(await texts(client(accessToken), input('Hi', 'claude-sonnet-4.5', arn))).toBe('Hello from the fake Amazon Q.');
  });
});
