// 项目进度 (调度): the key projects on a date — totals against the plan as issued and the document's stated
// figures, the planned-versus-completed curve, investment by year, roll-ups by group, category, lead unit and
// township, the warnings, and the project list with a drawer per project for its reports (reviewed there),
// its changes and the progress report form. Excel templates out and in.
import { Card, Col, Flex, Row, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api, forgetCachedUnder } from '../api/client.ts';
import type { BatchProblem, PlanSummary, Progress } from '../api/types.ts';
import { AsOfInput } from '../components/AsOfInput.tsx';
import { BatchProblems } from '../components/BatchProblems.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { ProgressCurveChart, ProgressYearChart } from '../components/ProgressCharts.tsx';
import { ProgressProjectDrawer } from '../components/ProgressProjectDrawer.tsx';
import { ProgressProjectTable } from '../components/ProgressProjectTable.tsx';
import { ProgressRollupTabs } from '../components/ProgressRollupTabs.tsx';
import { ProgressToolbar } from '../components/ProgressToolbar.tsx';
import { ProgressTotals } from '../components/ProgressTotals.tsx';
import { ProgressWarnings } from '../components/ProgressWarnings.tsx';
import { ProjectChangeModal } from '../components/ProjectChangeModal.tsx';
import { useApi } from '../hooks/useApi.ts';
import { useDetailDrawer } from '../hooks/useDetailDrawer.ts';
import { useI18n } from '../i18n/index.tsx';
import { navigate } from '../lib/route.ts';
import { endedPeriods, formatShare } from '../lib/tracking.ts';

function Body({ plan, p, asOf, onChanged }: { plan: PlanSummary; p: Progress; asOf: string | undefined; onChanged: () => void }) {
  const { t } = useI18n();
  const drawer = useDetailDrawer<string>();
  const [change, setChange] = useState<{ preset?: string } | null>(null);
  const [problems, setProblems] = useState<BatchProblem[]>([]);
  const periods = useMemo(() => endedPeriods(p.asOf, p.settings.cadence, 8), [p.asOf, p.settings.cadence]);
  return (
    <>
      <Card size="small">
        <ProgressToolbar plan={plan.id} asOf={asOf} periods={periods} onImported={onChanged} onProblems={setProblems} onRecordChange={() => setChange({})} />
        <BatchProblems problems={problems} counting="row" onClose={() => setProblems([])} testId="upload-problems" style={{ marginTop: 12 }} />
      </Card>
      <Card title={t('progress.totals')} data-testid="progress-totals">
        <ProgressTotals p={p} />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title={t('progress.curve')} style={{ height: '100%' }}>
            {p.rollup.curve.length > 0 ? <ProgressCurveChart curve={p.rollup.curve} /> : <EmptyState text={t('progress.noCurve')} />}
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('progress.curveNote')}
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title={t('progress.years')} style={{ height: '100%' }}>
            {p.rollup.years.length > 0 ? <ProgressYearChart years={p.rollup.years} /> : <EmptyState text={t('state.empty')} />}
          </Card>
        </Col>
      </Row>
      <Card title={t('progress.rollups')}>
        <ProgressRollupTabs p={p} />
      </Card>
      <Card title={t('progress.warnings', { n: p.warnings.length })}>
        <ProgressWarnings warnings={p.warnings} onOpen={(key) => drawer.show(key)} />
      </Card>
      <Card title={t('progress.projects')}>
        <ProgressProjectTable projects={p.projects} onOpen={drawer.show} />
      </Card>
      <ProgressProjectDrawer
        plan={plan.id}
        project={p.projects.find((x) => x.key === drawer.selected)}
        open={drawer.open}
        periods={periods}
        onClose={drawer.close}
        afterClose={drawer.afterClose}
        onChanged={onChanged}
        onRecordChange={(key) => setChange({ preset: key })}
      />
      <ProjectChangeModal
        key={change?.preset ?? 'new'}
        open={change !== null}
        onClose={() => setChange(null)}
        plan={plan.id}
        projects={p.projects}
        preset={change?.preset}
        date={p.asOf}
        onSaved={onChanged}
      />
    </>
  );
}

export default function ProgressPage({ plan, asOf }: { plan: PlanSummary; asOf: string | undefined }) {
  const { t, lang } = useI18n();
  const progress = useApi<Progress>(api.progress(plan.id, asOf, lang));
  const p = progress.data;
  const onChanged = () => {
    forgetCachedUnder(api.planPrefix(plan.id));
    progress.refresh();
  };
  return (
    <Flex vertical gap={16} data-testid="progress-page">
      <PageHeading
        title={t('progress.heading', { region: plan.region })}
        subtitle={p ? t('progress.subtitle', { title: plan.title, cadence: t(`cadence.${p.settings.cadence}`), tolerance: formatShare(p.settings.tolerance) ?? '' }) : plan.title}
        extra={<AsOfInput value={p?.asOf ?? asOf ?? ''} fixed={asOf !== undefined} onChange={(d) => navigate({ page: 'progress', plan: plan.id, asOf: d })} />}
      />
      {progress.error ? (
        <ErrorState error={progress.error} onRetry={progress.reload} />
      ) : !p ? (
        <Loading height={520} />
      ) : p.projects.length === 0 ? (
        <EmptyState text={t('projects.empty')} />
      ) : (
        <Body plan={plan} p={p} asOf={asOf} onChanged={onChanged} />
      )}
    </Flex>
  );
}
