// Fetching JSON from the API, with a small cache of successful answers (keyed by URL).
import type { ApiErrorBody } from './types.ts';

export class ApiError extends Error {
  constructor(
    /** HTTP status, or null when the server could not be reached */
    readonly status: number | null,
    readonly code: string | null,
    /** the server's own message (Chinese), shown as it comes */
    readonly serverMessage: string | null,
  ) {
    super(serverMessage ?? `HTTP ${status ?? 'network'}`);
    this.name = 'ApiError';
  }
}

const cache = new Map<string, unknown>();

export function peekCached<T>(url: string): T | undefined {
  return cache.get(url) as T | undefined;
}

export function forgetCached(url: string): void {
  cache.delete(url);
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  let res: Response;
  try {
    res = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (e) {
    if (signal?.aborted) throw e;
    throw new ApiError(null, null, null);
  }
  if (!res.ok) {
    let body: ApiErrorBody | undefined;
    try {
      body = (await res.json()) as ApiErrorBody;
    } catch {
      body = undefined;
    }
    throw new ApiError(res.status, body?.error?.code ?? null, body?.error?.message ?? null);
  }
  const data = (await res.json()) as T;
  cache.set(url, data);
  return data;
}

export const api = {
  plans: () => '/api/plans',
  plan: (id: string) => `/api/plans/${encodeURIComponent(id)}`,
  assessment: (id: string, year: number, lang: string) =>
    `/api/plans/${encodeURIComponent(id)}/assessment?year=${year}&lang=${encodeURIComponent(lang)}`,
  projects: (id: string) => `/api/plans/${encodeURIComponent(id)}/projects`,
};
