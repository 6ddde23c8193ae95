import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { buildQueryString, createAdminClient } from './admin-client';
import { ApiError } from './api-error';

function jsonResponse(status: number, body: unknown): Response {
  return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

describe('createAdminClient', () => {
  it('sends the admin key as a bearer token and parses the answer', async () => {
    const fetchMock = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => jsonResponse(200, { data: [{ id: 'a' }], extra: true }));
    const client = createAdminClient({ adminKey: 'amq-secret', fetch: fetchMock as typeof fetch });
    const result = await client.get('/admin/things', z.object({ data: z.array(z.object({ id: z.string() })) }), { status: 'error', model: '', cursor: undefined });
    expect(result).toEqual({ data: [{ id: 'a' }] });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('/admin/things?status=error');
    expect((init?.headers as Record<string, string>).authorization).toBe('Bearer amq-secret');
  });

  it('sends JSON bodies and accepts 204', async () => {
    const fetchMock = vi.fn(async (_input: RequestInfo | URL, init?: RequestInit) => (init?.method === 'DELETE' ? new Response(null, { status: 204 }) : jsonResponse(201, { ok: true })));
    const client = createAdminClient({ adminKey: 'k', fetch: fetchMock as typeof fetch });
    await expect(client.send('POST', '/admin/x', { name: 'a' }, z.object({ ok: z.boolean() }))).resolves.toEqual({ ok: true });
    expect(fetchMock.mock.calls[0]![1]?.body).toBe('{"name":"a"}');
    await expect(client.remove('/admin/x/1')).resolves.toBeUndefined();
  });

  it('turns {error:{type,message}} into an ApiError and reports 401', async () => {
    const onUnauthorized = vi.fn();
    const client = createAdminClient({
      adminKey: 'bad',
      onUnauthorized,
      fetch: (async () => jsonResponse(401, { error: { type: 'authentication_error', message: 'Invalid API key.' } })) as typeof fetch,
    });
    const failure = await client.get('/admin/x', z.unknown()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect(failure).toMatchObject({ status: 401, type: 'authentication_error', message: 'Invalid API key.' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('keeps a non-JSON error readable', async () => {
    const client = createAdminClient({ adminKey: 'k', fetch: (async () => new Response('Bad gateway', { status: 502 })) as typeof fetch });
    await expect(client.get('/admin/x', z.unknown())).rejects.toMatchObject({ status: 502, message: 'Bad gateway' });
  });

  it('reports network failures and unexpected shapes', async () => {
    const offline = createAdminClient({ adminKey: 'k', fetch: (async () => { throw new TypeError('Failed to fetch'); }) as typeof fetch });
    await expect(offline.get('/admin/x', z.unknown())).rejects.toMatchObject({ status: 0, type: 'network_error' });
    const odd = createAdminClient({ adminKey: 'k', fetch: (async () => jsonResponse(200, { data: 'nope' })) as typeof fetch });
    await expect(odd.get('/admin/x', z.object({ data: z.array(z.string()) }))).rejects.toMatchObject({ type: 'unexpected_response' });
  });
});

describe('buildQueryString', () => {
  it('drops empty values and encodes the rest', () => {
    expect(buildQueryString({ a: 'x y', b: null, c: '', d: 3, e: false })).toBe('?a=x+y&d=3&e=false');
    expect(buildQueryString({})).toBe('');
  });
});
