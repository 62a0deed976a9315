// An indicator's values by year (only those printed as plain numbers), with horizontal lines for the
// requirement and the targets that are plain thresholds, each labelled with its printed text.
import { useMemo } from 'react';
import { useI18n } from '../i18n/index.tsx';
import { formatNumber } from '../lib/format.ts';
import type { MarkLine, TrendSeries } from '../lib/indicator.ts';
import { EChart } from './EChart.tsx';
import './echartsLine.ts';
import type { LineChartOption } from './echartsLine.ts';

const COLORS = ['#237a4b', '#1677ff', '#d46b08', '#722ed1', '#08979c'];

interface Props {
  name: string;
  years: number[];
  series: TrendSeries[];
  lines: MarkLine[];
}

function axisRange(values: number[]): { min: number; max: number } {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = hi === lo ? Math.max(Math.abs(hi) * 0.1, 1) : (hi - lo) * 0.15;
  const step = (v: number) => Math.pow(10, Math.floor(Math.log10(Math.max(Math.abs(v), 1e-9))));
  const unit = step(pad);
  return { min: Math.floor((lo - pad) / unit) * unit, max: Math.ceil((hi + pad) / unit) * unit };
}

export function IndicatorTrendChart({ name, years, series, lines }: Props) {
  const { t } = useI18n();
  const option = useMemo<LineChartOption>(() => {
    const all = [...series.flatMap((s) => s.values.filter((v): v is number => v !== null)), ...lines.map((l) => l.value)];
    const range = axisRange(all.length ? all : [0]);
    const markData = lines.map((l) => ({
      yAxis: l.value,
      name: l.kind === 'requirement' ? t('indicator.requirementLine', { v: l.printed }) : t('indicator.targetLine', { year: l.year ?? '', v: l.printed }),
      lineStyle: { color: l.kind === 'requirement' ? '#cf1322' : '#d48806', type: l.kind === 'requirement' ? ('dashed' as const) : ('dotted' as const), width: 1.5 },
      label: {
        formatter: '{b}',
        position: l.kind === 'requirement' ? ('insideEndTop' as const) : ('insideStartTop' as const),
        color: l.kind === 'requirement' ? '#cf1322' : '#ad6800',
        fontSize: 12,
      },
    }));
    return {
      animation: false,
      color: COLORS,
      legend: series.length > 1 ? { top: 0, left: 0 } : undefined,
      grid: { left: 56, right: 24, top: series.length > 1 ? 40 : 24, bottom: 28 },
      tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? formatNumber(v) : t('format.noData')) },
      xAxis: { type: 'category', boundaryGap: false, data: years.map((y) => t('common.yearValue', { year: y })) },
      yAxis: { type: 'value', min: range.min, max: range.max, axisLabel: { formatter: (v: number) => formatNumber(v) } },
      series: series.map((s, i) => ({
        type: 'line' as const,
        name: s.part ?? t('indicator.series'),
        connectNulls: true,
        symbolSize: 8,
        label: { show: true, position: 'top' as const, formatter: (p: { value?: unknown }) => (typeof p.value === 'number' ? formatNumber(p.value) : '') },
        data: s.values.map((v) => v ?? '-'),
        ...(i === 0 && markData.length ? { markLine: { silent: true, symbol: 'none', data: markData } } : {}),
      })),
    };
  }, [series, lines, years, t]);
  return <EChart option={option} height={300} label={t('indicator.chartLabel', { name })} testId="indicator-chart" />;
}
