// Water class by month: one row per section or source, twelve months of classes (Ⅰ…劣Ⅴ), 无数据 where no sample;
// a month worse than the target class is outlined in red and says so to screen readers.
import { Table, Typography } from 'antd';
import type { WaterMonths } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { WaterChip } from './MonitoringChips.tsx';

type Row = WaterMonths['sections'][number];

export function MonitoringWater({ data }: { data: WaterMonths }) {
  const { t } = useI18n();
  if (data.sections.length === 0) return <Typography.Text type="secondary">{t('monitoring.waterNone')}</Typography.Text>;
  return (
    <>
      <Table<Row>
        size="small"
        rowKey={(r) => String(r.station.id)}
        dataSource={data.sections}
        pagination={false}
        scroll={{ x: 'max-content' }}
        data-testid="monitoring-water"
        columns={[
          { key: 'name', title: t('monitoring.col.name'), fixed: 'left', render: (_, r) => r.station.name },
          { key: 'kind', title: t('monitoring.col.kind'), render: (_, r) => t(`monitoring.kind.${r.station.kind}`) },
          { key: 'target', title: t('monitoring.col.target'), render: (_, r) => r.station.targetClass ?? '' },
          ...Array.from({ length: 12 }, (_, i) => ({
            key: `m${i + 1}`,
            title: t('monitoring.month', { month: i + 1 }),
            align: 'center' as const,
            render: (_: unknown, r: Row) => {
              const m = r.months[i]!;
              return (
                <span style={m.meetsTarget === false ? { outline: '2px solid #cf1322', outlineOffset: 1, borderRadius: 4, display: 'inline-block' } : undefined} title={m.meetsTarget === false ? t('monitoring.misses') : undefined}>
                  <WaterChip cls={m.class} />
                </span>
              );
            },
          })),
        ]}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('monitoring.waterHint')}
      </Typography.Text>
    </>
  );
}
