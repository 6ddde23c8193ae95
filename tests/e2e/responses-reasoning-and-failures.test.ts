import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { modelFor, startSluiceUnderTest, type SluiceUnderTest } from './sluice-under-test.js';

/**
 * Through the real server: reasoning survives a Responses round trip to an Anthropic account (the
 * thinking signature travels as `encrypted_content`), and upstream failures after the first byte end
 * the stream in the Responses dialect instead of cutting it.
 */
describe('Responses: reasoning round trip and failures mid-stream', () => {
  let sluice: SluiceUnderTest;
  let openai: OpenAI;
  beforeAll(async () => {
    sluice = await startSluiceUnderTest();
    openai = new OpenAI({ apiKey: sluice.harness.adminKey, baseURL: `${sluice.url}/v1`, maxRetries: 0 });
  });
  afterAll(async () => {
    await sluice?.close();
  });

  it('Anthropic thinking comes back as a reasoning item and returns to Anthropic with its signature', async () => {
    sluice.anthropic.enqueue({
      kind: 'reply',
      content: [
        { type: 'thinking', thinking: 'The user greets me.', signature: 'sig-anthropic-1' },
        { type: 'redacted_thinking', data: 'redacted-blob' },
        { type: 'text', text: 'Hello!' },
      ],
      usage: { input_tokens: 30, output_tokens: 12 },
    });
    const model = modelFor('anthropic');
    const first = await openai.responses
      .stream({ model, input: 'Hi', reasoning: { effort: 'medium', summary: 'auto' }, include: ['reasoning.encrypted_content'], store: false })
      .finalResponse();
    expect(first.output.map((item) => item.type)).toEqual(['reasoning', 'reasoning', 'message']);
    expect(first.output[0]).toMatchObject({ summary: [{ type: 'summary_text', text: 'The user greets me.' }], encrypted_content: 'sig-anthropic-1' });
    expect(first.output[1]).toMatchObject({ summary: [], encrypted_content: 'redacted-blob' });
    const sent = sluice.anthropic.requests.at(-1)?.body as { thinking?: { type: string; budget_tokens?: number } };
    expect(sent.thinking?.type).toBe('enabled');

    sluice.scriptText('anthropic', 'Still here.');
    await openai.responses.create({
      model,
      store: false,
      reasoning: { effort: 'medium' },
      input: [{ role: 'user', content: 'Hi' }, ...first.output, { role: 'user', content: 'Again' }] as OpenAI.Responses.ResponseInput,
    });
    const history = sluice.anthropic.requests.at(-1)?.body as { messages: Array<{ role: string; content: unknown }> };
    expect(history.messages[1]).toEqual({
      role: 'assistant',
      content: [
        { type: 'thinking', thinking: 'The user greets me.', signature: 'sig-anthropic-1' },
        { type: 'redacted_thinking', data: 'redacted-blob' },
        { type: 'text', text: 'Hello!' },
      ],
    });
  });

  it('a converted stream that fails mid-answer ends with response.failed', async () => {
    sluice.anthropic.enqueue({
      kind: 'reply',
      content: [{ type: 'text', text: 'This answer will not finish in time.' }],
      errorAfterEvents: { afterEvents: 4, type: 'overloaded_error', message: 'Overloaded' },
    });
    const stream = openai.responses.stream({ model: modelFor('anthropic'), input: 'Hi', store: false });
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types.slice(0, 2)).toEqual(['response.created', 'response.in_progress']);
    expect(types.at(-1)).toBe('response.failed');
    const final = await stream.finalResponse();
    expect(final.status).toBe('failed');
    expect(final.error?.message).toContain('Overloaded');
  });

  it('a relayed OpenAI stream that fails mid-answer ends with an error event the SDK raises', async () => {
    sluice.openai.enqueue({
      kind: 'reply',
      parts: [{ type: 'text', text: 'This answer will not finish either.' }],
      errorAfterEvents: { afterEvents: 5, type: 'server_error', message: 'The server had an error' },
    });
    const stream = openai.responses.stream({ model: modelFor('openai'), input: 'Hi', store: false });
    await expect(stream.finalResponse()).rejects.toThrow(/The server had an error/);
  });
});
