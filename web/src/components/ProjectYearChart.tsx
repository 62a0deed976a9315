// Investment by year (万元), each project's investment spread evenly over its years.
import { useMemo } from 'react';
import type { ProjectYear } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatNumber, formatWan } from '../lib/format.ts';
import { EChart } from './EChart.tsx';
import type { ChartOption } from './echarts.ts';

export function ProjectYearChart({ years }: { years: ProjectYear[] }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      grid: { left: 72, right: 16, top: 24, bottom: 28 },
      tooltip: {
        trigger: 'axis',
        axisPointer: { type: 'shadow' },
        valueFormatter: (v: unknown) => (typeof v === 'number' ? formatWan(v, t) : t('format.noData')),
      },
      xAxis: { type: 'category', data: years.map((y) => t('projectsPage.yearAxis', { year: y.year })) },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v) } },
      series: [
        {
          type: 'bar',
          name: t('projects.investment'),
          barMaxWidth: 36,
          itemStyle: { color: '#237a4b' },
          label: { show: true, position: 'top', fontSize: 11, formatter: (p: { value?: unknown }) => (typeof p.value === 'number' ? formatNumber(Math.round(p.value)) : '') },
          data: years.map((y) => y.investmentWan),
        },
      ],
    }),
    [years, t],
  );
  return <EChart option={option} height={264} label={t('projectsPage.yearChartLabel')} testId="projects-year-chart" />;
}
