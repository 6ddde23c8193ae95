import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claudeCodeHeaders, claudeCodeRequest } from '../fixtures/claude-code-request.js';
import { fakeScenarios } from '../fakes/amazonq-fake.js';
import { modelFor, providerCases, startSluiceUnderTest, type SluiceUnderTest } from './sluice-under-test.js';

/** Raw HTTP checks of what the SDK matrix cannot see: bytes on the wire, forwarded headers, errors. */
describe('passthrough, Claude Code traffic and error paths', () => {
  let sluice: SluiceUnderTest;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${sluice.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-api-key': sluice.harness.adminKey, ...headers },
      body: JSON.stringify(body),
    });
  const lastBody = (requests: Array<{ body: unknown }>) => requests.at(-1)!.body as Record<string, unknown>;

  beforeAll(async () => {
    sluice = await startSluiceUnderTest();
  });
  afterAll(async () => {
    await sluice?.close();
  });

  it('answers the HEAD / probe', async () => {
    expect((await fetch(`${sluice.url}/`, { method: 'HEAD' })).status).toBe(200);
  });

  it('forwards an Anthropic body untouched but for the model, with beta headers and ?beta=true', async () => {
    sluice.scriptText('anthropic', 'ok');
    const request = claudeCodeRequest({ model: modelFor('anthropic') });
    const response = await post('/v1/messages?beta=true', request, claudeCodeHeaders);
    expect(response.status).toBe(200);
    await response.text();
    const upstream = sluice.anthropic.requests.at(-1)!;
    expect(upstream.path).toBe('/v1/messages?beta=true');
    expect(upstream.body).toEqual(request);
    expect(upstream.headers['anthropic-beta']).toBe(claudeCodeHeaders['anthropic-beta']);
    expect(upstream.headers['x-api-key']).toBe('sk-ant-test');
  });

  it('sends the client\'s own body text on, byte for byte, when nothing in it changes', async () => {
    sluice.scriptText('anthropic', 'ok');
    // Spacing and key order that a re-serialisation would not keep.
    const text = `{ "max_tokens": 20,\n  "messages": [ {"role": "user", "content": "hi"} ],\n  "model": "${modelFor('anthropic')}" }`;
    const sent = await fetch(`${sluice.url}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': sluice.harness.adminKey }, body: text });
    expect(sent.status).toBe(200);
    await sent.text();
    expect(sluice.upstreamBodies('anthropic').at(-1)).toBe(text);
  });

  it('serialises the body afresh when its bytes are not what was parsed (a byte order mark, invalid UTF-8)', async () => {
    const model = modelFor('anthropic');
    const cases = [
      { sent: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`{"model":"${model}","max_tokens":20,"messages":[{"role":"user","content":"hi"}]}`)]), content: 'hi' },
      { sent: Buffer.concat([Buffer.from(`{"model":"${model}","max_tokens":20,"messages":[{"role":"user","content":"h`), Buffer.from([0xff]), Buffer.from('i"}]}')]), content: 'h\ufffdi' },
    ];
    for (const { sent, content } of cases) {
      sluice.scriptText('anthropic', 'ok');
      const response = await fetch(`${sluice.url}/v1/messages`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-api-key': sluice.harness.adminKey }, body: sent });
      expect(response.status).toBe(200);
      await response.text();
      const forwarded = sluice.upstreamBodies('anthropic').at(-1)!;
      expect(forwarded).toBe(JSON.stringify({ model, max_tokens: 20, messages: [{ role: 'user', content }] }));
    }
  });

  it.each(providerCases)('serves a Claude Code request (~80 KB, 24 tools, mid-conversation system) through %s', async (provider) => {
    sluice.scriptToolCalls(provider, [{ id: 'toolu_9', name: 'Bash', input: { command: 'cat /tmp/a.txt' } }], 'Reading.');
    const response = await post('/v1/messages?beta=true', claudeCodeRequest({ model: modelFor(provider) }), claudeCodeHeaders);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toContain('event: message_stop');
    expect(text).toContain('"name":"Bash"');
    expect(text).not.toContain('event: error');
  });

  it('does not send Anthropic beta headers to an OpenAI upstream', async () => {
    sluice.scriptText('openai', 'ok');
    await (await post('/v1/messages', claudeCodeRequest({ model: modelFor('openai') }), claudeCodeHeaders)).text();
    expect(sluice.openai.requests.at(-1)!.headers['anthropic-beta']).toBeUndefined();
  });

  it('asks an OpenAI upstream for usage but keeps the extra chunk from a client that did not', async () => {
    sluice.scriptText('openai', 'counted');
    const response = await post('/v1/chat/completions', { model: modelFor('openai'), stream: true, messages: [{ role: 'user', content: 'Hi' }] });
    const text = await response.text();
    expect(lastBody(sluice.openai.requests).stream_options).toEqual({ include_usage: true });
    expect(text).not.toContain('"choices":[]');
    expect(text.trim().endsWith('data: [DONE]')).toBe(true);
  });

  it('reports the requested model when a mapping rewrote it, streamed and not', async () => {
    await sluice.harness.request('PATCH', '/admin/settings', { model_mappings: { 'team-default': modelFor('anthropic') } });
    sluice.scriptText('anthropic', 'mapped');
    const plain = (await (await post('/v1/messages', { model: 'team-default', max_tokens: 10, messages: [{ role: 'user', content: 'Hi' }] })).json()) as { model: string };
    expect(plain.model).toBe('team-default');
    expect(lastBody(sluice.anthropic.requests).model).toBe(modelFor('anthropic'));
    sluice.scriptText('anthropic', 'mapped');
    const streamed = await (await post('/v1/messages', { model: 'team-default', max_tokens: 10, stream: true, messages: [{ role: 'user', content: 'Hi' }] })).text();
    expect(streamed).toContain('"model":"team-default"');
    expect(streamed).not.toContain(modelFor('anthropic'));
  });

  it('keeps an upstream 400 a 400, in the caller’s format, without penalising the account', async () => {
    sluice.anthropic.enqueue({ kind: 'error', status: 400, body: { type: 'error', error: { type: 'invalid_request_error', message: 'prompt is too long: 250000 tokens > 200000 maximum' } } });
    const response = await post('/v1/chat/completions', { model: modelFor('anthropic'), messages: [{ role: 'user', content: 'Hi' }] });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { type: 'invalid_request_error', message: expect.stringContaining('prompt is too long') } });
    expect(sluice.harness.context.accounts.get(sluice.accountIds.anthropic)!.status).toBe('active');
  });

  it('turns an upstream 429 into a 429 with retry-after when no other account serves the model', async () => {
    sluice.amazonq.enqueue(fakeScenarios.throttled(7));
    const response = await post('/v1/messages', { model: modelFor('kiro'), max_tokens: 10, messages: [{ role: 'user', content: 'Hi' }] });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await response.json()).toMatchObject({ type: 'error', error: { type: 'rate_limit_error' } });
  });

  it('ends a stream that fails mid-way with an in-format error event', async () => {
    sluice.openai.enqueue({ kind: 'reply', parts: [{ type: 'text', text: 'partial answer here' }], errorAfterEvents: { afterEvents: 2, type: 'server_error', message: 'upstream broke' } });
    const text = await (await post('/v1/messages', { model: modelFor('openai'), max_tokens: 10, stream: true, messages: [{ role: 'user', content: 'Hi' }] })).text();
    expect(text).toContain('event: error');
    expect(text).not.toContain('event: message_stop');
  });

  it('ends a passthrough stream cut by the upstream with an Anthropic error event', async () => {
    sluice.anthropic.enqueue({ kind: 'reply', content: [{ type: 'text', text: 'one two three four five six' }], cutAfterEvents: 3 });
    const text = await (await post('/v1/messages', { model: modelFor('anthropic'), max_tokens: 10, stream: true, messages: [{ role: 'user', content: 'Hi' }] })).text();
    expect(text).toContain('event: message_start');
    expect(text.trim().split('\n\n').at(-1)).toMatch(/^event: error\ndata: \{"type":"error","error":\{"type":"api_error"/);
  });

  it('answers bad input with a 400 naming the field, never a 500', async () => {
    const missing = await post('/v1/chat/completions', { messages: [] });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({ error: { param: 'model' } });
    const malformed = await fetch(`${sluice.url}/v1/messages`, { method: 'POST', headers: { 'x-api-key': sluice.harness.adminKey, 'content-type': 'application/json' }, body: '{"model":' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
    const unknownModel = await post('/v1/messages', { model: 'nobody-serves-this', max_tokens: 5, messages: [{ role: 'user', content: 'Hi' }] });
    expect(unknownModel.status).toBe(503);
  });

  it('counts tokens upstream on an Anthropic account and locally elsewhere', async () => {
    const body = { model: modelFor('openai'), messages: [{ role: 'user', content: 'Hello, world' }], system: 'Be brief.' };
    const local = (await (await post('/v1/messages/count_tokens', body)).json()) as { input_tokens: number };
    expect(local.input_tokens).toBeGreaterThan(5);
    expect(local.input_tokens).toBeLessThan(40);
  });

  it('lists models in the OpenAI shape, or Anthropic’s with anthropic-version', async () => {
    const openai = (await (await fetch(`${sluice.url}/v1/models`, { headers: { authorization: `Bearer ${sluice.harness.adminKey}` } })).json()) as { object: string; data: Array<{ id: string }> };
    expect(openai.object).toBe('list');
    expect(openai.data.map((model) => model.id)).toEqual(expect.arrayContaining(providerCases.map(modelFor)));
    const anthropic = (await (await fetch(`${sluice.url}/v1/models`, { headers: { 'x-api-key': sluice.harness.adminKey, 'anthropic-version': '2023-06-01' } })).json()) as { data: Array<{ type: string }>; has_more: boolean };
    expect(anthropic.has_more).toBe(false);
    expect(anthropic.data[0]!.type).toBe('model');
  });
});
