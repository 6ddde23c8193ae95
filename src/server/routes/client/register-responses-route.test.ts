import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureLogLines } from '../../../../tests/support/capture-log-lines.js';
import { startFakeAnthropic, type RunningFake } from '../../../../tests/fakes/anthropic-fake.js';
import type { AnthropicFakeScenario } from '../../../../tests/fakes/anthropic-fake-scenario.js';
import { createTestApp, type TestApp } from '../../../../tests/support/create-test-app.js';
import { testDatabases, warnSkipped } from '../../../../tests/support/test-environment.js';
import { sessionKeyOf } from './client-request-facts.js';

warnSkipped('stored responses on PostgreSQL', 'DATABASE_URL');

/** POST /v1/responses through the real app (no socket): errors, storage and its retention, on each database. */
describe.each(testDatabases())('POST /v1/responses on %s', (database) => {
  let harness: TestApp;
  let anthropic: RunningFake<AnthropicFakeScenario>;
  const { lines: logLines, sink } = captureLogLines();
  beforeAll(async () => {
    anthropic = await startFakeAnthropic();
    harness = await createTestApp({ database, logger: pino({ level: 'info' }, sink) });
    const created = await harness.request('POST', '/admin/accounts', { name: 'a', provider: 'anthropic', api_key: 'sk-ant', base_url: anthropic.url, models: ['claude-x'] });
    expect(created.status).toBe(201);
  });
  afterAll(async () => {
    await harness.close();
    await anthropic.close();
  });

  const reply = (text: string) => anthropic.enqueue({ kind: 'reply', content: [{ type: 'text', text }], usage: { input_tokens: 10, output_tokens: 3 } });
  const storedRows = () => harness.context.database.db.selectFrom('stored_responses').select(['id', 'input_items', 'output_items', 'created_at']).execute();

  it('answers bad requests with a 400 in OpenAI’s shape naming the field', async () => {
    const missingModel = await harness.request('POST', '/v1/responses', { input: 'hi' });
    expect(missingModel.status).toBe(400);
    expect(await missingModel.json()).toMatchObject({ error: { type: 'invalid_request_error', param: 'model' } });
    const badItem = await harness.request('POST', '/v1/responses', { model: 'claude-x', input: [{ type: 'function_call_output', output: 'x' }] });
    expect(await badItem.json()).toMatchObject({ error: { param: 'input[0].call_id' } });
    const unknown = await harness.request('POST', '/v1/responses', { model: 'claude-x', input: 'hi', previous_response_id: 'resp_nope' });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ error: { message: "Previous response with id 'resp_nope' not found.", param: 'previous_response_id' } });
  });

  it('stores a finished answer unless store is false, and retention deletes it with the request log', async () => {
    const before = (await storedRows()).length;
    reply('kept');
    const kept = (await (await harness.request('POST', '/v1/responses', { model: 'claude-x', input: 'remember me' })).json()) as { id: string };
    reply('not kept');
    await (await harness.request('POST', '/v1/responses', { model: 'claude-x', input: 'forget me', store: false, stream: true })).text();
    reply('kept too');
    await (await harness.request('POST', '/v1/responses', { model: 'claude-x', input: 'streamed', stream: true })).text();
    // The body ends only once the answer is stored.
    const rows = await storedRows();
    expect(rows.length - before).toBe(2);
    const row = rows.find((candidate) => candidate.id === kept.id)!;
    expect(JSON.parse(row.input_items)).toEqual([{ type: 'message', role: 'user', content: 'remember me' }]);
    expect(JSON.parse(row.output_items)).toEqual([expect.objectContaining({ type: 'message', content: [expect.objectContaining({ text: 'kept' })] })]);
    expect(rows.some((candidate) => candidate.input_items.includes('forget me'))).toBe(false);

    await harness.context.usage.applyRetention(Date.now() + 32 * 86_400_000);
    expect(await storedRows()).toEqual([]);
  });

  it('logs a warning naming the built-in tools it dropped for an account that cannot run them', async () => {
    reply('no search here');
    const response = await harness.request('POST', '/v1/responses', { model: 'claude-x', input: 'hi', store: false, tools: [{ type: 'web_search' }] });
    expect(response.status).toBe(200);
    const warning = logLines.find((line) => line.msg === 'request features dropped for this account');
    expect(warning).toMatchObject({ level: 40, provider: 'anthropic', warnings: [expect.objectContaining({ feature: 'tool:web_search' })] });
  });

  it('refuses GET, and a WebSocket upgrade with 426', async () => {
    const upgrade = await harness.request('GET', '/v1/responses', undefined, { upgrade: 'websocket', connection: 'Upgrade' });
    expect(upgrade.status).toBe(426);
    expect((await harness.request('GET', '/v1/responses')).status).toBe(405);
  });
});

describe('sessionKeyOf for Responses clients', () => {
  it('uses prompt_cache_key, else Codex’s session_id or conversation_id header, to the same key', () => {
    const fromBody = sessionKeyOf({ prompt_cache_key: 'conv-1' }, {});
    expect(fromBody).toBe('cache:conv-1');
    expect(sessionKeyOf({}, { session_id: 'conv-1' })).toBe(fromBody);
    expect(sessionKeyOf({}, { conversation_id: 'conv-1' })).toBe(fromBody);
  });
});
