import { CodeWhispererStreaming } from '@aws/codewhisperer-streaming-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeScenarios, startFakeAmazonQ, type FakeAmazonQ } from './amazonq-fake.js';

let fake: FakeAmazonQ;
beforeAll(async () => {
  fake = await startFakeAmazonQ();
});
afterAll(async () => {
  await fake.close();
});

const client = () =>
  new CodeWhispererStreaming({ endpoint: fake.url, token: { token: 'sdk-token' }, region: 'us-east-1', maxAttempts: 1 });

const input = {
  conversationState: {
    chatTriggerType: 'MANUAL' as const,
    conversationId: '0b5c2f4e-8a1d-4f6b-9c3e-2d7a1b9e4f60',
    currentMessage: { userInputMessage: { content: 'Hi', modelId: 'claude-sonnet-4.5', origin: 'AI_EDITOR' as const } },
  },
};

async function collectSdkEvents(scenario: Parameters<FakeAmazonQ['enqueue']>[0]): Promise<Array<Record<string, unknown>>> {
  fake.enqueue(scenario);
  const output = await client().generateAssistantResponse(input);
  const events: Array<Record<string, unknown>> = [];
  for await (const event of output.generateAssistantResponseResponse ?? []) {
    events.push(Object.fromEntries(Object.entries(event).filter(([key, value]) => key !== '$unknown' && value !== undefined)));
  }
  return events;
}

describe('the fake Amazon Q upstream, checked with AWS’s own generated client', () => {
  it('serves text, metering and context usage events the SDK decodes', async () => {
    const events = await collectSdkEvents(fakeScenarios.text(['Hello', ' world'], { credits: 0.5, contextUsagePercentage: 3 }));
    expect(events).toEqual([
      { assistantResponseEvent: { content: 'Hello' } },
      { assistantResponseEvent: { content: ' world' } },
      { meteringEvent: { unit: 'credit', unitPlural: 'credits', usage: 0.5 } },
      { contextUsageEvent: { contextUsagePercentage: 3 } },
    ]);
    const recorded = fake.chatRequests().at(-1)!;
    expect(recorded.kind).toBe('chat-restjson');
    expect(recorded.headers.authorization).toBe('Bearer sdk-token');
  });

  it('serves tool use events the SDK decodes', async () => {
    const events = await collectSdkEvents(fakeScenarios.toolCalls([{ id: 'tooluse_1', name: 'Bash', input: { command: 'ls' } }]));
    const toolEvents = events.filter((event) => 'toolUseEvent' in event).map((event) => event.toolUseEvent);
    expect(toolEvents).toEqual([
      { toolUseId: 'tooluse_1', name: 'Bash' },
      { toolUseId: 'tooluse_1', name: 'Bash', input: '{"comman' },
      { toolUseId: 'tooluse_1', name: 'Bash', input: 'd":"ls"}' },
      { toolUseId: 'tooluse_1', name: 'Bash', stop: true },
    ]);
  });

  it('serves frames split into tiny writes that the SDK still decodes', async () => {
    const events = await collectSdkEvents(fakeScenarios.tinyWrites(fakeScenarios.text(['a', 'b', 'c']), 2));
    expect(events.slice(0, 3)).toEqual([
      { assistantResponseEvent: { content: 'a' } },
      { assistantResponseEvent: { content: 'b' } },
      { assistantResponseEvent: { content: 'c' } },
    ]);
  });

  it('serves modelled errors the SDK maps to its exception classes', async () => {
    fake.enqueue(fakeScenarios.throttled());
    await expect(client().generateAssistantResponse(input)).rejects.toMatchObject({ name: 'ThrottlingException', $metadata: { httpStatusCode: 429 } });
    fake.enqueue(fakeScenarios.quotaExhausted());
    await expect(client().generateAssistantResponse(input)).rejects.toMatchObject({ name: 'ServiceQuotaExceededException', reason: 'MONTHLY_REQUEST_COUNT' });
  });

  it('refuses a request that breaks the history rules like the real service', async () => {
    const malformed = {
      conversationState: {
        ...input.conversationState,
        history: [{ assistantResponseMessage: { content: 'I spoke first' } }, { userInputMessage: { content: 'Hi' } }],
      },
    };
    await expect(client().generateAssistantResponse(malformed)).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'Improperly formed request.',
      $metadata: { httpStatusCode: 400 },
    });
    expect(fake.malformedReasons.at(-1)).toContain('should be a userInputMessage');
    const unanswered = {
      conversationState: {
        ...input.conversationState,
        history: [
          { userInputMessage: { content: 'list files' } },
          { assistantResponseMessage: { content: 'ok', toolUses: [{ toolUseId: 't1', name: 'Bash', input: {} }] } },
        ],
      },
    };
    await expect(client().generateAssistantResponse(unanswered)).rejects.toMatchObject({ name: 'ValidationException' });
    expect(fake.malformedReasons.at(-1)).toMatch(/not declared|do not match/);
    const withDocuments = {
      conversationState: {
        ...input.conversationState,
        history: [
          { userInputMessage: { content: 'plan' } },
          { assistantResponseMessage: { content: 'ok', toolUses: [{ toolUseId: 't1', name: 'TodoWrite', input: { todos: [], note: null } }] } },
        ],
        currentMessage: {
          userInputMessage: {
            ...input.conversationState.currentMessage.userInputMessage,
            userInputMessageContext: {
              toolResults: [{ toolUseId: 't1', content: [{ text: 'done' }], status: 'success' as const }],
              tools: [{ toolSpecification: { name: 'TodoWrite', description: 'todos', inputSchema: { json: { type: 'object', properties: {}, enum: [] } } } }],
            },
          },
        },
      },
    };
    const before = fake.malformedReasons.length;
    fake.enqueue(fakeScenarios.text('fine'));
    const output = await client().generateAssistantResponse(withDocuments);
    const received: unknown[] = [];
    for await (const event of output.generateAssistantResponseResponse ?? []) received.push(event);
    expect(received).toContainEqual({ assistantResponseEvent: { content: 'fine' } });
    expect(fake.malformedReasons).toHaveLength(before);
  });

  it('serves an in-stream exception the SDK surfaces as an error', async () => {
    await expect(collectSdkEvents(fakeScenarios.throttledMidStream())).rejects.toMatchObject({ name: 'ThrottlingException' });
  });
});
