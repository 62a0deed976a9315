// Load one URL now and again every intervalMs, keeping the last answer on screen while the next is fetched
// (no loading flash, no layout shift): { data, error (the last refresh's failure, cleared by a success),
// updatedAt (when the shown data arrived) }.
import { useEffect, useState } from 'react';
import { ApiError, getJson } from '../api/client.ts';

export interface Polled<T> {
  data: T | undefined;
  error: ApiError | undefined;
  updatedAt: Date | undefined;
}

interface Loaded<T> extends Polled<T> {
  url: string;
}

export function usePolled<T>(url: string, intervalMs: number): Polled<T> {
  const [state, setState] = useState<Loaded<T>>({ url, data: undefined, error: undefined, updatedAt: undefined });

  useEffect(() => {
    let ctrl: AbortController | undefined;
    const load = () => {
      ctrl?.abort();
      const c = new AbortController();
      ctrl = c;
      getJson<T>(url, c.signal).then(
        (data) => setState({ url, data, error: undefined, updatedAt: new Date() }),
        (e: unknown) => {
          if (c.signal.aborted) return;
          const error = e instanceof ApiError ? e : new ApiError(null, null, null);
          setState((s) => (s.url === url ? { ...s, error } : { url, data: undefined, error, updatedAt: undefined }));
        },
      );
    };
    load();
    const timer = window.setInterval(load, intervalMs);
    return () => {
      window.clearInterval(timer);
      ctrl?.abort();
    };
  }, [url, intervalMs]);

  return state.url === url ? state : { data: undefined, error: undefined, updatedAt: undefined };
}
