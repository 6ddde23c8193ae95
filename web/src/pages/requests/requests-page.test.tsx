import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { RequestLogDto } from '../../api/api-types';
import { pathOf, renderSignedIn } from '../../test/fixtures';
import { RequestsPage } from './requests-page';

const row = (id: string, model: string, overrides: Partial<RequestLogDto> = {}): RequestLogDto => ({
  id,
  created_at: '2026-01-01T10:00:00.000Z',
  api_key_id: 'k1',
  api_key_name: 'alice',
  account_id: null,
  account_name: null,
  provider: null,
  requested_model: model,
  upstream_model: null,
  stream: false,
  client_format: 'openai',
  input_tokens: 10,
  output_tokens: 5,
  cache_read_tokens: 0,
  cache_write_tokens: 0,
  credits: null,
  cost: 0.001,
  latency_ms: 900,
  ttft_ms: 200,
  status: 'success',
  http_status: 200,
  error_type: null,
  error_message: null,
  client_ip: null,
  user_agent: null,
  attempts: [],
  cache_write_1h_tokens: null,
  ...overrides,
}) as RequestLogDto;

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

describe('RequestsPage', () => {
  it('loads more with the cursor, opens the detail drawer and marks a revoked key', async () => {
    const calls: string[] = [];
    const fetchMock = vi.fn(async (request: Request) => {
      const path = pathOf(request);
      calls.push(path);
      if (path.startsWith('/admin/requests')) {
        return json(path.includes('cursor=next-1') ? { data: [row('r3', 'model-c', { api_key_name: 'gone', key_revoked: true } as Partial<RequestLogDto>)], next_cursor: null } : { data: [row('r1', 'model-a'), row('r2', 'model-b')], next_cursor: 'next-1' });
      }
      return json({ data: [] });
    });
    renderSignedIn(<RequestsPage />, fetchMock);
    expect(await screen.findByText('model-a')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('model-c')).toBeTruthy();
    expect(screen.getByText('model-a')).toBeTruthy();
    expect(screen.getByText('3 shown, no more')).toBeTruthy();
    expect(screen.getByText('gone')).toBeTruthy();
    expect(screen.getByText('revoked')).toBeTruthy();
    expect(calls.filter((path) => path.startsWith('/admin/requests'))).toEqual(['/admin/requests?limit=50', '/admin/requests?limit=50&cursor=next-1']);

    fireEvent.click(screen.getByText('model-c'));
    expect(await screen.findByText('Time to first token')).toBeTruthy();
    expect(screen.getByText('200 ms')).toBeTruthy();
  });
});
