// The region's stations, sections and sources: name and code, kind and level, waterbody and target, the latest
// state (AQI of the latest hour, class of the latest sample; 无数据 where none); the coordinates are on the map. Each air station's
// calendar is opened by its button (reachable by Tab, pressed with Enter); the plan office edits a row.
import { Button, Flex, Table, Typography } from 'antd';
import type { StationState } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { AqiChip, NoDataChip, WaterChip } from './MonitoringChips.tsx';

interface Props {
  stations: StationState[];
  selected: number | null;
  onSelect: (id: number | null) => void;
  /** set for the plan office: edit a station */
  onEdit?: (s: StationState) => void;
}

export function MonitoringStations({ stations, selected, onSelect, onEdit }: Props) {
  const { t } = useI18n();
  return (
    <Table<StationState>
      size="small"
      rowKey="id"
      dataSource={stations}
      pagination={stations.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      rowClassName={(s) => (s.id === selected ? 'ant-table-row-selected' : '')}
      data-testid="monitoring-stations"
      scroll={{ x: 'max-content' }}
      columns={[
        {
          key: 'name',
          title: t('monitoring.col.name'),
          render: (_, s) => (
            <Flex vertical>
              <span data-testid={`station-${s.code}`}>{s.name}</span>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {s.code}
              </Typography.Text>
            </Flex>
          ),
        },
        { key: 'kind', title: t('monitoring.col.kind'), render: (_, s) => [t(`monitoring.kind.${s.kind}`), s.level ? t(`monitoring.level.${s.level}`) : null].filter(Boolean).join(' · ') },
        {
          key: 'water',
          title: t('monitoring.col.water'),
          render: (_, s) =>
            s.kind === 'air' ? '' : [s.waterName, s.waterbody ? t(`monitoring.waterbody.${s.waterbody}`) : null, s.targetClass ? t('monitoring.target', { cls: s.targetClass }) : null].filter(Boolean).join(' · '),
        },
        {
          key: 'latest',
          title: t('monitoring.col.latest'),
          render: (_, s) => {
            if (s.kind === 'air')
              return s.latestAir ? (
                <Flex gap={6} align="center">
                  <AqiChip aqi={s.latestAir.aqi} level={s.latestAir.level} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {s.latestAir.at.replace('T', ' ')}
                  </Typography.Text>
                </Flex>
              ) : (
                <NoDataChip />
              );
            return s.latestWater ? (
              <Flex gap={6} align="center">
                <WaterChip cls={s.latestWater.class} />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {s.latestWater.on}
                  {s.latestWater.meetsTarget === null ? '' : ` · ${t(s.latestWater.meetsTarget ? 'monitoring.meets' : 'monitoring.misses')}`}
                </Typography.Text>
              </Flex>
            ) : (
              <NoDataChip />
            );
          },
        },
        {
          key: 'actions',
          title: t('monitoring.col.actions'),
          render: (_, s) => (
            <Flex gap={4}>
              {s.kind === 'air' ? (
                <Button size="small" type={s.id === selected ? 'primary' : 'default'} aria-pressed={s.id === selected} onClick={() => onSelect(s.id === selected ? null : s.id)} data-testid={`station-view-${s.code}`}>
                  {s.id === selected ? t('monitoring.viewing') : t('monitoring.view')}
                </Button>
              ) : null}
              {onEdit ? (
                <Button size="small" onClick={() => onEdit(s)} data-testid={`station-edit-${s.code}`}>
                  {t('monitoring.edit')}
                </Button>
              ) : null}
            </Flex>
          ),
        },
      ]}
    />
  );
}
