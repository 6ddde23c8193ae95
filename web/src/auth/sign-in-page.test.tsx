import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PreferencesProvider } from '../preferences/preferences';
import { pathOf } from '../test/fixtures';
import { SignInPage } from './sign-in-page';

function stubFetch(answers: Record<string, [number, unknown]>) {
  const seen: Request[] = [];
  const fetchMock = vi.fn(async (request: Request) => {
    seen.push(request);
    const [status, body] = answers[pathOf(request)] ?? [404, {}];
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetchMock);
  return seen;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

function renderPage(onSignedIn = vi.fn(), notice?: string) {
  render(
    <PreferencesProvider>
      <SignInPage onSignedIn={onSignedIn} notice={notice} />
    </PreferencesProvider>,
  );
  return onSignedIn;
}

async function submit(key: string) {
  fireEvent.change(screen.getByLabelText('API key'), { target: { value: key } });
  fireEvent.click(screen.getByRole('button', { name: /sign in/i }));
}

describe('SignInPage', () => {
  it('signs in with an admin key', async () => {
    const seen = stubFetch({ '/v1/me?days=1': [200, { key: { is_admin: true } }] });
    const onSignedIn = renderPage();
    await submit('  amq-admin  ');
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith('amq-admin', 'admin'));
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer amq-admin');
  });

  it('signs a key holder in to their own page instead of refusing', async () => {
    stubFetch({ '/v1/me?days=1': [200, { key: { is_admin: false } }] });
    const onSignedIn = renderPage();
    await submit('amq-user');
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith('amq-user', 'holder'));
  });

  it('says so when the key is wrong', async () => {
    stubFetch({ '/v1/me?days=1': [401, { error: { type: 'authentication_error', message: 'Invalid API key.' } }] });
    renderPage();
    await submit('amq-wrong');
    expect(await screen.findByText(/This key is not valid/)).toBeTruthy();
  });

  it('shows why the user was signed out', () => {
    renderPage(vi.fn(), 'Your key is no longer accepted. Sign in again.');
    expect(screen.getByText('Your key is no longer accepted. Sign in again.')).toBeTruthy();
  });
});
