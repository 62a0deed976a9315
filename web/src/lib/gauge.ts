// A scored framework's gauge (ECharts option) and score text, in a light or a dark palette: the ring is
// red below the pass line, green above, and the pass line itself is a mark.
import type { FrameworkAssessment } from '../api/types.ts';
import type { ChartOption } from '../components/echarts.ts';
import type { Translate } from '../i18n/index.tsx';
import { formatNumber } from './format.ts';

export interface GaugePalette {
  below: string;
  mark: string;
  above: string;
  none: string;
  label: string;
  anchor: string;
  passed: string;
  failed: string;
  ringWidth: number;
  labelSize: number;
}

export const GAUGE_LIGHT: GaugePalette = {
  below: '#ffccc7',
  mark: '#262626',
  above: '#b7eb8f',
  none: '#d9d9d9',
  label: '#595959',
  anchor: '#595959',
  passed: '#389e0d',
  failed: '#cf1322',
  ringWidth: 18,
  labelSize: 12,
};

export const GAUGE_DARK: GaugePalette = {
  below: '#5c1f24',
  mark: '#f0f0f0',
  above: '#2f6b2a',
  none: '#2a3f4d',
  label: '#a6b4bf',
  anchor: '#d9d9d9',
  passed: '#73d13d',
  failed: '#ff4d4f',
  ringWidth: 20,
  labelSize: 15,
};

export function scoreText(fw: FrameworkAssessment, t: Translate): string {
  const max = fw.maxScore ?? 0;
  const range = fw.scoreRange;
  return fw.score !== null
    ? t('overview.scoreText', { score: formatNumber(fw.score), max: formatNumber(max) })
    : range && range[0] !== null && range[1] !== null
      ? t('overview.scoreRangeText', { min: formatNumber(range[0]), max: formatNumber(range[1]), maxScore: formatNumber(max) })
      : t('overview.scoreUnknown');
}

export function gaugeOption(fw: FrameworkAssessment, p: GaugePalette): ChartOption {
  const max = fw.maxScore ?? 0;
  const pass = fw.passScore;
  const f = pass !== null && max > 0 ? Math.min(Math.max(pass / max, 0), 1) : null;
  const mark = 0.006;
  const ring: [number, string][] =
    f === null
      ? [[1, p.none]]
      : [
          [Math.max(f - mark, 0), p.below],
          [Math.min(f + mark, 1), p.mark],
          [1, p.above],
        ];
  const integral = Number.isInteger(max) && max > 0 && max <= 200;
  const near = (a: number, b: number) => Math.abs(a - b) < 1e-9;
  return {
    animation: false,
    backgroundColor: 'transparent',
    series: [
      {
        type: 'gauge',
        min: 0,
        max,
        startAngle: 210,
        endAngle: -30,
        radius: '92%',
        center: ['50%', '58%'],
        splitNumber: integral ? max : 10,
        axisLine: { lineStyle: { width: p.ringWidth, color: ring } },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: {
          distance: -(p.ringWidth + p.labelSize * 2.2),
          fontSize: p.labelSize,
          color: p.label,
          formatter: (v: number) => (near(v, 0) || near(v, max) || (pass !== null && near(v, pass)) ? formatNumber(v) : ''),
        },
        pointer: { show: fw.score !== null, length: '64%', width: 8, itemStyle: { color: fw.passed ? p.passed : p.failed } },
        anchor: { show: fw.score !== null, size: 12, itemStyle: { color: p.anchor } },
        title: { show: false },
        detail: { show: false },
        data: fw.score !== null ? [{ value: fw.score }] : [],
      },
    ],
  };
}
