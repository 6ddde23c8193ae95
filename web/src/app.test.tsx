import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from './app';
import { i18n } from './i18n/i18n';
import { testApiKey } from './test/fixtures';

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('App', () => {
  it('asks for a key when none is stored', () => {
    render(<App />);
    expect(screen.getByText(/Sign in with an API key/)).toBeTruthy();
  });

  it('opens the page in the address bar with the stored key', async () => {
    window.localStorage.setItem('sluice.adminKey', 'amq-admin');
    window.history.replaceState(null, '', `${import.meta.env.BASE_URL}api-keys`);
    vi.stubGlobal('fetch', vi.fn(async () => json(200, { data: [testApiKey()] })));
    render(<App />);
    expect(await screen.findByText('alice', undefined, { timeout: 8000 })).toBeTruthy();
    expect(screen.getByText('amq-abcd…wxyz')).toBeTruthy();
  });

  it('signs out when the stored key stops working', async () => {
    window.localStorage.setItem('sluice.adminKey', 'amq-revoked');
    window.history.replaceState(null, '', `${import.meta.env.BASE_URL}api-keys`);
    vi.stubGlobal('fetch', vi.fn(async () => json(401, { error: { type: 'authentication_error', message: 'Invalid API key.' } })));
    render(<App />);
    expect(await screen.findByText('Your key is no longer accepted. Sign in again.', undefined, { timeout: 8000 })).toBeTruthy();
    expect(window.localStorage.getItem('sluice.adminKey')).toBeNull();
  });

  it('speaks Chinese when switched, and remembers it', async () => {
    await i18n.changeLanguage('zh-CN');
    render(<App />);
    expect(screen.getByText(/使用 API 密钥登录/)).toBeTruthy();
    expect(window.localStorage.getItem('sluice.language')).toBe('zh-CN');
  });
});
