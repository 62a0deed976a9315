// 指标: every framework's results as a table, one tab per framework.
import { Flex, Tabs, Typography } from 'antd';
import { api } from '../api/client.ts';
import type { Assessment, PlanSummary } from '../api/types.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { FrameworkScorecard } from '../components/FrameworkScorecard.tsx';
import { Loading } from '../components/Loading.tsx';
import { useApi } from '../hooks/useApi.ts';
import { useI18n } from '../i18n/index.tsx';

export default function ScorecardPage({ plan, year }: { plan: PlanSummary; year: number }) {
  const { t, lang } = useI18n();
  const assessment = useApi<Assessment>(api.assessment(plan.id, year, lang));
  const a = assessment.data;
  return (
    <Flex vertical gap={12} data-testid="scorecard-page">
      <div>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {t('overview.heading', { region: plan.region, year })}
        </Typography.Title>
        <Typography.Text type="secondary">{plan.title}</Typography.Text>
      </div>
      {assessment.error ? (
        <ErrorState error={assessment.error} onRetry={assessment.reload} />
      ) : !a ? (
        <Loading height={520} />
      ) : a.frameworks.length === 0 ? (
        <EmptyState text={t('state.noFrameworks')} />
      ) : (
        <div style={{ background: '#fff', padding: '4px 16px 16px', borderRadius: 8 }}>
          <Tabs
            items={a.frameworks.map((fw) => ({
              key: fw.id,
              label: fw.name,
              children: <FrameworkScorecard fw={fw} planId={plan.id} region={a.region ?? plan.region} year={a.year} />,
            }))}
          />
        </div>
      )}
    </Flex>
  );
}
