import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic, type RunningFake } from '../fakes/anthropic-fake.js';
import type { AnthropicFakeScenario } from '../fakes/anthropic-fake-scenario.js';
import { startFakeOpenAI } from '../fakes/openai-fake.js';
import type { OpenAIFakeScenario } from '../fakes/openai-fake-scenario.js';
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { testDatabases, warnSkipped } from '../support/test-environment.js';

warnSkipped('the PostgreSQL run of the usage accounting test', 'DATABASE_URL');

/** Known requests with known upstream usage, through the real request path: exact logs, totals and costs. */
describe.each(testDatabases())('usage accounting through fake upstreams on %s', (database) => {
  let harness: TestApp;
  let anthropic: RunningFake<AnthropicFakeScenario>;
  let openai: RunningFake<OpenAIFakeScenario>;

  beforeAll(async () => {
    [anthropic, openai] = await Promise.all([startFakeAnthropic(), startFakeOpenAI()]);
    harness = await createTestApp({ database });
    await harness.request('PATCH', '/admin/settings', {
      prices: {
        'claude-priced': { input: 3, output: 15, cache_read: 0.3, cache_write: 3.75 },
        'gpt-priced': { input: 2, output: 8, cache_read: 0.5 },
      },
    });
    for (const account of [
      { name: 'anthropic', provider: 'anthropic', api_key: 'sk-ant', base_url: anthropic.url, models: ['claude-priced'] },
      { name: 'openai', provider: 'openai', api_key: 'sk-oai', base_url: openai.url, models: ['gpt-priced'] },
    ]) {
      expect((await harness.request('POST', '/admin/accounts', account)).status).toBe(201);
    }
  });
  afterAll(async () => {
    await harness?.close();
    await Promise.all([anthropic?.close(), openai?.close()]);
  });

  const call = (path: string, body: unknown) =>
    harness.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': harness.adminKey }, body: JSON.stringify(body) });

  it('logs each request with its exact tokens and cost, and sums them', async () => {
    const claudeUsage = { input_tokens: 1000, output_tokens: 500, cache_read_input_tokens: 2000, cache_creation_input_tokens: 400 };
    for (let index = 0; index < 3; index += 1) anthropic.enqueue({ kind: 'reply', content: [{ type: 'text', text: 'ok' }], usage: claudeUsage });
    openai.enqueue({ kind: 'reply', parts: [{ type: 'text', text: 'ok' }], usage: { prompt_tokens: 1200, cached_tokens: 200, completion_tokens: 300 } });
    const messages = [{ role: 'user', content: 'Hi' }];
    const responses = [
      await call('/v1/messages', { model: 'claude-priced', max_tokens: 10, messages }), // passthrough, JSON
      await call('/v1/messages', { model: 'claude-priced', max_tokens: 10, stream: true, messages }), // passthrough, SSE
      await call('/v1/chat/completions', { model: 'claude-priced', messages }), // converted
      await call('/v1/chat/completions', { model: 'gpt-priced', stream: true, messages }), // passthrough, SSE, usage asked for
    ];
    for (const response of responses) {
      expect(response.status).toBe(200);
      await response.text();
    }
    await harness.context.usage.flush();

    const { data } = (await (await harness.request('GET', '/admin/requests?limit=10')).json()) as { data: Array<Record<string, unknown>> };
    expect(data).toHaveLength(4);
    const claudeRows = data.filter((row) => row.requested_model === 'claude-priced');
    expect(claudeRows).toHaveLength(3);
    for (const row of claudeRows) {
      expect(row).toMatchObject({ provider: 'anthropic', status: 'success', input_tokens: 1000, output_tokens: 500, cache_read_tokens: 2000, cache_write_tokens: 400 });
      expect(row.cost).toBeCloseTo(0.0126, 10);
    }
    const gptRow = data.find((row) => row.requested_model === 'gpt-priced')!;
    expect(gptRow).toMatchObject({ provider: 'openai', stream: true, input_tokens: 1000, output_tokens: 300, cache_read_tokens: 200, cache_write_tokens: 0 });
    expect(gptRow.cost).toBeCloseTo(0.0045, 10);

    const overview = (await (await harness.request('GET', '/admin/stats/overview')).json()) as { today: Record<string, number> };
    expect(overview.today).toMatchObject({ requests: 4, successes: 4, errors: 0, input_tokens: 4000, output_tokens: 1800, cache_read_tokens: 6200, cache_write_tokens: 1200 });
    expect(overview.today.cost).toBeCloseTo(0.0423, 10);

    const models = (await (await harness.request('GET', '/admin/stats/models')).json()) as { data: Array<Record<string, unknown>> };
    expect(models.data.find((row) => row.model === 'claude-priced')).toMatchObject({ requests: 3, output_tokens: 1500 });
    const keys = (await (await harness.request('GET', '/admin/api-keys')).json()) as { data: Array<Record<string, unknown>> };
    const admin = keys.data.find((key) => key.total_requests === 4);
    expect(admin?.total_tokens).toBe(4000 + 1800 + 6200 + 1200);
  });
});
