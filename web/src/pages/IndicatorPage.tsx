// 指标详情: one indicator — its requirement and value in the chosen year, status and reason, every year of
// the plan (from each year's assessment, fetched in parallel and cached), a trend chart, achievability beside
// the plan's own judgement, any confirmation, and the key projects that serve it.
import { Alert, Button, Card, Flex, Typography } from 'antd';
import { useMemo } from 'react';
import { api } from '../api/client.ts';
import type { Assessment, PlanSummary, Projects } from '../api/types.ts';
import { ConfirmationDetail } from '../components/ConfirmationDetail.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { IndicatorAchievability } from '../components/IndicatorAchievability.tsx';
import { IndicatorHistory } from '../components/IndicatorHistory.tsx';
import { IndicatorProjects } from '../components/IndicatorProjects.tsx';
import { IndicatorSummary } from '../components/IndicatorSummary.tsx';
import { IndicatorTrendChart } from '../components/IndicatorTrendChart.tsx';
import { Loading } from '../components/Loading.tsx';
import { useApi } from '../hooks/useApi.ts';
import { useApiAll } from '../hooks/useApiAll.ts';
import { useI18n } from '../i18n/index.tsx';
import { indicatorNames, itemOf, markLines, trendSeries, yearItems } from '../lib/indicator.ts';
import { projectsServing } from '../lib/projects.ts';
import { formatHash } from '../lib/route.ts';
import { planYears } from '../lib/years.ts';

interface Props {
  plan: PlanSummary;
  year: number;
  framework: string;
  number: string;
}

export default function IndicatorPage({ plan, year, framework, number }: Props) {
  const { t, lang } = useI18n();
  const years = useMemo(() => [...new Set([...planYears(plan), year])].sort((a, b) => a - b), [plan, year]);
  const current = useApi<Assessment>(api.assessment(plan.id, year, lang));
  const others = useMemo(() => years.filter((y) => y !== year), [years, year]);
  const history = useApiAll<Assessment>(others.map((y) => api.assessment(plan.id, y, lang)));
  const projects = useApi<Projects>(api.projects(plan.id));

  const fw = current.data?.frameworks.find((f) => f.id === framework);
  const item = itemOf(current.data, framework, number);
  const rows = useMemo(() => {
    if (!current.data || !history.data) return undefined;
    const byYear = new Map<number, Assessment>(others.map((y, i) => [y, history.data![i]!]));
    byYear.set(year, current.data);
    return yearItems(years, years.map((y) => byYear.get(y)!), framework, number);
  }, [current.data, history.data, others, years, year, framework, number]);
  const series = useMemo(() => (rows ? trendSeries(rows) : []), [rows]);
  const lines = useMemo(() => (rows ? markLines(rows) : []), [rows]);
  const serving = useMemo(
    () => (item && projects.data ? projectsServing(projects.data.projects, indicatorNames(item)) : undefined),
    [item, projects.data],
  );
  const back = formatHash({ page: 'scorecard', plan: plan.id, year });

  const body = () => {
    if (current.error) return <ErrorState error={current.error} onRetry={current.reload} />;
    if (!current.data) return <Loading height={520} />;
    if (!item) return <Alert type="warning" showIcon title={t('indicator.missing', { framework: fw?.name ?? framework, number })} />;
    const plotted = series.some((s) => s.values.some((v) => v !== null));
    const parts = (item.parts ?? []).filter((p) => p.achievability);
    return (
      <>
        <Card title={t('indicator.summary', { year })}>
          <Flex vertical gap={16}>
            <IndicatorSummary item={item} />
            {item.confirmation ? <ConfirmationDetail c={item.confirmation} /> : null}
          </Flex>
        </Card>
        <Card title={t('detail.achievability')}>
          <Flex vertical gap={16}>
            {/* a composite indicator's own class repeats its parts' worst: show each part instead */}
            {parts.length === 0 ? <IndicatorAchievability a={item.achievability} stated={item.stated} /> : null}
            {parts.map((p, i) => (
              <IndicatorAchievability key={i} a={p.achievability} stated={p.stated} title={p.part ?? undefined} />
            ))}
          </Flex>
        </Card>
        <Card title={t('indicator.trend')}>
          {history.error ? (
            <ErrorState error={history.error} onRetry={history.reload} />
          ) : !rows ? (
            <Loading height={300} />
          ) : plotted ? (
            <>
              <IndicatorTrendChart name={item.name} years={years} series={series} lines={lines} />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('indicator.chartNote')}
              </Typography.Text>
            </>
          ) : (
            <EmptyState text={t('indicator.noChart')} />
          )}
        </Card>
        <Card title={t('indicator.history')} extra={<Typography.Text type="secondary">{t('indicator.historyRange', { from: years[0] ?? year, to: years[years.length - 1] ?? year })}</Typography.Text>}>
          {history.error ? null : !rows ? <Loading height={240} /> : <IndicatorHistory rows={rows} current={year} />}
        </Card>
        <Card title={t('indicator.projects')}>
          {projects.error ? (
            <ErrorState error={projects.error} onRetry={projects.reload} />
          ) : !serving ? (
            <Loading height={160} />
          ) : (
            <IndicatorProjects projects={serving} />
          )}
        </Card>
      </>
    );
  };

  return (
    <Flex vertical gap={16} data-testid="indicator-page">
      <Flex justify="space-between" align="flex-start" gap={16} wrap>
        <div>
          <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
            {item ? t('indicator.heading', { number: item.number, name: item.name }) : number}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('indicator.subheading', { framework: fw?.name ?? framework, region: plan.region, year })}
          </Typography.Text>
        </div>
        <Button href={back}>{t('indicator.back')}</Button>
      </Flex>
      {body()}
    </Flex>
  );
}
