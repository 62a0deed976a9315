// The annual work plan (年度工作计划): key tasks broken down by unit and year, each with a deadline.
// A work item not done by its deadline is overdue and calls for a supervision notice (督办).

export const WORK_STATUSES = ['notStarted', 'inProgress', 'done'] as const;
export type WorkStatus = (typeof WORK_STATUSES)[number];

export interface WorkItem {
  id: number;
  year: number;
  taskKey: string | null;
  title: string;
  leadUnit: string;
  cooperatingUnits: string[];
  deadline: string;
  status: WorkStatus;
  doneOn: string | null;
}

export type Timeliness = 'onTime' | 'late' | 'overdue' | 'pending';

/** How an item stands on a date: done on time, done late, overdue (past its deadline, not done), or still pending. */
export function timelinessOf(item: Pick<WorkItem, 'deadline' | 'status' | 'doneOn'>, asOf: string): Timeliness {
  if (item.status === 'done') return item.doneOn !== null && item.doneOn > item.deadline ? 'late' : 'onTime';
  return item.deadline < asOf ? 'overdue' : 'pending';
}

export interface NoticeRef {
  workItemId: number;
  /** still awaiting a reply */
  open: boolean;
}

/** Overdue items that have no notice awaiting a reply: the ones a new supervision notice should go to. */
export function itemsToSupervise(items: WorkItem[], notices: NoticeRef[], asOf: string): WorkItem[] {
  const open = new Set(notices.filter((n) => n.open).map((n) => n.workItemId));
  return items.filter((i) => timelinessOf(i, asOf) === 'overdue' && !open.has(i.id));
}
