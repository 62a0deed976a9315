// 一致性检查: what does not add up across the plan — projects naming indicators it does not have, unmet indicators
// no project serves, stated totals against the rows, lead units, footnotes — each finding with its lines.
import { Button, Flex, Select, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../api/client.ts';
import type { Consistency, FindingKind, PlanSummary } from '../api/types.ts';
import { ConsistencyChecks } from '../components/ConsistencyChecks.tsx';
import { ConsistencyFindings } from '../components/ConsistencyFindings.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { Loading } from '../components/Loading.tsx';
import { useApi } from '../hooks/useApi.ts';
import { useI18n } from '../i18n/index.tsx';
import { csvTable } from '../lib/consistency.ts';
import { downloadCsv } from '../lib/csv.ts';

function Report({ c, plan }: { c: Consistency; plan: PlanSummary }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<FindingKind | undefined>(undefined);
  const findings = kind ? c.findings.filter((f) => f.kind === kind) : c.findings;
  const shown = c.checks.filter((k) => k.count > 0 && (!kind || k.kind === kind));
  const onExport = () => downloadCsv(t('consistency.fileName', { region: plan.region, year: c.year }), csvTable(findings, t));
  return (
    <>
      <Typography.Paragraph style={{ margin: 0, fontSize: 15 }} data-testid="consistency-summary">
        {c.total > 0 ? t('consistency.summary', { year: c.year, checks: c.checks.length, n: c.total }) : t('consistency.summaryNone', { year: c.year, checks: c.checks.length })}
      </Typography.Paragraph>
      <ConsistencyChecks checks={c.checks} selected={kind} onSelect={setKind} />
      <Flex wrap gap={8} align="center">
        <Select<FindingKind>
          allowClear
          aria-label={t('consistency.filterKind')}
          placeholder={t('consistency.allKinds')}
          style={{ width: 320 }}
          value={kind}
          onChange={setKind}
          options={c.checks.filter((k) => k.count > 0).map((k) => ({ value: k.kind, label: t('consistency.kindOption', { kind: k.kindText, n: k.count }) }))}
          data-testid="consistency-filter"
        />
        <Typography.Text type="secondary" aria-live="polite" data-testid="consistency-shown">
          {t('consistency.shown', { shown: findings.length, total: c.total })}
        </Typography.Text>
        <div style={{ flex: 1 }} />
        <Button type="primary" onClick={onExport} disabled={findings.length === 0} data-testid="consistency-export">
          {t('consistency.export')}
        </Button>
      </Flex>
      {shown.length === 0 ? (
        <EmptyState text={t('consistency.empty')} />
      ) : (
        shown.map((check) => (
          <ConsistencyFindings key={check.kind} check={check} findings={findings.filter((f) => f.kind === check.kind)} plan={plan.id} year={c.year} />
        ))
      )}
    </>
  );
}

export default function ConsistencyPage({ plan, year }: { plan: PlanSummary; year: number }) {
  const { t, lang } = useI18n();
  const q = useApi<Consistency>(api.consistency(plan.id, year, lang));
  return (
    <Flex vertical gap={16} data-testid="consistency-page">
      <div>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {t('consistency.heading', { region: plan.region })}
        </Typography.Title>
        <Typography.Text type="secondary">{plan.title}</Typography.Text>
      </div>
      {q.error ? <ErrorState error={q.error} onRetry={q.reload} /> : !q.data ? <Loading height={520} /> : <Report key={`${plan.id}/${year}`} c={q.data} plan={plan} />}
    </Flex>
  );
}
