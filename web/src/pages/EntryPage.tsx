// 数据填报: a reporting unit fills in this year's values of the indicators it leads (unit from the address,
// else the one last chosen for the plan; year from the header).
import { Alert, Flex, Typography } from 'antd';
import { useEffect } from 'react';
import { api } from '../api/client.ts';
import type { EntrySheet, PlanSummary, ReportingUnit } from '../api/types.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { EntryForm } from '../components/EntryForm.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { Loading } from '../components/Loading.tsx';
import { UnitSelect } from '../components/UnitSelect.tsx';
import { useApi } from '../hooks/useApi.ts';
import { useI18n } from '../i18n/index.tsx';
import { navigate } from '../lib/route.ts';
import { readStored, unitStorageKey, writeStored } from '../lib/storage.ts';

interface Props {
  plan: PlanSummary;
  year: number;
  unit: string | undefined;
}

export default function EntryPage({ plan, year, unit }: Props) {
  const { t } = useI18n();
  const units = useApi<ReportingUnit[]>(api.units(plan.id));
  const known = unit !== undefined && units.data?.some((u) => u.name === unit) === true;
  const sheetUrl = known && unit ? api.entry(plan.id, unit, year) : null;
  const sheet = useApi<EntrySheet>(sheetUrl);

  // no unit in the address: take the one last chosen for this plan, if it still leads something
  const remembered = readStored(unitStorageKey(plan.id));
  const fill = unit === undefined && remembered !== null && units.data?.some((u) => u.name === remembered) === true;
  useEffect(() => {
    if (fill && remembered) navigate({ page: 'entry', plan: plan.id, year, unit: remembered }, { replace: true });
  }, [fill, remembered, plan.id, year]);
  useEffect(() => {
    if (known && unit) writeStored(unitStorageKey(plan.id), unit);
  }, [known, unit, plan.id]);

  const onUnit = (u: string) => navigate({ page: 'entry', plan: plan.id, year, unit: u });

  const body = () => {
    if (units.error) return <ErrorState error={units.error} onRetry={units.reload} />;
    if (!units.data) return <Loading />;
    if (units.data.length === 0) return <EmptyState text={t('entry.noUnits')} />;
    if (unit === undefined) return fill ? <Loading /> : <EmptyState text={t('entry.noUnit')} />;
    if (!known) return <Alert type="warning" showIcon title={t('entry.unknownUnit', { unit })} />;
    if (sheet.error) return <ErrorState error={sheet.error} onRetry={sheet.reload} />;
    if (!sheet.data) return <Loading height={420} />;
    if (sheet.data.rows.length === 0) return <EmptyState text={t('entry.nothingLed', { unit })} />;
    return <EntryForm key={sheetUrl} sheet={sheet.data} onReload={sheet.reload} />;
  };

  return (
    <Flex vertical gap={12} data-testid="entry-page">
      <div>
        <Typography.Title level={2} style={{ margin: 0, fontSize: 22 }}>
          {t('entry.heading', { region: plan.region, year })}
        </Typography.Title>
        <Typography.Text type="secondary">{plan.title}</Typography.Text>
      </div>
      <Flex wrap gap={12} align="center">
        <Typography.Text>{t('entry.unit')}</Typography.Text>
        <UnitSelect units={units.data} loading={units.loading} value={unit} onChange={onUnit} />
        {sheet.data && sheet.data.rows.length > 0 && unit ? (
          <Typography.Text type="secondary">{t('entry.intro', { unit, n: sheet.data.rows.length, year })}</Typography.Text>
        ) : null}
      </Flex>
      {body()}
    </Flex>
  );
}
