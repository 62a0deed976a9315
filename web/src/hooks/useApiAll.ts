// Load several URLs in parallel (each answer cached like useApi's): { data (in the URLs' order, once all
// have answered), error (the first failure), loading, reload }.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, forgetCached, getJson, peekCached } from '../api/client.ts';

interface Loaded<T> {
  key: string;
  data?: T[];
  error?: ApiError;
}

export interface ApiAllState<T> {
  data: T[] | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

function allCached<T>(urls: string[]): T[] | undefined {
  const found = urls.map((u) => peekCached<T>(u));
  return found.every((x) => x !== undefined) ? (found as T[]) : undefined;
}

export function useApiAll<T>(urls: string[]): ApiAllState<T> {
  const key = urls.join('\n');
  const list = useMemo(() => (key === '' ? [] : key.split('\n')), [key]);
  const [state, setState] = useState<Loaded<T>>(() => ({ key, data: allCached<T>(list) }));
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    const cached = allCached<T>(list);
    if (cached !== undefined) {
      setState({ key, data: cached });
      return;
    }
    const ctrl = new AbortController();
    Promise.all(list.map((u) => peekCached<T>(u) ?? getJson<T>(u, ctrl.signal))).then(
      (data) => setState({ key, data }),
      (e: unknown) => {
        if (ctrl.signal.aborted) return;
        setState({ key, error: e instanceof ApiError ? e : new ApiError(null, null, null) });
      },
    );
    return () => ctrl.abort();
  }, [key, list, nonce]);

  const reload = useCallback(() => {
    for (const u of list) forgetCached(u);
    setState({ key });
    setNonce((n) => n + 1);
  }, [key, list]);

  const current: Loaded<T> = state.key === key ? state : { key, data: allCached<T>(list) };
  return {
    data: current.data,
    error: current.error,
    loading: current.data === undefined && current.error === undefined,
    reload,
  };
}
