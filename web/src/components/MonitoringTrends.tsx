// Pollutant trends: the monthly means of the daily values (of the region, or of the station shown), µg/m³ on the
// left axis and CO (mg/m³) on the right; a month without data is a gap in the line, never a zero.
import { Typography } from 'antd';
import { useMemo } from 'react';
import type { Trends } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { TREND_ITEMS } from '../lib/monitoring.ts';
import { MonitoringChart, type MonitoringChartOption } from './MonitoringChart.tsx';

const COLORS = ['#d4380d', '#ad8b00', '#1d39c4', '#531dab', '#08979c', '#595959'];

export function MonitoringTrends({ data }: { data: Trends }) {
  const { t } = useI18n();
  const empty = data.months.every((m) => TREND_ITEMS.every((k) => m.values[k] === null));
  const option = useMemo<MonitoringChartOption>(
    () => ({
      color: COLORS,
      grid: { left: 48, right: 48, top: 36, bottom: 28 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, textStyle: { fontSize: 11 } },
      xAxis: { type: 'category', data: data.months.map((m) => t('monitoring.month', { month: m.month })) },
      yAxis: [
        { type: 'value', name: 'µg/m³', nameTextStyle: { fontSize: 10 } },
        { type: 'value', name: 'mg/m³', nameTextStyle: { fontSize: 10 }, splitLine: { show: false } },
      ],
      series: TREND_ITEMS.map((k) => ({
        type: 'line' as const,
        name: t(`monitoring.item.${k}`),
        yAxisIndex: k === 'CO_24h' ? 1 : 0,
        connectNulls: false,
        symbolSize: 6,
        data: data.months.map((m) => m.values[k]),
      })),
    }),
    [data, t],
  );
  if (empty) return <Typography.Text type="secondary">{t('monitoring.trendsNone')}</Typography.Text>;
  return <MonitoringChart option={option} height={280} label={t('monitoring.trendsLabel')} testId="monitoring-trends" />;
}
