// Fetching JSON from the API, with a small cache of successful answers (keyed by URL); sending JSON.
import type { ApiErrorBody, BatchProblem, EntryProblem } from './types.ts';

export class ApiError extends Error {
  constructor(
    /** HTTP status, or null when the server could not be reached */
    readonly status: number | null,
    readonly code: string | null,
    /** the server's own message (Chinese), shown as it comes */
    readonly serverMessage: string | null,
    /** per-entry problems of a rejected batch of observations (422) */
    readonly problems: EntryProblem[] = [],
    /** per-row problems of a rejected tracking batch or workbook (422): row, field or column, value, message */
    readonly rows: BatchProblem[] = [],
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

/** The session's anti-forgery token, sent with every request that changes something. */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Fired when the server says the session has ended (401): the app shows the sign-in page. */
export const SIGNED_OUT_EVENT = 'ecociv:signed-out';

async function request(url: string, init: RequestInit): Promise<Response> {
  let res: Response;
  const method = (init.method ?? 'GET').toUpperCase();
  if (method !== 'GET' && method !== 'HEAD' && csrfToken) init = { ...init, headers: { ...(init.headers as Record<string, string>), 'x-csrf-token': csrfToken } };
  try {
    res = await fetch(url, { credentials: 'same-origin', ...init });
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
    if (res.status === 401 && body?.error?.code === 'signInRequired') window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
    const all: unknown[] = Array.isArray(body?.error?.problems) ? body.error.problems : [];
    const has = (p: unknown, k: string) => typeof p === 'object' && p !== null && typeof (p as Record<string, unknown>)[k] === 'number';
    const problems = all.filter((p) => has(p, 'index')) as EntryProblem[];
    const rows = all.filter((p) => has(p, 'row')) as BatchProblem[];
    throw new ApiError(res.status, body?.error?.code ?? null, body?.error?.message ?? null, problems, rows);
  }
  return res;
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await request(url, { signal, headers: { accept: 'application/json' } });
  const data = (await res.json()) as T;
  cache.set(url, data);
  return data;
}

/** POST, PUT or DELETE a JSON body; answers are not cached. */
export async function sendJson<T>(method: 'POST' | 'PUT' | 'DELETE', url: string, body: unknown, signal?: AbortSignal): Promise<T> {
  const res = await request(url, {
    method,
    signal,
    headers: { accept: 'application/json', 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as T;
}

/** POST a file as the request body itself (workbooks, attachments); answers are not cached. */
export async function sendFile<T>(url: string, file: Blob, contentType = 'application/octet-stream'): Promise<T> {
  const res = await request(url, {
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': contentType },
    body: file,
  });
  return (await res.json()) as T;
}

/**
 * POST a file as the request body with the upload's progress (bytes sent of the file's size): a large monitoring
 * file takes a while. A refusal is an ApiError as for the other writes (the problems of a refused file in rows).
 */
export function sendFileWithProgress<T>(url: string, file: Blob, onProgress: (sent: number, total: number) => void, contentType = 'application/octet-stream'): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('content-type', contentType);
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(new ApiError(null, null, null));
    xhr.onload = () => {
      let body: unknown;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      const error = (body as ApiErrorBody | undefined)?.error;
      if (xhr.status === 401 && error?.code === 'signInRequired') window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
      const all: unknown[] = Array.isArray(error?.problems) ? error.problems : [];
      const rows = all.filter((p) => typeof p === 'object' && p !== null && typeof (p as Record<string, unknown>).row === 'number') as BatchProblem[];
      reject(new ApiError(xhr.status, error?.code ?? null, error?.message ?? null, [], rows));
    };
    xhr.send(file);
  });
}

const plan = (id: string) => `/api/plans/${encodeURIComponent(id)}`;
const query = (params: Record<string, string | number | undefined>) => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

export const api = {
  plans: () => '/api/plans',
  plan: (id: string) => `/api/plans/${encodeURIComponent(id)}`,
  assessment: (id: string, year: number, lang: string) =>
    `/api/plans/${encodeURIComponent(id)}/assessment?year=${year}&lang=${encodeURIComponent(lang)}`,
  projects: (id: string) => `/api/plans/${encodeURIComponent(id)}/projects`,
  tasks: (id: string) => `/api/plans/${encodeURIComponent(id)}/tasks`,
  consistency: (id: string, year: number, lang: string) =>
    `/api/plans/${encodeURIComponent(id)}/consistency?year=${year}&lang=${encodeURIComponent(lang)}`,
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
  session: () => '/api/session',
  setup: () => '/api/setup',
  checkObservations: () => '/api/observations/check',

  // project and task tracking
  progress: (id: string, asOf: string | undefined, lang: string) => `${plan(id)}/progress${query({ asOf, lang })}`,
  progressReports: () => '/api/progress',
  checkProgress: () => '/api/progress/check',
  review: (reportId: number) => `/api/progress/${reportId}/review`,
  projectChanges: () => '/api/project-changes',
  attachments: (id: string, owner: 'progress' | 'taskUpdate' | 'reply', ownerId: number, name: string) =>
    `/api/attachments${query({ plan: id, owner, id: ownerId, name })}`,
  attachment: (attachmentId: number) => `/api/attachments/${attachmentId}`,
  progressXlsx: (id: string, params: { period?: string; asOf?: string; lang?: string; check?: 1 } = {}) => `${plan(id)}/progress.xlsx${query(params)}`,
  projectsXlsx: (id: string, params: { asOf?: string; lang?: string } = {}) => `${plan(id)}/projects.xlsx${query(params)}`,
  workPlan: (id: string, year: number, asOf: string | undefined) => `${plan(id)}/work-plan${query({ year, asOf })}`,
  workPlanXlsx: (id: string, params: { year?: number; asOf?: string; lang?: string } = {}) => `${plan(id)}/work-plan.xlsx${query(params)}`,
  workItems: () => '/api/work-items',
  workItemUpdates: (itemId: number) => `/api/work-items/${itemId}/updates`,
  supervision: (id: string) => `${plan(id)}/supervision`,
  noticeReply: (noticeId: number) => `/api/supervision/${noticeId}/reply`,
  departments: (id: string, year: number, asOf: string | undefined, lang: string) => `${plan(id)}/departments${query({ year, asOf, lang })}`,
  departmentsXlsx: (id: string, params: { year: number; asOf?: string; lang?: string }) => `${plan(id)}/departments.xlsx${query(params)}`,
  settings: (id: string) => `${plan(id)}/settings`,

  // 监测数据
  monitoringStations: (id: string) => `${plan(id)}/monitoring/stations`,
  monitoringStation: (id: string, stationId: number) => `${plan(id)}/monitoring/stations/${stationId}`,
  monitoringStationDays: (id: string, stationId: number, year: number) => `${plan(id)}/monitoring/stations/${stationId}/days${query({ year })}`,
  monitoringCalendar: (id: string, year: number) => `${plan(id)}/monitoring/calendar${query({ year })}`,
  monitoringTrends: (id: string, year: number, station?: number) => `${plan(id)}/monitoring/trends${query({ year, station })}`,
  monitoringWater: (id: string, year: number) => `${plan(id)}/monitoring/water${query({ year })}`,
  monitoringExceedances: (id: string, year: number) => `${plan(id)}/monitoring/exceedances${query({ year })}`,
  monitoringFigures: (id: string) => `${plan(id)}/monitoring/figures`,
  monitoringSummary: (id: string, year: number) => `${plan(id)}/monitoring/summary${query({ year })}`,
  monitoringLinks: (id: string) => `${plan(id)}/monitoring/links`,
  monitoringCompute: (id: string) => `${plan(id)}/monitoring/compute`,
  alarms: (id: string, after?: number, wait?: number) => `${plan(id)}/alarms${query({ after, wait })}`,
  alarmSteps: (id: string, alarmId: number) => `${plan(id)}/alarms/${alarmId}/steps`,
  monitoringImports: (id: string, name: string, kind?: string, replace?: boolean) => `${plan(id)}/monitoring/imports${query({ kind, replace: replace ? 'true' : undefined, name })}`,
};
