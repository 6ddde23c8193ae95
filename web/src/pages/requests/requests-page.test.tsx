import { fireEvent, render, screen } from '@testing-library/react';
import { App as AntApp } from 'antd';
import { describe, expect, it, vi } from 'vitest';
import { createAdminClient } from '../../api/admin-client';
import { AdminSessionProvider } from '../../auth/admin-session';
import { RequestsPage } from './requests-page';

const row = (id: string, model: string) => ({ id, created_at: '2026-01-01T10:00:00.000Z', api_key_name: 'alice', requested_model: model, status: 'success', http_status: 200, input_tokens: 10, output_tokens: 5, cost: 0.001, latency_ms: 900, ttft_ms: 200 });

describe('RequestsPage', () => {
  it('loads more with the cursor and opens the detail drawer', async () => {
    const calls: string[] = [];
    const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
      const url = String(input);
      calls.push(url);
      if (url.startsWith('/admin/requests')) {
        const body = url.includes('cursor=next-1') ? { data: [row('r3', 'model-c')], next_cursor: null } : { data: [row('r1', 'model-a'), row('r2', 'model-b')], next_cursor: 'next-1' };
        return new Response(JSON.stringify(body), { status: 200 });
      }
      return new Response(JSON.stringify({ data: [] }), { status: 200 });
    });
    const client = createAdminClient({ adminKey: 'amq-admin', fetch: fetchMock as typeof fetch });
    render(
      <AntApp>
        <AdminSessionProvider session={{ client, signOut: vi.fn() }}>
          <RequestsPage />
        </AdminSessionProvider>
      </AntApp>,
    );
    expect(await screen.findByText('model-a')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('model-c')).toBeTruthy();
    expect(screen.getByText('model-a')).toBeTruthy();
    expect(screen.getByText('3 shown, no more')).toBeTruthy();
    expect(calls.filter((url) => url.startsWith('/admin/requests'))).toEqual(['/admin/requests?limit=50', '/admin/requests?limit=50&cursor=next-1']);

    fireEvent.click(screen.getByText('model-c'));
    expect(await screen.findByText('Time to first token')).toBeTruthy();
    expect(screen.getByText('200 ms')).toBeTruthy();
  });
});
