import { act, renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useCursorPages, type CursorPage } from './use-cursor-pages';

describe('useCursorPages', () => {
  it('loads the first page, appends the next, and starts again on load(null)', async () => {
    const pages: Record<string, CursorPage<number>> = { first: { data: [1, 2], next_cursor: 'c2' }, c2: { data: [3], next_cursor: null } };
    const fetchPage = vi.fn(async (cursor: string | undefined) => pages[cursor ?? 'first']!);
    const { result } = renderHook(() => useCursorPages(fetchPage));
    await waitFor(() => expect(result.current.rows).toEqual([1, 2]));
    expect(result.current.cursor).toBe('c2');
    await act(() => result.current.load('c2'));
    expect(result.current.rows).toEqual([1, 2, 3]);
    expect(result.current.cursor).toBeNull();
    await act(() => result.current.load(null));
    expect(result.current.rows).toEqual([1, 2]);
    expect(result.current.loading).toBe(false);
  });

  it('drops an answer that a newer load overtook, and reports a failure', async () => {
    let releaseSlow: (page: CursorPage<string>) => void = () => undefined;
    const fetchPage = vi
      .fn<(cursor: string | undefined) => Promise<CursorPage<string>>>()
      .mockImplementationOnce(() => new Promise((resolve) => (releaseSlow = resolve)))
      .mockResolvedValueOnce({ data: ['fresh'], next_cursor: null })
      .mockRejectedValueOnce(new Error('down'));
    const { result } = renderHook(() => useCursorPages(fetchPage));
    await act(() => result.current.load(null));
    await act(async () => releaseSlow({ data: ['stale'], next_cursor: 'x' }));
    expect(result.current.rows).toEqual(['fresh']);
    await act(() => result.current.load(null));
    expect((result.current.error as Error).message).toBe('down');
    expect(result.current.rows).toEqual(['fresh']);
  });
});
