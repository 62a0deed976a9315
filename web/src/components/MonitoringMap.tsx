// Where the stations are: a scatter on longitude and latitude (no tile server, no outline), air stations as
// circles coloured by their latest AQI category, sections and sources as triangles coloured by their latest
// class; grey where there is no data.
import { Typography } from 'antd';
import { useMemo } from 'react';
import type { StationState } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { AQI_COLORS, asLevel, NO_DATA_COLOR, WATER_COLORS } from '../lib/monitoring.ts';
import { MonitoringChart, type MonitoringChartOption } from './MonitoringChart.tsx';

export function MonitoringMap({ stations }: { stations: StationState[] }) {
  const { t } = useI18n();
  const placed = useMemo(() => stations.filter((s) => s.longitude !== null && s.latitude !== null), [stations]);
  const option = useMemo<MonitoringChartOption>(() => {
    const stateOf = (s: StationState): string => {
      if (s.kind === 'air') {
        const l = asLevel(s.latestAir?.level);
        return l && s.latestAir?.aqi !== null && s.latestAir ? `AQI ${s.latestAir.aqi} ${t(`monitoring.category.${l}`)}` : t('monitoring.noData');
      }
      return s.latestWater?.class ? t('monitoring.latestWater', { cls: s.latestWater.class, on: s.latestWater.on }) : t('monitoring.noData');
    };
    const point = (s: StationState) => {
      const l = asLevel(s.latestAir?.level);
      const color = s.kind === 'air' ? (l ? AQI_COLORS[l] : NO_DATA_COLOR) : s.latestWater?.class ? WATER_COLORS[s.latestWater.class] : NO_DATA_COLOR;
      return { name: s.name, value: [s.longitude!, s.latitude!], state: stateOf(s), itemStyle: { color, borderColor: '#595959', borderWidth: 1 } };
    };
    const series = (kind: 'air' | 'water', symbol: string) => ({
      type: 'scatter' as const,
      name: kind === 'air' ? t('monitoring.kind.air') : t('monitoring.kind.water'),
      symbol,
      symbolSize: 16,
      data: placed.filter((s) => (kind === 'air' ? s.kind === 'air' : s.kind !== 'air')).map(point),
      label: { show: true, position: 'right' as const, formatter: '{b}', fontSize: 11, color: '#262626' },
    });
    return {
      grid: { left: 56, right: 90, top: 16, bottom: 40 },
      tooltip: { formatter: (p: unknown) => { const d = (p as { data: { name: string; state: string; value: number[] } }).data; return `${d.name}<br/>${d.state}<br/>${d.value[0]}, ${d.value[1]}`; } },
      xAxis: { type: 'value', scale: true, splitNumber: 4, name: t('monitoring.longitude'), nameLocation: 'middle', nameGap: 26, axisLabel: { fontSize: 10, formatter: (v: number) => v.toFixed(2) } },
      yAxis: { type: 'value', scale: true, splitNumber: 4, name: t('monitoring.latitude'), nameLocation: 'middle', nameGap: 42, axisLabel: { fontSize: 10, formatter: (v: number) => v.toFixed(2) } },
      series: [series('air', 'circle'), series('water', 'triangle')],
    } as MonitoringChartOption;
  }, [placed, t]);
  if (placed.length === 0) return <Typography.Text type="secondary">{t('monitoring.mapNone')}</Typography.Text>;
  return (
    <>
      <MonitoringChart option={option} height={300} label={t('monitoring.mapLabel')} testId="monitoring-map" />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('monitoring.mapHint')}
      </Typography.Text>
    </>
  );
}
