// Picks the page for the route, with the states every page shares (plans loading, none, unknown plan).
import { Alert, Button, Result } from 'antd';
import { useEffect } from 'react';
import type { PlanSummary } from '../api/types.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { Loading } from '../components/Loading.tsx';
import type { ApiState } from '../hooks/useApi.ts';
import type { Selection } from '../hooks/useSelection.ts';
import { useI18n, type Lang } from '../i18n/index.tsx';
import { formatHash, type Page, type Route } from '../lib/route.ts';
import { lazyPage } from './lazyPage.tsx';

const OverviewPage = lazyPage(() => import('./OverviewPage.tsx'), ['overview']);
const ScorecardPage = lazyPage(() => import('./ScorecardPage.tsx'), ['scorecard', 'detail']);
const PlansPage = lazyPage(() => import('./PlansPage.tsx'), ['plans']);
const EntryPage = lazyPage(() => import('./EntryPage.tsx'), ['entry']);
const ProjectsPage = lazyPage(() => import('./ProjectsPage.tsx'), ['projects']);
const TasksPage = lazyPage(() => import('./TasksPage.tsx'), ['tasks']);
const ConsistencyPage = lazyPage(() => import('./ConsistencyPage.tsx'), ['consistency']);
const IndicatorPage = lazyPage(() => import('./IndicatorPage.tsx'), ['indicator', 'detail']);
const AuditPage = lazyPage(() => import('./AuditPage.tsx'), ['audit']);
const ReviewPage = lazyPage(() => import('./ReviewPage.tsx'), ['review', 'monitoring']);
const UsersPage = lazyPage(() => import('./UsersPage.tsx'), ['users']);
const ProgressPage = lazyPage(() => import('./ProgressPage.tsx'), ['progress', 'review']);
const WorkPlanPage = lazyPage(() => import('./WorkPlanPage.tsx'), ['workplan']);
const DepartmentsPage = lazyPage(() => import('./DepartmentsPage.tsx'), ['departments']);
const ReportsPage = lazyPage(() => import('./ReportsPage.tsx'), ['reports']);
const MonitoringPage = lazyPage(() => import('./MonitoringPage.tsx'), ['monitoring']);
const PlanImportPage = lazyPage(() => import('./PlanImportPage.tsx'), ['planImport']);

/** The pages by route, to fetch a page's code and text while the plans are still loading. */
const PRELOAD: Partial<Record<Page, { preload(lang: Lang): void }>> = {
  overview: OverviewPage,
  scorecard: ScorecardPage,
  plans: PlansPage,
  entry: EntryPage,
  projects: ProjectsPage,
  tasks: TasksPage,
  consistency: ConsistencyPage,
  indicator: IndicatorPage,
  audit: AuditPage,
  review: ReviewPage,
  users: UsersPage,
  progress: ProgressPage,
  workplan: WorkPlanPage,
  departments: DepartmentsPage,
  reports: ReportsPage,
  monitoring: MonitoringPage,
  planImport: PlanImportPage,
};

interface Props {
  route: Route;
  plans: ApiState<PlanSummary[]>;
  selection: Selection;
}

export function PageBody({ route, plans, selection }: Props) {
  const { t, lang } = useI18n();
  useEffect(() => {
    if (route.page !== 'notFound') PRELOAD[route.page]?.preload(lang);
  }, [route.page, lang]);
  if (route.page === 'notFound')
    return (
      <Result
        status="404"
        title={t('state.notFound')}
        subTitle={t('state.notFoundHint', { hash: route.hash })}
        extra={
          <Button type="primary" href={formatHash({ page: 'overview', plan: selection.planId, year: selection.year })}>
            {t('state.backHome')}
          </Button>
        }
      />
    );
  // 规划导入 needs no plan: a county without one yet starts here
  if (route.page === 'planImport') return <PlanImportPage />;
  if (plans.error) return <ErrorState error={plans.error} onRetry={plans.reload} />;
  if (!plans.data) return <Loading />;
  if (plans.data.length === 0) return <EmptyState text={t('state.noPlans')} />;
  if (route.page === 'plans') return <PlansPage plans={plans.data} selectedId={selection.plan?.id} />;
  if (route.page === 'audit') return <AuditPage plan={selection.plan} />;
  if (route.page === 'users') return <UsersPage regions={[...new Set(plans.data.map((p) => p.region))]} />;
  if (selection.unknownPlan) return <Alert type="warning" showIcon title={t('state.unknownPlan', { plan: selection.planId ?? '' })} />;
  if (!selection.plan || selection.year === undefined) return <EmptyState text={t('state.noPlan')} />;
  if (route.page === 'scorecard') return <ScorecardPage plan={selection.plan} year={selection.year} />;
  if (route.page === 'entry') return <EntryPage plan={selection.plan} year={selection.year} unit={route.unit} />;
  if (route.page === 'projects') return <ProjectsPage plan={selection.plan} />;
  if (route.page === 'tasks') return <TasksPage plan={selection.plan} />;
  if (route.page === 'review') return <ReviewPage plan={selection.plan} year={selection.year} />;
  if (route.page === 'consistency') return <ConsistencyPage plan={selection.plan} year={selection.year} />;
  if (route.page === 'progress') return <ProgressPage plan={selection.plan} asOf={route.asOf} />;
  if (route.page === 'workplan') return <WorkPlanPage plan={selection.plan} year={selection.year} asOf={route.asOf} />;
  if (route.page === 'departments') return <DepartmentsPage plan={selection.plan} year={selection.year} asOf={route.asOf} />;
  if (route.page === 'reports') return <ReportsPage plan={selection.plan} year={selection.year} />;
  if (route.page === 'monitoring') return <MonitoringPage plan={selection.plan} year={selection.year} />;
  if (route.page === 'indicator')
    return route.framework && route.number ? (
      <IndicatorPage plan={selection.plan} year={selection.year} framework={route.framework} number={route.number} />
    ) : (
      <EmptyState text={t('indicator.noIndicator')} />
    );
  return <OverviewPage plan={selection.plan} year={selection.year} />;
}
