import { describe, expect, it } from 'vitest';
import { pageFromPath, pathForPage } from './use-page';

const base = import.meta.env.BASE_URL;

describe('page paths', () => {
  it('maps paths under the base to pages and back', () => {
    expect(pageFromPath(base)).toBe('dashboard');
    expect(pageFromPath(`${base}accounts`)).toBe('accounts');
    expect(pageFromPath(`${base}requests/extra`)).toBe('requests');
    expect(pageFromPath(`${base}nonsense`)).toBe('dashboard');
    expect(pageFromPath(pathForPage('api-keys'))).toBe('api-keys');
    expect(pageFromPath(pathForPage('dashboard'))).toBe('dashboard');
  });
});
