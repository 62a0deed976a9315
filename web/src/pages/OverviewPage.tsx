// 总览: one card per framework for the chosen plan and year, the live monitoring figures, then the key projects.
import { Button, Card, Flex, Typography } from 'antd';
import { api } from '../api/client.ts';
import type { Assessment, MonitoringSummary, PlanSummary, Projects } from '../api/types.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { FrameworkCard } from '../components/FrameworkCard.tsx';
import { Loading } from '../components/Loading.tsx';
import { liveYear, MonitoringLive } from '../components/MonitoringLive.tsx';
import { ProjectsCard } from '../components/ProjectsCard.tsx';
import { useApi } from '../hooks/useApi.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatHash } from '../lib/route.ts';

export default function OverviewPage({ plan, year }: { plan: PlanSummary; year: number }) {
  const { t, lang } = useI18n();
  const assessment = useApi<Assessment>(api.assessment(plan.id, year, lang));
  const projects = useApi<Projects>(api.projects(plan.id));
  const live = useApi<MonitoringSummary>(api.monitoringSummary(plan.id, liveYear()));
  return (
    <Flex vertical gap={16} data-testid="overview-page">
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div>
          <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
            {t('overview.heading', { region: plan.region, year })}
          </Typography.Title>
          <Typography.Text type="secondary">{plan.title}</Typography.Text>
        </div>
        <Button href={formatHash({ page: 'bigscreen', plan: plan.id, year })} title={t('overview.bigscreenHint')} data-testid="open-bigscreen">
          {t('overview.bigscreen')}
        </Button>
      </Flex>
      {assessment.error ? (
        <ErrorState error={assessment.error} onRetry={assessment.reload} />
      ) : !assessment.data ? (
        <Loading height={520} />
      ) : assessment.data.frameworks.length === 0 ? (
        <EmptyState text={t('state.noFrameworks')} />
      ) : (
        assessment.data.frameworks.map((fw) => <FrameworkCard key={fw.id} fw={fw} planId={plan.id} year={year} />)
      )}
      {/* The live monitoring figures (this year so far), below the frameworks once those are in place. */}
      {!assessment.data ? null : live.error ? (
        <ErrorState error={live.error} onRetry={live.reload} />
      ) : !live.data ? (
        <Loading height={120} />
      ) : (
        <Card size="small">
          <MonitoringLive summary={live.data} variant="light" planId={plan.id} />
        </Card>
      )}
      {/* The projects come below the frameworks: shown once those are in place, so nothing above the fold moves. */}
      {!assessment.data ? null : projects.error ? (
        <ErrorState error={projects.error} onRetry={projects.reload} />
      ) : !projects.data ? (
        <Loading height={360} />
      ) : (
        <ProjectsCard p={projects.data} />
      )}
    </Flex>
  );
}
