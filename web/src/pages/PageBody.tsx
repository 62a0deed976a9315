// Picks the page for the route, with the states every page shares (plans loading, none, unknown plan).
import { Alert, Button, Result } from 'antd';
import { lazy } from 'react';
import type { PlanSummary } from '../api/types.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { Loading } from '../components/Loading.tsx';
import type { ApiState } from '../hooks/useApi.ts';
import type { Selection } from '../hooks/useSelection.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatHash, type Route } from '../lib/route.ts';

const OverviewPage = lazy(() => import('./OverviewPage.tsx'));
const ScorecardPage = lazy(() => import('./ScorecardPage.tsx'));
const PlansPage = lazy(() => import('./PlansPage.tsx'));
const EntryPage = lazy(() => import('./EntryPage.tsx'));
const ProjectsPage = lazy(() => import('./ProjectsPage.tsx'));
const TasksPage = lazy(() => import('./TasksPage.tsx'));
const ConsistencyPage = lazy(() => import('./ConsistencyPage.tsx'));
const IndicatorPage = lazy(() => import('./IndicatorPage.tsx'));
const AuditPage = lazy(() => import('./AuditPage.tsx'));
const ReviewPage = lazy(() => import('./ReviewPage.tsx'));
const UsersPage = lazy(() => import('./UsersPage.tsx'));
const ProgressPage = lazy(() => import('./ProgressPage.tsx'));
const WorkPlanPage = lazy(() => import('./WorkPlanPage.tsx'));
const DepartmentsPage = lazy(() => import('./DepartmentsPage.tsx'));
const ReportsPage = lazy(() => import('./ReportsPage.tsx'));

interface Props {
  route: Route;
  plans: ApiState<PlanSummary[]>;
  selection: Selection;
}

export function PageBody({ route, plans, selection }: Props) {
  const { t } = useI18n();
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
  if (route.page === 'indicator')
    return route.framework && route.number ? (
      <IndicatorPage plan={selection.plan} year={selection.year} framework={route.framework} number={route.number} />
    ) : (
      <EmptyState text={t('indicator.noIndicator')} />
    );
  return <OverviewPage plan={selection.plan} year={selection.year} />;
}
