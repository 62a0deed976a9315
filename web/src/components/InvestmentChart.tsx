// Investment by project group (万元): the sum of the listed projects beside what the plan states.
import { useMemo } from 'react';
import type { ProjectRollup } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { formatNumber, formatWan } from '../lib/format.ts';
import { EChart } from './EChart.tsx';
import type { ChartOption } from './echarts.ts';

export function InvestmentChart({ groups }: { groups: ProjectRollup[] }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(() => {
    const computed = t('projects.seriesComputed');
    const stated = t('projects.seriesStated');
    const money = (v: unknown) => (typeof v === 'number' ? formatWan(v, t) : t('format.noData'));
    const bar = (name: string, color: string, values: (number | null)[]) => ({
      type: 'bar' as const,
      name,
      barMaxWidth: 18,
      itemStyle: { color },
      label: {
        show: true,
        position: 'right' as const,
        fontSize: 11,
        formatter: (p: { value?: unknown }) => (typeof p.value === 'number' ? formatNumber(p.value) : ''),
      },
      data: values.map((v) => v ?? '-'),
    });
    return {
      animation: false,
      legend: { top: 0, left: 0 },
      grid: { left: 168, right: 72, top: 32, bottom: 28 },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: money },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatNumber(v) } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: groups.map((g) => g.name),
        axisLabel: { width: 156, overflow: 'truncate' },
      },
      series: [
        bar(computed, '#237a4b', groups.map((g) => g.investmentWan)),
        bar(stated, '#95c9a8', groups.map((g) => g.statedInvestmentWan)),
      ],
    };
  }, [groups, t]);
  return <EChart option={option} height={300} label={t('projects.chartLabel')} testId="projects-chart" />;
}
