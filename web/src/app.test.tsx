import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from './app';

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('App', () => {
  it('asks for a key when none is stored', () => {
    render(<App />);
    expect(screen.getByText(/Sign in with an admin API key/)).toBeTruthy();
  });

  it('opens the page in the address bar with the stored key', async () => {
    window.localStorage.setItem('sluice.adminKey', 'amq-admin');
    window.history.replaceState(null, '', `${import.meta.env.BASE_URL}api-keys`);
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response(JSON.stringify({ data: [{ id: 'k1', name: 'alice', key_hint: 'amq-abcd…wxyz', is_admin: false, enabled: true }] }), { status: 200 })),
    );
    render(<App />);
    expect(await screen.findByText('alice', undefined, { timeout: 8000 })).toBeTruthy();
    expect(screen.getByText('amq-abcd…wxyz')).toBeTruthy();
  });

  it('signs out when the stored key stops working', async () => {
    window.localStorage.setItem('sluice.adminKey', 'amq-revoked');
    window.history.replaceState(null, '', `${import.meta.env.BASE_URL}api-keys`);
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ error: { type: 'authentication_error', message: 'Invalid API key.' } }), { status: 401 })));
    render(<App />);
    expect(await screen.findByText('Your admin key is no longer accepted. Sign in again.', undefined, { timeout: 8000 })).toBeTruthy();
    expect(window.localStorage.getItem('sluice.adminKey')).toBeNull();
  });
});
