// Load one URL: { data, error, loading, reload, refresh }. A null URL loads nothing. reload starts again from
// nothing (a loading state); refresh fetches anew but keeps showing the current answer until the new one arrives
// (after a write, so that open drawers and forms stay put).
import { useCallback, useEffect, useState } from 'react';
import { ApiError, forgetCached, getJson, peekCached } from '../api/client.ts';

interface Loaded<T> {
  url: string | null;
  data?: T;
  error?: ApiError;
}

export interface ApiState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
  refresh: () => void;
}

export function useApi<T>(url: string | null): ApiState<T> {
  const [state, setState] = useState<Loaded<T>>(() => ({ url, data: url ? peekCached<T>(url) : undefined }));
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    if (!url) return;
    const cached = peekCached<T>(url);
    if (cached !== undefined) {
      setState({ url, data: cached });
      return;
    }
    const ctrl = new AbortController();
    getJson<T>(url, ctrl.signal).then(
      (data) => setState({ url, data }),
      (e: unknown) => {
        if (ctrl.signal.aborted) return;
        setState({ url, error: e instanceof ApiError ? e : new ApiError(null, null, null) });
      },
    );
    return () => ctrl.abort();
  }, [url, nonce]);

  const reload = useCallback(() => {
    if (url) forgetCached(url);
    setState({ url });
    setNonce((n) => n + 1);
  }, [url]);

  const refresh = useCallback(() => {
    if (url) forgetCached(url);
    setNonce((n) => n + 1);
  }, [url]);

  const current: Loaded<T> = state.url === url ? state : { url, data: url ? peekCached<T>(url) : undefined };
  return {
    data: current.data,
    error: current.error,
    loading: url !== null && current.data === undefined && current.error === undefined,
    reload,
    refresh,
  };
}
