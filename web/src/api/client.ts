// Fetching JSON from the API, with a small cache of successful answers (keyed by URL); sending JSON.
import type { ApiErrorBody, EntryProblem } from './types.ts';

export class ApiError extends Error {
  constructor(
    /** HTTP status, or null when the server could not be reached */
    readonly status: number | null,
    readonly code: string | null,
    /** the server's own message (Chinese), shown as it comes */
    readonly serverMessage: string | null,
    /** per-entry problems of a rejected batch (422) */
    readonly problems: EntryProblem[] = [],
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

/** Forget every cached answer whose URL starts with the prefix (after a write changes them). */
export function forgetCachedUnder(prefix: string): void {
  for (const url of [...cache.keys()]) if (url.startsWith(prefix)) cache.delete(url);
}

async function request(url: string, init: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(url, init);
  } catch (e) {
    if (init.signal?.aborted) throw e;
    throw new ApiError(null, null, null);
  }
  if (!res.ok) {
    let body: ApiErrorBody | undefined;
    try {
      body = (await res.json()) as ApiErrorBody;
    } catch {
      body = undefined;
    }
    const problems = Array.isArray(body?.error?.problems) ? body.error.problems : [];
    throw new ApiError(res.status, body?.error?.code ?? null, body?.error?.message ?? null, problems);
  }
  return res;
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await request(url, { signal, headers: { accept: 'application/json' } });
  const data = (await res.json()) as T;
  cache.set(url, data);
  return data;
}

/** POST or PUT a JSON body; answers are not cached. */
export async function sendJson<T>(method: 'POST' | 'PUT', url: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const res = await request(url, {
    method,
    signal,
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as T;
}

export const api = {
  plans: () => '/api/plans',
  plan: (id: string) => `/api/plans/${encodeURIComponent(id)}`,
  assessment: (id: string, year: number, lang: string) =>
    `/api/plans/${encodeURIComponent(id)}/assessment?year=${year}&lang=${encodeURIComponent(lang)}`,
  projects: (id: string) => `/api/plans/${encodeURIComponent(id)}/projects`,
  tasks: (id: string) => `/api/plans/${encodeURIComponent(id)}/tasks`,
  reports: (id: string) => `/api/plans/${encodeURIComponent(id)}/reports`,
  reportFile: (id: string, kind: string, format: string, year: number, lang: string) =>
    `/api/plans/${encodeURIComponent(id)}/reports/${kind}.${format}?year=${year}&lang=${encodeURIComponent(lang)}`,
  /** every URL about one plan (to forget after a write) */
  planPrefix: (id: string) => `/api/plans/${encodeURIComponent(id)}/`,
  units: (id: string) => `/api/plans/${encodeURIComponent(id)}/units`,
  entry: (id: string, unit: string, year: number) =>
    `/api/plans/${encodeURIComponent(id)}/entry?unit=${encodeURIComponent(unit)}&year=${year}`,
  drafts: (id: string, unit: string, year: number) =>
    `/api/plans/${encodeURIComponent(id)}/drafts?unit=${encodeURIComponent(unit)}&year=${year}`,
  observations: () => '/api/observations',
  checkObservations: () => '/api/observations/check',
};
