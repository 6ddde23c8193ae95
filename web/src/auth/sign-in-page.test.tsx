import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SignInPage } from './sign-in-page';

function stubFetch(status: number, body: unknown) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

afterEach(() => {
  vi.unstubAllGlobals();
});

async function submit(key: string) {
  fireEvent.change(screen.getByLabelText('Admin API key'), { target: { value: key } });
  fireEvent.click(screen.getByRole('button', { name: /sign in/i }));
}

describe('SignInPage', () => {
  it('signs in with an admin key', async () => {
    const fetchMock = stubFetch(200, { data: [] });
    const onSignedIn = vi.fn();
    render(<SignInPage onSignedIn={onSignedIn} />);
    await submit('  amq-admin  ');
    await waitFor(() => expect(onSignedIn).toHaveBeenCalledWith('amq-admin'));
    expect(fetchMock).toHaveBeenCalledWith('/admin/api-keys', expect.objectContaining({ headers: expect.objectContaining({ authorization: 'Bearer amq-admin' }) }));
  });

  it('says so when the key is not an admin key', async () => {
    stubFetch(403, { error: { type: 'permission_error', message: 'Admin key required.' } });
    const onSignedIn = vi.fn();
    render(<SignInPage onSignedIn={onSignedIn} />);
    await submit('amq-user');
    expect(await screen.findByText(/not an admin key/)).toBeTruthy();
    expect(onSignedIn).not.toHaveBeenCalled();
  });

  it('says so when the key is wrong', async () => {
    stubFetch(401, { error: { type: 'authentication_error', message: 'Invalid API key.' } });
    render(<SignInPage onSignedIn={vi.fn()} />);
    await submit('amq-wrong');
    expect(await screen.findByText(/This key is not valid/)).toBeTruthy();
  });

  it('shows why the user was signed out', () => {
    render(<SignInPage onSignedIn={vi.fn()} notice="Your admin key is no longer accepted. Sign in again." />);
    expect(screen.getByText('Your admin key is no longer accepted. Sign in again.')).toBeTruthy();
  });
});
