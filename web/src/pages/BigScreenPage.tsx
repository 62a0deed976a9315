// 大屏: the plan at a glance on a 1920×1080 wall display — per framework the met count, score, counts by
// status, achievability classes and the indicators not met; the live monitoring figures and the key projects' investment. The assessment
// and projects are fetched again every minute, the old figures staying on screen meanwhile.
import { Flex } from 'antd';
import { api } from '../api/client.ts';
import type { Assessment, MonitoringSummary, PlanSummary, Projects } from '../api/types.ts';
import { BigScreenAlarms } from '../components/BigScreenAlarms.tsx';
import { BigScreenFramework } from '../components/BigScreenFramework.tsx';
import { BigScreenHeader } from '../components/BigScreenHeader.tsx';
import { BigScreenProjects } from '../components/BigScreenProjects.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { Loading } from '../components/Loading.tsx';
import { liveYear, MonitoringLive } from '../components/MonitoringLive.tsx';
import { BIG } from '../lib/bigscreen.ts';
import { usePolled } from '../hooks/usePolled.ts';
import { useI18n } from '../i18n/index.tsx';
import { REFRESH_MS } from '../lib/bigscreen.ts';

export default function BigScreenPage({ plan, year }: { plan: PlanSummary; year: number }) {
  const { t, lang } = useI18n();
  const assessment = usePolled<Assessment>(api.assessment(plan.id, year, lang), REFRESH_MS);
  const projects = usePolled<Projects>(api.projects(plan.id), REFRESH_MS);
  const live = usePolled<MonitoringSummary>(api.monitoringSummary(plan.id, liveYear()), REFRESH_MS);
  // the screen is as fresh as its older half
  const a = assessment.updatedAt;
  const p = projects.updatedAt;
  const updatedAt = a && p ? (a < p ? a : p) : undefined;
  const failed = (assessment.error !== undefined && assessment.data !== undefined) || (projects.error !== undefined && projects.data !== undefined);

  const frameworks = () => {
    if (assessment.data) {
      if (assessment.data.frameworks.length === 0) return <EmptyState text={t('state.noFrameworks')} />;
      return assessment.data.frameworks.map((fw) => <BigScreenFramework key={fw.id} fw={fw} />);
    }
    if (assessment.error) return <ErrorState error={assessment.error} />;
    return <Loading height={600} />;
  };

  return (
    <Flex vertical gap={20} style={{ height: '100%' }} data-testid="bigscreen-page">
      <BigScreenHeader plan={plan} year={year} updatedAt={updatedAt} failed={failed} />
      <Flex gap={20} style={{ flex: 1, minHeight: 0 }}>
        <Flex gap={20} style={{ flex: assessment.data?.frameworks.length || 1, minWidth: 0 }}>
          {frameworks()}
        </Flex>
        <div style={{ flex: 1, minWidth: 0, display: 'flex', flexDirection: 'column', gap: 20 }}>
          {/* the live monitoring figures above the projects, a fixed height (nothing moves when they arrive); the
              projects' chart gives up the room, the frameworks' columns keep theirs */}
          <div style={{ height: 150, flex: 'none', background: BIG.panel, border: `1px solid ${BIG.border}`, borderRadius: 10, padding: '12px 22px', overflow: 'hidden' }}>
            {live.data ? <MonitoringLive summary={live.data} variant="dark" /> : null}
          </div>
          <div style={{ height: 210, flex: 'none' }}>
            <BigScreenAlarms planId={plan.id} />
          </div>
          <div style={{ flex: 1, minHeight: 0, display: 'flex' }}>
            {projects.data ? (
              <BigScreenProjects p={projects.data} />
            ) : projects.error ? (
              <ErrorState error={projects.error} />
            ) : (
              <Loading height={600} />
            )}
          </div>
        </div>
      </Flex>
    </Flex>
  );
}
