// 部门考核: the year-end scorecard of every responsible unit on a date — the indicators it leads, its projects,
// its work-plan items and its reporting, weighted (weights editable and saved per plan), ranked, each score
// with its reason; export to Excel.
import { Button, Card, Flex, Typography } from 'antd';
import { api, forgetCachedUnder } from '../api/client.ts';
import type { Departments, PlanSummary } from '../api/types.ts';
import { AsOfInput } from '../components/AsOfInput.tsx';
import { DepartmentRanking } from '../components/DepartmentRanking.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { Loading } from '../components/Loading.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { WeightsForm } from '../components/WeightsForm.tsx';
import { useApi } from '../hooks/useApi.ts';
import { useI18n } from '../i18n/index.tsx';
import { navigate } from '../lib/route.ts';

interface Props {
  plan: PlanSummary;
  year: number;
  asOf: string | undefined;
}

export default function DepartmentsPage({ plan, year, asOf }: Props) {
  const { t, lang } = useI18n();
  const q = useApi<Departments>(api.departments(plan.id, year, asOf, lang));
  const d = q.data;
  const onSaved = () => {
    forgetCachedUnder(api.planPrefix(plan.id));
    q.refresh();
  };
  return (
    <Flex vertical gap={16} data-testid="departments-page">
      <PageHeading
        title={t('departments.heading', { region: plan.region, year })}
        subtitle={plan.title}
        extra={<AsOfInput value={d?.asOf ?? asOf ?? ''} fixed={asOf !== undefined} onChange={(v) => navigate({ page: 'departments', plan: plan.id, year, asOf: v })} />}
      />
      {q.error ? (
        <ErrorState error={q.error} onRetry={q.reload} />
      ) : !d ? (
        <Loading height={420} />
      ) : (
        <>
          <Card title={t('departments.weights')}>
            <WeightsForm key={JSON.stringify(d.weights)} plan={plan.id} weights={d.weights} onSaved={onSaved} />
          </Card>
          <Card
            title={t('departments.ranking', { n: d.ranking.length, date: d.asOf })}
            extra={
              <Button type="primary" href={api.departmentsXlsx(plan.id, { year, asOf, lang })} data-testid="departments-export">
                {t('departments.export')}
              </Button>
            }
          >
            <Typography.Paragraph type="secondary">{t('departments.intro')}</Typography.Paragraph>
            <DepartmentRanking d={d} />
          </Card>
        </>
      )}
    </Flex>
  );
}
