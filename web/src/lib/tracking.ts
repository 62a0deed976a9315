// Project and task tracking, presentation only: shares and percentages as plans print them, reporting
// periods (the one a report is due for), tag colours, the key tasks a work item can name, problems by field.
// Figures, statuses and scores are the API's.
import type { BatchProblem, Cadence, TaskNode } from '../api/types.ts';

/** A share (0–1) as a percentage with one decimal: 0.3 → 30.0%. */
export function formatShare(share: number | null | undefined): string | null {
  if (share === null || share === undefined || !Number.isFinite(share)) return null;
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** A percentage figure (0–100) with one decimal: 40 → 40.0%. */
export function formatPercent(p: number | null | undefined): string | null {
  if (p === null || p === undefined || !Number.isFinite(p)) return null;
  return `${(Math.round(p * 10) / 10).toFixed(1)}%`;
}

/** A date as YYYY-MM-DD in the browser's own time zone. */
export function isoDate(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The period containing a date: 2024-Q2 or 2024-06. */
function periodContaining(date: string, cadence: Cadence): { year: number; index: number } {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return { year, index: cadence === 'month' ? month : Math.ceil(month / 3) };
}

function periodEnd(year: number, index: number, cadence: Cadence): string {
  const month = cadence === 'month' ? index : index * 3;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month)}-${pad(last)}`;
}

const periodKey = (year: number, index: number, cadence: Cadence) => (cadence === 'month' ? `${year}-${pad(index)}` : `${year}-Q${index}`);

/**
 * The last periods that had ended by the date, newest first (the first is the one a report is due for).
 * 2024-06-30 by quarter → 2024-Q2, 2024-Q1, 2023-Q4 …
 */
export function endedPeriods(date: string, cadence: Cadence, count: number): string[] {
  let { year, index } = periodContaining(date, cadence);
  const per = cadence === 'month' ? 12 : 4;
  const back = () => {
    index -= 1;
    if (index === 0) {
      year -= 1;
      index = per;
    }
  };
  if (periodEnd(year, index, cadence) > date) back();
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(periodKey(year, index, cadence));
    back();
  }
  return out;
}

/** The key-task clauses a work item can break down, in the plan's order. */
export function taskClauses(nodes: TaskNode[]): Array<{ key: string; text: string }> {
  const out: Array<{ key: string; text: string }> = [];
  const walk = (list: TaskNode[]) => {
    for (const n of list) {
      if (n.kind === 'clause' && n.key) out.push({ key: n.key, text: n.text ?? n.title ?? '' });
      walk(n.tasks);
    }
  };
  walk(nodes);
  return out;
}

/** Problems by field (the first entry's only: forms send one). */
export function problemsByField(problems: BatchProblem[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const p of problems) if (p.row === 1) (out[p.field] ??= []).push(p.message);
  return out;
}

/** A file size as people read it: 812 B, 34.5 KB, 2.1 MB. */
export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}

export const PROJECT_STATUS_COLOR = {
  notStarted: 'default',
  underway: 'processing',
  completed: 'success',
  delayed: 'warning',
  cancelled: 'default',
  adjusted: 'purple',
  noReport: 'default',
} as const;

export const REVIEW_COLOR = { submitted: 'processing', returned: 'error', accepted: 'success' } as const;
export const TIMELINESS_COLOR = { onTime: 'success', late: 'warning', overdue: 'error', pending: 'default' } as const;
export const WORK_STATUS_COLOR = { notStarted: 'default', inProgress: 'processing', done: 'success' } as const;
export const WARNING_COLOR = { overdue: 'error', behindSchedule: 'warning', missingReport: 'default' } as const;

export const PROJECT_STATUSES = ['notStarted', 'underway', 'completed', 'delayed', 'cancelled', 'adjusted'] as const;
export const STATUS_KEYS = [...PROJECT_STATUSES, 'noReport'] as const;
export const WORK_STATUSES = ['notStarted', 'inProgress', 'done'] as const;
export const WARNING_KINDS = ['overdue', 'behindSchedule', 'missingReport'] as const;
export const ASSESSMENT_PARTS = ['indicators', 'projects', 'tasks', 'reporting'] as const;

/** Attachments the server accepts (src/store/attachments.ts, which checks the bytes too): at most 10 MB of
 * jpg, png, pdf, docx or xlsx. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_ACCEPT = '.jpg,.jpeg,.png,.pdf,.docx,.xlsx';

export function attachmentAccepted(name: string): boolean {
  return /\.(jpe?g|png|pdf|docx|xlsx)$/i.test(name);
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
