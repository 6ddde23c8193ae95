import { readFileSync } from 'node:fs';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findMalformedChatRequest } from '../../../tests/fakes/amazonq-fake-request-check.js';
import { fakeScenarios, startFakeAmazonQ, type FakeAmazonQ } from '../../../tests/fakes/amazonq-fake.js';
import { collectStream } from '../../core/collect-stream.js';
import { parseOpenAIChatRequest } from '../../formats/openai/parse-openai-chat-request.js';
import { amazonQFlavours } from './amazonq-flavour.js';
import { testCallContext } from '../http/test-call-context.js';
import { createAmazonQAdapter } from './amazonq-adapter.js';
import type { GenerateAssistantResponseBody } from './amazonq-wire-types.js';
import { buildAmazonQRequest } from './build-request.js';
import { ToolNameMap } from './shorten-tool-name.js';

const fixture = JSON.parse(readFileSync(new URL('./fixtures/codex-trailing-assistant.json', import.meta.url), 'utf8')) as { request: unknown };
const toolCallId = 'call_hJ8cX2tq6BvW1rN0Lk4mPz9Y';

describe('Codex 0.57: a trailing assistant note after tool results (fixture codex-trailing-assistant.json)', () => {
  it('keeps the tool results in the current message and folds the note into the turn that called the tool', () => {
    const { request } = parseOpenAIChatRequest(fixture.request);
    const body = buildAmazonQRequest(request, { flavour: amazonQFlavours.kiro, modelId: 'claude-sonnet-4.5', toolNames: new ToolNameMap(), warnings: [] });
    const current = body.conversationState.currentMessage.userInputMessage;
    expect(current.userInputMessageContext?.toolResults).toEqual([
      { toolUseId: toolCallId, content: [{ text: '{"output":"412\\n","metadata":{"exit_code":0,"duration_seconds":0.1}}' }], status: 'success' },
    ]);
    expect(current.content).not.toBe('Continue.');
    const history = body.conversationState.history ?? [];
    const last = history.at(-1);
    const caller = last && 'assistantResponseMessage' in last ? last.assistantResponseMessage : undefined;
    expect(caller?.toolUses?.[0]?.toolUseId).toBe(toolCallId);
    expect(caller?.content).toContain('Working on it.');
    expect(findMalformedChatRequest('chat-restjson', 'application/json', body)).toBeUndefined();
  });

  it('replays through the adapter against the fake: the upstream sees the result as the current message', async () => {
    const fake: FakeAmazonQ = await startFakeAmazonQ();
    const dispatcher = new Agent();
    try {
      const { request } = parseOpenAIChatRequest(fixture.request);
      fake.enqueue(fakeScenarios.text('There are 412 TypeScript files in src.'));
      const account = { id: 'codex', name: 'codex', provider: 'kiro' as const, baseUrl: fake.url, authUrl: fake.url, credentials: { refresh_token: 'r' }, settings: {} };
      const context = testCallContext({ dispatcher });
      const result = await collectStream(createAmazonQAdapter('kiro').stream(request, 'claude-sonnet-4-5', account, context));
      expect(result.content).toEqual([{ type: 'text', text: 'There are 412 TypeScript files in src.' }]);
      const sent = fake.chatRequests().at(-1)!.body as GenerateAssistantResponseBody;
      expect(sent.conversationState.currentMessage.userInputMessage.userInputMessageContext?.toolResults?.[0]?.toolUseId).toBe(toolCallId);
      expect(fake.malformedReasons).toEqual([]);
    } finally {
      await fake.close();
      await dispatcher.close();
    }
  });
});
