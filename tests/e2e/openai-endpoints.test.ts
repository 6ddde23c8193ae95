import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fakeCompletion, fakeEmbedding } from '../fakes/openai-fake-endpoints.js';
import { modelFor, startSluiceUnderTest, type SluiceUnderTest } from './sluice-under-test.js';

interface LogRow {
  requested_model: string;
  provider: string | null;
  client_format: string;
  input_tokens: number;
  output_tokens: number;
  cost: number;
  status: string;
  http_status: number;
  error_message: string | null;
  stream: boolean;
  ttft_ms: number | null;
}

/**
 * Embeddings, legacy completions and `n` > 1 through the real server with the openai SDK: served
 * unchanged by OpenAI-shaped accounts, logged with usage and priced; refused clearly where no such
 * account serves the model.
 */
describe('OpenAI-only endpoints through Sluice', () => {
  let sluice: SluiceUnderTest;
  let openai: OpenAI;

  beforeAll(async () => {
    sluice = await startSluiceUnderTest();
    openai = new OpenAI({ apiKey: sluice.harness.adminKey, baseURL: `${sluice.url}/v1`, maxRetries: 0 });
    const add = async (account: Record<string, unknown>) => {
      const response = await sluice.harness.request('POST', '/admin/accounts', account);
      expect(response.status, await response.clone().text()).toBe(201);
    };
    // An Anthropic account also claims the embedding model and ranks first: it must be passed over.
    await add({ name: 'anthropic first', provider: 'anthropic', api_key: 'sk-ant-x', base_url: sluice.anthropic.url, priority: 100, models: ['text-embedding-3-small', 'gpt-3.5-turbo-instruct'] });
    await add({ name: 'openai embeddings', provider: 'openai', api_key: 'sk-x', base_url: sluice.openai.url, models: ['text-embedding-3-small', 'gpt-3.5-turbo-instruct'] });
  });
  afterAll(async () => {
    await sluice?.close();
  });

  const logRows = async (): Promise<LogRow[]> => {
    await sluice.harness.context.usage.flush();
    const response = await sluice.harness.request('GET', '/admin/requests?limit=200');
    return ((await response.json()) as { data: LogRow[] }).data;
  };

  it('embeddings: the SDK gets the upstream vectors (base64 by default), every time, from the OpenAI account', async () => {
    const before = sluice.anthropic.requests.length;
    for (let round = 0; round < 3; round += 1) {
      const result = await openai.embeddings.create({ model: 'text-embedding-3-small', input: ['the quick brown fox', 'jumps'] });
      expect(result.data.map((item) => item.embedding)).toEqual([fakeEmbedding('the quick brown fox', 8), fakeEmbedding('jumps', 8)]);
      expect(result.usage).toEqual({ prompt_tokens: 5, total_tokens: 5 });
    }
    expect(sluice.openai.requests.at(-1)?.path).toBe('/v1/embeddings');
    expect(sluice.anthropic.requests.length).toBe(before);
    const rows = (await logRows()).filter((row) => row.requested_model === 'text-embedding-3-small');
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row).toMatchObject({ provider: 'openai', client_format: 'openai', status: 'success', input_tokens: 5, output_tokens: 0 });
      expect(row.cost).toBeCloseTo((5 * 0.02) / 1e6, 12);
    }
  });

  it('legacy completions, whole and streamed, logged with their usage', async () => {
    const whole = await openai.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: 'Once upon a time' });
    expect(whole.choices[0]!.text).toBe(fakeCompletion('Once upon a time', 0));
    expect(whole.model).toBe('gpt-3.5-turbo-instruct');

    const stream = await openai.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: 'Once upon a time', stream: true });
    let text = '';
    let sawUsage = false;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.text ?? '';
      if (chunk.usage) sawUsage = true;
    }
    expect(text).toBe(fakeCompletion('Once upon a time', 0));
    // Sluice asked upstream for usage to log it, and kept that extra chunk from a client that did not.
    expect(sawUsage).toBe(false);
    expect((sluice.openai.requests.at(-1)?.body as { stream_options?: unknown }).stream_options).toEqual({ include_usage: true });

    const rows = (await logRows()).filter((row) => row.requested_model === 'gpt-3.5-turbo-instruct');
    expect(rows).toHaveLength(2);
    for (const row of rows) expect(row).toMatchObject({ provider: 'openai', status: 'success', input_tokens: 4, output_tokens: 6 });
    expect(rows[0]!.cost).toBeCloseTo((4 * 1.5 + 6 * 2) / 1e6, 12);
    // The streamed one also has its time to first token.
    expect(rows.find((row) => Boolean(row.stream))?.ttft_ms).toEqual(expect.any(Number));
  });

  it('a model that no OpenAI-shaped account serves: a 400 in OpenAI’s shape that says so, logged', async () => {
    for (const call of [
      () => openai.embeddings.create({ model: modelFor('anthropic'), input: 'x' }),
      () => openai.completions.create({ model: modelFor('amazonq'), prompt: 'x' }),
    ]) {
      const failure = await call().catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(OpenAI.BadRequestError);
      const error = failure as InstanceType<typeof OpenAI.BadRequestError>;
      expect(error.message).toMatch(/No account serves POST \/v1\/(embeddings|completions) for the model/);
      expect(error.param).toBe('model');
    }
    const rows = (await logRows()).filter((row) => row.requested_model === modelFor('anthropic') && row.status === 'error');
    expect(rows.at(0)).toMatchObject({ http_status: 400 });
  });

  it('a malformed body is a 400 naming the field', async () => {
    const failure = await openai.embeddings.create({ model: 'text-embedding-3-small' } as OpenAI.EmbeddingCreateParams).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(OpenAI.BadRequestError);
    expect((failure as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('input');
  });

  it('n > 1 on an OpenAI-shaped account passes through, whole and streamed, with its usage logged', async () => {
    for (const provider of ['openai', 'openai-compatible'] as const) {
      sluice.scriptText(provider, 'One of several.');
      const whole = await openai.chat.completions.create({ model: modelFor(provider), messages: [{ role: 'user', content: 'Hi' }], n: 2 });
      expect(whole.choices.map((choice) => [choice.index, choice.message.content])).toEqual([
        [0, 'One of several.'],
        [1, 'One of several.'],
      ]);
      expect((sluice.openai.requests.at(-1)?.body as { n?: number }).n).toBe(2);
      sluice.scriptText(provider, 'Streamed twice.');
      const streamed = await openai.chat.completions.stream({ model: modelFor(provider), messages: [{ role: 'user', content: 'Hi' }], n: 3 }).finalChatCompletion();
      expect(streamed.choices.map((choice) => choice.message.content)).toEqual(['Streamed twice.', 'Streamed twice.', 'Streamed twice.']);
    }
    const rows = (await logRows()).filter((row) => row.requested_model === modelFor('openai'));
    expect(rows.every((row) => row.status === 'success' && row.input_tokens > 0 && row.output_tokens > 0)).toBe(true);
  });

  it('n > 1 where the answer must be converted: a clear 400 naming n, in OpenAI’s shape', async () => {
    for (const provider of ['anthropic', 'amazonq', 'kiro', 'amp'] as const) {
      const failure = await openai.chat.completions.create({ model: modelFor(provider), messages: [{ role: 'user', content: 'Hi' }], n: 2 }).catch((error: unknown) => error);
      expect(failure, provider).toBeInstanceOf(OpenAI.BadRequestError);
      expect((failure as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('n');
    }
  });
});
