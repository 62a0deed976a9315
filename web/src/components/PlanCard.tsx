// One plan on the plans page, with its details from GET /api/plans/{id}. Clicking (or Enter) selects
// it and opens its overview.
import { Card, Descriptions, Skeleton, Tag, Typography } from 'antd';
import type { KeyboardEvent } from 'react';
import { api } from '../api/client.ts';
import type { PlanDetail, PlanSummary } from '../api/types.ts';
import { useApi } from '../hooks/useApi.ts';
import { useI18n } from '../i18n/index.tsx';
import { navigate } from '../lib/route.ts';
import { defaultYear } from '../lib/years.ts';
import { ErrorState } from './ErrorState.tsx';
import { SourceText } from './SourceText.tsx';

export function PlanCard({ plan, selected }: { plan: PlanSummary; selected: boolean }) {
  const { t } = useI18n();
  const detail = useApi<PlanDetail>(api.plan(plan.id));
  const d = detail.data;
  const none = t('common.none');
  const go = () => navigate({ page: 'overview', plan: plan.id, year: defaultYear(plan) });
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      go();
    }
  };
  return (
    <Card
      hoverable
      className="ecociv-plan-card"
      tabIndex={0}
      role="link"
      aria-label={`${plan.region} ${plan.title}`}
      onClick={go}
      onKeyDown={onKey}
      data-testid={`plan-${plan.id}`}
      style={{ height: '100%', borderColor: selected ? '#237a4b' : undefined, borderWidth: selected ? 2 : 1 }}
      title={
        <span>
          <Tag color="green">{plan.region}</Tag>
          {selected ? <Tag color="blue">{t('plans.selected')}</Tag> : null}
        </span>
      }
      extra={<Typography.Link>{t('plans.open')}</Typography.Link>}
    >
      <Typography.Paragraph strong style={{ fontSize: 16 }}>
        {plan.title}
      </Typography.Paragraph>
      {detail.error ? (
        <ErrorState error={detail.error} onRetry={detail.reload} />
      ) : !d ? (
        <Skeleton active paragraph={{ rows: 6 }} title={false} />
      ) : (
        <Descriptions
          size="small"
          column={1}
          items={[
            { key: 'region', label: t('plans.region'), children: d.region },
            { key: 'issuer', label: t('plans.issuer'), children: d.issuer ?? none },
            ...(d.scope ? [{ key: 'scope', label: t('plans.scope'), children: d.scope }] : []),
            {
              key: 'period',
              label: t('plans.period'),
              children: d.periodStart !== null && d.periodEnd !== null ? t('plans.periodText', { start: d.periodStart, end: d.periodEnd }) : none,
            },
            { key: 'base', label: t('plans.baseYear'), children: d.baseYear ?? none },
            { key: 'targets', label: t('plans.targetYears'), children: d.targetYears.length ? d.targetYears.join(t('list.separator')) : none },
            { key: 'frameworks', label: t('plans.frameworks'), children: (d.frameworkDetails ?? d.frameworks.map((id) => ({ id, name: id, version: '' }))).map((f) => <Tag key={f.id}>{f.name}{f.version ? `（${f.version}）` : ''}</Tag>) },
            {
              key: 'office',
              label: t('plans.office'),
              children: d.office ? (
                <div>
                  <div>{d.office.unit}</div>
                  {d.office.printed ? <Typography.Text type="secondary">{d.office.printed}</Typography.Text> : null}{' '}
                  <SourceText source={d.office.source} />
                </div>
              ) : (
                none
              ),
            },
            {
              key: 'document',
              label: t('plans.document'),
              children: d.document ? t('plans.documentText', { id: d.document.id, title: d.document.title }) : none,
            },
          ]}
        />
      )}
    </Card>
  );
}
