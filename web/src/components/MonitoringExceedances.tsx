// Exceedances of the year: air days above the GB 3095 limit in force on the day (with the edition and stage),
// water samples worse than their section's target class (with each parameter over and 超标倍数).
import { Table, Tabs, Typography } from 'antd';
import type { Exceedances } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatConcentration } from '../lib/monitoring.ts';
import { WaterChip } from './MonitoringChips.tsx';

type AirRow = Exceedances['air'][number];
type WaterRow = Exceedances['water'][number];

export function MonitoringExceedances({ data }: { data: Exceedances }) {
  const { t } = useI18n();
  const cut = (shown: number, total: number) =>
    total > shown ? (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('monitoring.exceedCut', { total, shown })}
      </Typography.Text>
    ) : null;
  const pagination = (n: number) => (n > 10 ? { pageSize: 10, showSizeChanger: false } : false);
  const air = (
    <>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginBottom: 8 }}>
        {t('monitoring.exceedAirHint')}
      </Typography.Paragraph>
      <Table<AirRow>
        size="small"
        rowKey={(r) => `${r.date}|${r.station.id}|${r.item}`}
        dataSource={data.air}
        pagination={pagination(data.air.length)}
        locale={{ emptyText: t('monitoring.exceedNone') }}
        data-testid="exceedances-air"
        columns={[
          { key: 'date', title: t('monitoring.col.date'), dataIndex: 'date' },
          { key: 'station', title: t('monitoring.col.station'), render: (_, r) => r.station.name },
          { key: 'item', title: t('monitoring.col.item'), render: (_, r) => t(`monitoring.item.${r.item}`) },
          { key: 'value', title: t('monitoring.col.value'), align: 'right', render: (_, r) => formatConcentration(r.item, r.value) },
          { key: 'limit', title: t('monitoring.col.limit'), align: 'right', render: (_, r) => r.limit },
          { key: 'times', title: t('monitoring.col.times'), align: 'right', render: (_, r) => r.times },
          { key: 'standard', title: t('monitoring.col.standard'), render: (_, r) => `${r.edition}${r.stage === 'transition' ? t('monitoring.stage.transition') : ''}` },
        ]}
      />
      {cut(data.air.length, data.total.air)}
    </>
  );
  const water = (
    <>
      <Table<WaterRow>
        size="small"
        rowKey={(r) => `${r.date}|${r.station.id}`}
        dataSource={data.water}
        pagination={pagination(data.water.length)}
        locale={{ emptyText: t('monitoring.exceedNone') }}
        data-testid="exceedances-water"
        columns={[
          { key: 'date', title: t('monitoring.col.date'), dataIndex: 'date' },
          { key: 'station', title: t('monitoring.col.station'), render: (_, r) => r.station.name },
          { key: 'class', title: t('monitoring.col.class'), render: (_, r) => <WaterChip cls={r.class} /> },
          { key: 'target', title: t('monitoring.col.target'), render: (_, r) => r.targetClass },
          {
            key: 'exceeding',
            title: t('monitoring.col.exceeding'),
            render: (_, r) =>
              r.exceeding.map((e) => (e.times === null ? t('monitoring.exceedingNoTimes', { parameter: e.parameter, cls: e.class }) : t('monitoring.exceeding', { parameter: e.parameter, cls: e.class, times: e.times }))).join('；'),
          },
        ]}
      />
      {cut(data.water.length, data.total.water)}
    </>
  );
  return (
    <Tabs
      size="small"
      items={[
        { key: 'air', label: t('monitoring.exceedAir', { n: data.total.air }), children: air },
        { key: 'water', label: t('monitoring.exceedWater', { n: data.total.water }), children: water },
      ]}
    />
  );
}
