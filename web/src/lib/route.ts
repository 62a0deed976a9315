// Routing by URL hash: #/overview?plan=ID&year=Y, #/scorecard?plan=ID&year=Y, #/entry?plan=ID&year=Y&unit=NAME,
// #/projects?plan=ID&year=Y, #/tasks?plan=ID, #/indicator?plan=ID&year=Y&framework=F&number=N, #/plans,
// #/consistency?plan=ID&year=Y, #/reports?plan=ID&year=Y, #/review?plan=ID&year=Y, #/audit?plan=ID, #/users,
// #/bigscreen?plan=ID&year=Y (the wall display, outside the shell); #/monitoring?plan=ID&year=Y (监测数据); project and task tracking:
// #/progress?plan=ID&asOf=D, #/workplan?plan=ID&year=Y&asOf=D, #/departments?plan=ID&year=Y&asOf=D (asOf: the
// date the figures stand on, YYYY-MM-DD; today when absent).
export type Page = 'overview' | 'scorecard' | 'monitoring' | 'entry' | 'projects' | 'progress' | 'tasks' | 'workplan' | 'departments' | 'consistency' | 'indicator' | 'reports' | 'plans' | 'review' | 'audit' | 'users' | 'planImport' | 'bigscreen';
export const PAGES: readonly Page[] = ['overview', 'scorecard', 'monitoring', 'entry', 'projects', 'progress', 'tasks', 'workplan', 'departments', 'consistency', 'indicator', 'reports', 'plans', 'review', 'audit', 'users', 'planImport', 'bigscreen'];

/** Pages that show no year (the header's year is not put in their address). */
export const YEARLESS_PAGES: readonly Page[] = ['tasks', 'progress', 'audit'];

export interface Route {
  page: Page | 'notFound';
  plan?: string;
  year?: number;
  /** the reporting unit (数据填报 only) */
  unit?: string;
  /** the framework and the indicator's number (指标详情 only) */
  framework?: string;
  number?: string;
  /** the date the tracking figures stand on (项目进度, 年度任务, 部门考核) */
  asOf?: string;
  hash: string;
}

export interface Target {
  page: Page;
  plan?: string;
  year?: number;
  unit?: string;
  framework?: string;
  number?: string;
  asOf?: string;
}

export function parseHash(hash: string): Route {
  const body = hash.replace(/^#/, '');
  const [path = '', query = ''] = body.split('?', 2);
  const name = path.replace(/^\/+|\/+$/g, '');
  const params = new URLSearchParams(query);
  const plan = params.get('plan') || undefined;
  const yearText = params.get('year');
  const year = yearText && /^\d{4}$/.test(yearText) ? Number(yearText) : undefined;
  const unit = params.get('unit') || undefined;
  const framework = params.get('framework') || undefined;
  const number = params.get('number') || undefined;
  const asOfText = params.get('asOf');
  const asOf = asOfText && /^\d{4}-\d{2}-\d{2}$/.test(asOfText) ? asOfText : undefined;
  const page: Route['page'] = name === '' ? 'overview' : (PAGES as readonly string[]).includes(name) ? (name as Page) : 'notFound';
  return {
    page,
    ...(plan ? { plan } : {}),
    ...(year !== undefined ? { year } : {}),
    ...(unit ? { unit } : {}),
    ...(framework ? { framework } : {}),
    ...(number ? { number } : {}),
    ...(asOf ? { asOf } : {}),
    hash,
  };
}

export function formatHash(t: Target): string {
  const params = new URLSearchParams();
  if (t.plan) params.set('plan', t.plan);
  if (t.year !== undefined) params.set('year', String(t.year));
  if (t.unit) params.set('unit', t.unit);
  if (t.framework) params.set('framework', t.framework);
  if (t.number) params.set('number', t.number);
  if (t.asOf) params.set('asOf', t.asOf);
  const q = params.toString();
  return `#/${t.page}${q ? `?${q}` : ''}`;
}

/** Go to a page. With replace, the current history entry is overwritten (used to fill in defaults). */
export function navigate(t: Target, opts: { replace?: boolean } = {}): void {
  const hash = formatHash(t);
  if (window.location.hash === hash) return;
  if (opts.replace) {
    window.history.replaceState(window.history.state, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = hash;
  }
}
