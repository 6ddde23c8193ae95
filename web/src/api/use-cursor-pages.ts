import { useCallback, useEffect, useRef, useState } from 'react';

export interface CursorPage<Row> {
  data: Row[];
  next_cursor: string | null;
}

/**
 * A newest-first listing read page by page: the first page whenever `fetchPage` changes (keep it
 * memoised on its filters), `load(cursor)` appends the next one, `load(null)` starts again. An
 * answer that arrives after a newer load began is dropped, so a slow page never overwrites a fresh one.
 */
export function useCursorPages<Row>(fetchPage: (cursor: string | undefined) => Promise<CursorPage<Row>>) {
  const [rows, setRows] = useState<Row[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const generation = useRef(0);

  const load = useCallback(
    async (from: string | null) => {
      const current = ++generation.current;
      setLoading(true);
      try {
        const page = await fetchPage(from ?? undefined);
        if (current !== generation.current) return;
        setRows((previous) => (from ? [...previous, ...page.data] : page.data));
        setCursor(page.next_cursor);
        setError(undefined);
      } catch (failure) {
        if (current === generation.current) setError(failure);
      } finally {
        if (current === generation.current) setLoading(false);
      }
    },
    [fetchPage],
  );

  useEffect(() => {
    void load(null);
  }, [load]);

  return { rows, cursor, loading, error, load };
}
