// The planned-versus-completed curve (cumulative, by reporting period) and investment by year (planned as
// issued, planned as adjusted, completed within the year), in 万元.
import { useMemo } from 'react';
import type { CurvePoint, ProgressYear } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatNumber, formatWan } from '../lib/format.ts';
import { EChart } from './EChart.tsx';
import type { ChartOption } from './echarts.ts';
import './echartsLine.ts';
import type { LineChartOption } from './echartsLine.ts';

const PLANNED = '#8c8c8c';
const ADJUSTED = '#1677ff';
const COMPLETED = '#237a4b';

/** What both charts share: money on the y axis and in the tooltip, the legend on top. */
function useMoneyAxis() {
  const { t } = useI18n();
  return useMemo(
    () => ({
      tooltip: { trigger: 'axis' as const, valueFormatter: (v: unknown) => (typeof v === 'number' ? formatWan(v, t) : t('format.noData')) },
      yAxis: { type: 'value' as const, axisLabel: { formatter: (v: number) => formatNumber(v) } },
      legend: { top: 0, left: 0 },
      grid: { left: 80, right: 16, top: 36, bottom: 28 },
    }),
    [t],
  );
}

export function ProgressCurveChart({ curve }: { curve: CurvePoint[] }) {
  const { t } = useI18n();
  const axis = useMoneyAxis();
  const option = useMemo<LineChartOption>(
    () => ({
      animation: false,
      ...axis,
      xAxis: { type: 'category', boundaryGap: false, data: curve.map((c) => c.period) },
      series: [
        { type: 'line', name: t('progress.seriesPlanned'), symbolSize: 5, lineStyle: { type: 'dashed', color: ADJUSTED }, itemStyle: { color: ADJUSTED }, data: curve.map((c) => c.plannedWan) },
        { type: 'line', name: t('progress.seriesCompleted'), symbolSize: 6, lineStyle: { width: 3, color: COMPLETED }, itemStyle: { color: COMPLETED }, areaStyle: { color: 'rgba(35,122,75,0.12)' }, data: curve.map((c) => c.completedWan) },
      ],
    }),
    [curve, axis, t],
  );
  return <EChart option={option} height={300} label={t('progress.curveLabel')} testId="progress-curve" />;
}

export function ProgressYearChart({ years }: { years: ProgressYear[] }) {
  const { t } = useI18n();
  const axis = useMoneyAxis();
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      ...axis,
      tooltip: { ...axis.tooltip, axisPointer: { type: 'shadow' } },
      xAxis: { type: 'category', data: years.map((y) => t('common.yearValue', { year: y.year })) },
      series: [
        { type: 'bar', name: t('progress.seriesOriginal'), barMaxWidth: 18, itemStyle: { color: PLANNED }, data: years.map((y) => y.originalPlannedWan) },
        { type: 'bar', name: t('progress.seriesPlanned'), barMaxWidth: 18, itemStyle: { color: ADJUSTED }, data: years.map((y) => y.plannedWan) },
        { type: 'bar', name: t('progress.seriesCompleted'), barMaxWidth: 18, itemStyle: { color: COMPLETED }, data: years.map((y) => y.completedWan) },
      ],
    }),
    [years, axis, t],
  );
  return <EChart option={option} height={300} label={t('progress.yearsLabel')} testId="progress-years" />;
}
