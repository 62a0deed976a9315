// 项目: the plan's key projects — totals against the stated figures, roll-ups by group, category, lead unit
// and year, and the full list with a detail drawer.
import { Card, Col, Flex, Row, Typography } from 'antd';
import { api } from '../api/client.ts';
import type { PlanSummary, Projects } from '../api/types.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { Loading } from '../components/Loading.tsx';
import { ProjectGroupCards } from '../components/ProjectGroupCards.tsx';
import { ProjectList } from '../components/ProjectList.tsx';
import { ProjectRollupTable } from '../components/ProjectRollupTable.tsx';
import { ProjectTotals } from '../components/ProjectTotals.tsx';
import { ProjectYearChart } from '../components/ProjectYearChart.tsx';
import { useApi } from '../hooks/useApi.ts';
import { useI18n } from '../i18n/index.tsx';

function Rollups({ p }: { p: Projects }) {
  const { t } = useI18n();
  return (
    <>
      <Card title={t('projects.title')} data-testid="projects-totals">
        <ProjectTotals p={p} />
      </Card>
      {p.groups.length > 0 ? (
        <Card title={t('projectsPage.byGroup')} styles={{ body: { background: '#fafcfb' } }}>
          <ProjectGroupCards groups={p.groups} />
        </Card>
      ) : null}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={8}>
          <Card title={t('projectsPage.byCategory')} style={{ height: '100%' }}>
            <ProjectRollupTable rows={p.categories} testId="projects-by-category" />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('projectsPage.byLead')} style={{ height: '100%' }}>
            <ProjectRollupTable rows={p.leadUnits} testId="projects-by-lead" />
          </Card>
        </Col>
        <Col xs={24} xl={8}>
          <Card title={t('projectsPage.byYear')} style={{ height: '100%' }}>
            {p.years.length > 0 ? (
              <>
                <ProjectYearChart years={p.years} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('projectsPage.yearNote')}
                </Typography.Text>
              </>
            ) : (
              <EmptyState text={t('state.empty')} />
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}

export default function ProjectsPage({ plan }: { plan: PlanSummary }) {
  const { t } = useI18n();
  const projects = useApi<Projects>(api.projects(plan.id));
  const p = projects.data;
  return (
    <Flex vertical gap={16} data-testid="projects-page">
      <div>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {t('projectsPage.heading', { region: plan.region })}
        </Typography.Title>
        <Typography.Text type="secondary">{plan.title}</Typography.Text>
      </div>
      {projects.error ? (
        <ErrorState error={projects.error} onRetry={projects.reload} />
      ) : !p ? (
        <Loading height={520} />
      ) : p.count === 0 && p.groups.length === 0 ? (
        <EmptyState text={t('projects.empty')} />
      ) : (
        <>
          <Rollups p={p} />
          <Card title={t('projectsPage.list')}>
            <ProjectList projects={p.projects} />
          </Card>
        </>
      )}
    </Flex>
  );
}
