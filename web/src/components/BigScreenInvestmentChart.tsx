// Investment by project group (万元) as horizontal bars in the big screen's dark palette.
import { useMemo } from 'react';
import type { ProjectRollup } from '../api/types.ts';
import { useI18n } from '../i18n/index.tsx';
import { BIG } from '../lib/bigscreen.ts';
import { formatNumber } from '../lib/format.ts';
import { EChart } from './EChart.tsx';
import type { ChartOption } from './echarts.ts';

export function BigScreenInvestmentChart({ groups }: { groups: ProjectRollup[] }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(
    () => ({
      animation: false,
      backgroundColor: 'transparent',
      grid: { left: 200, right: 96, top: 8, bottom: 8 },
      xAxis: { type: 'value', show: false },
      yAxis: {
        type: 'category',
        inverse: true,
        data: groups.map((g) => g.name),
        axisLine: { show: false },
        axisTick: { show: false },
        axisLabel: { color: BIG.text, fontSize: 17, width: 190, overflow: 'truncate' },
      },
      series: [
        {
          type: 'bar',
          name: t('projects.seriesComputed'),
          barMaxWidth: 28,
          itemStyle: { color: BIG.accent, borderRadius: [0, 4, 4, 0] },
          showBackground: true,
          backgroundStyle: { color: 'rgba(255,255,255,0.05)' },
          label: {
            show: true,
            position: 'right',
            color: BIG.text,
            fontSize: 17,
            formatter: (p: { value?: unknown }) => (typeof p.value === 'number' ? formatNumber(p.value) : ''),
          },
          data: groups.map((g) => g.investmentWan ?? '-'),
        },
      ],
    }),
    [groups, t],
  );
  // 440 px: what the projects panel leaves below its figures, under the live monitoring figures (BigScreenPage)
  return <EChart option={option} height={440} label={t('bigscreen.chartLabel')} testId="bigscreen-investment-chart" />;
}
