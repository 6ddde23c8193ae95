import { useCallback, useEffect, useRef, useState } from 'react';
import type { SluiceApi } from '../api/sluice-api';
import { useAdminSession } from '../auth/admin-session';

export interface AdminQuery<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Loads data from Sluice; reloads when `dependencies` change; ignores answers that arrive late. */
export function useAdminQuery<T>(load: (api: SluiceApi) => Promise<T>, dependencies: readonly unknown[]): AdminQuery<T> {
  const { api } = useAdminSession();
  const [data, setData] = useState<T>();
  const [error, setError] = useState<unknown>();
  const [loading, setLoading] = useState(true);
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let current = true;
    setLoading(true);
    loadRef.current(api).then(
      (result) => {
        if (!current) return;
        setData(result);
        setError(undefined);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, generation, ...dependencies]);

  const reload = useCallback(() => setGeneration((value) => value + 1), []);
  return { data, error, loading, reload };
}
