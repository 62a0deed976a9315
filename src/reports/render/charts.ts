// Charts drawn on the server: ECharts in SSR mode gives SVG for the HTML and PDF; render/png.ts turns the
// same SVG into PNG for Word. Fonts are the installed Noto CJK (fonts-noto-cjk).
import * as echarts from 'echarts';
import type { ChartSpec, Tone } from '../model.ts';

export const CHART_FONT = 'Noto Sans CJK SC';

export const TONE_COLOR: Record<Tone, string> = {
  met: '#3f8f3a',
  notMet: '#c8372d',
  indeterminate: '#d9822b',
  noData: '#9a9a9a',
  notApplicable: '#c9c9c9',
};

const PRIMARY = '#237a4b';
const MUTED = '#b9c7be';

/** Pixel size of each kind of chart (the PDF scales it to the column width; Word to 15 cm). */
export function chartSize(spec: ChartSpec): { width: number; height: number } {
  switch (spec.kind) {
    case 'gauge':
      return { width: 520, height: 300 };
    case 'trend':
      return { width: 400, height: 240 };
    case 'statusCounts':
      return { width: 680, height: 120 + 56 * spec.categories.length };
    default:
      return { width: 680, height: 320 };
  }
}

const text = { fontFamily: CHART_FONT, color: '#333' };
const title = (t: string) => ({ text: t, left: 'center', top: 6, textStyle: { fontFamily: CHART_FONT, fontSize: 15, fontWeight: 'bold' as const, color: '#222' } });
const legend = { bottom: 4, textStyle: { ...text, fontSize: 12 }, itemWidth: 14, itemHeight: 10 };
const fmt = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** Counts by status stacked in one bar, coloured by status, each part labelled with its count. */
const stackedCounts = (series: Array<{ name: string; tone: Tone; values: number[] }>, bar: Record<string, number>) =>
  series.map((s) => ({
    type: 'bar',
    name: s.name,
    stack: 'count',
    data: s.values,
    ...bar,
    itemStyle: { color: TONE_COLOR[s.tone] },
    label: { show: true, color: '#fff', fontFamily: CHART_FONT, fontSize: 12, formatter: (p: { value: number }) => (p.value > 0 ? String(p.value) : '') },
  }));

function option(spec: ChartSpec): echarts.EChartsCoreOption {
  switch (spec.kind) {
    case 'statusCounts':
      return {
        title: title(spec.title),
        legend,
        grid: { left: 12, right: 28, top: 40, bottom: 36, containLabel: true },
        xAxis: { type: 'value', minInterval: 1, axisLabel: text },
        yAxis: { type: 'category', data: spec.categories, inverse: true, axisLabel: { ...text, fontSize: 12, width: 250, overflow: 'break' } },
        series: stackedCounts(spec.series, { barWidth: 26 }),
      };
    case 'gauge': {
      const f = spec.max > 0 ? spec.pass / spec.max : 0;
      const passed = spec.score >= spec.pass;
      return {
        title: title(spec.title),
        series: [
          {
            type: 'gauge',
            min: 0,
            max: spec.max,
            startAngle: 200,
            endAngle: -20,
            radius: '82%',
            center: ['50%', '66%'],
            splitNumber: 10,
            axisLine: { lineStyle: { width: 22, color: [[Math.max(f - 0.005, 0), '#f3c4bf'], [Math.min(f + 0.005, 1), '#222'], [1, '#b9dfae']] } },
            axisTick: { show: false },
            splitLine: { show: false },
            axisLabel: { distance: -52, fontFamily: CHART_FONT, fontSize: 13, color: '#555', formatter: (v: number) => (v === 0 || v === spec.max || v === spec.pass ? String(v) : '') },
            pointer: { length: '62%', width: 7, itemStyle: { color: passed ? TONE_COLOR.met : TONE_COLOR.notMet } },
            anchor: { show: true, size: 12, itemStyle: { color: '#555' } },
            title: { show: true, offsetCenter: [0, '32%'], fontFamily: CHART_FONT, fontSize: 13, color: '#555' },
            detail: { offsetCenter: [0, '-28%'], fontFamily: CHART_FONT, fontSize: 30, fontWeight: 'bold', color: passed ? TONE_COLOR.met : TONE_COLOR.notMet, formatter: `{value}${spec.unit}` },
            data: [{ value: spec.score, name: spec.passLabel }],
          },
        ],
      };
    }
    case 'bars':
      return {
        title: title(spec.title),
        legend,
        grid: { left: 12, right: 20, top: 56, bottom: 40, containLabel: true },
        xAxis: { type: 'category', data: spec.categories, axisLabel: { ...text, fontSize: 12, interval: 0, width: 96, overflow: 'break' } },
        yAxis: { type: 'value', name: spec.unit, nameTextStyle: text, axisLabel: { ...text, formatter: fmt } },
        series: spec.series.map((s) => ({
          type: 'bar',
          name: s.name,
          data: s.values,
          itemStyle: { color: s.tone === 'muted' ? MUTED : PRIMARY },
          label: { show: s.tone !== 'muted', position: 'top', fontFamily: CHART_FONT, fontSize: 11, color: '#333', formatter: (p: { value: number | null }) => (p.value === null ? '' : fmt(p.value)) },
        })),
      };
    case 'trend': {
      const lines: Array<Record<string, unknown>> = [];
      if (spec.requirement) lines.push({ yAxis: spec.requirement.value, name: spec.requirement.label, lineStyle: { color: TONE_COLOR.notMet, type: 'dashed' }, label: { formatter: `${spec.requirement.label} ${fmt(spec.requirement.value)}`, position: 'insideStartTop', fontFamily: CHART_FONT, fontSize: 11, color: TONE_COLOR.notMet } });
      const xs = [...spec.years.map(String)];
      if (spec.target && !spec.years.includes(spec.target.year)) xs.push(String(spec.target.year));
      const values: Array<number | null> = xs.map((x) => {
        const i = spec.years.indexOf(Number(x));
        return i >= 0 ? spec.values[i]! : null;
      });
      return {
        title: { ...title(spec.title), textStyle: { ...title(spec.title).textStyle, fontSize: 13 } },
        grid: { left: 10, right: 24, top: 40, bottom: 10, containLabel: true },
        xAxis: { type: 'category', data: xs, axisLabel: text, boundaryGap: true },
        yAxis: { type: 'value', name: spec.unit, scale: true, nameTextStyle: text, axisLabel: { ...text, formatter: fmt } },
        series: [
          {
            type: 'line',
            data: values,
            connectNulls: false,
            symbolSize: 8,
            itemStyle: { color: PRIMARY },
            lineStyle: { width: 2.5 },
            label: { show: true, position: 'top', fontFamily: CHART_FONT, fontSize: 11, formatter: (p: { value: number | null }) => (p.value === null ? '' : fmt(p.value)) },
            markLine: lines.length > 0 ? { symbol: 'none', silent: true, data: lines } : undefined,
          },
          ...(spec.target
            ? [
                {
                  type: 'scatter',
                  data: xs.map((x) => (Number(x) === spec.target!.year ? spec.target!.value : null)),
                  symbol: 'diamond',
                  symbolSize: 12,
                  itemStyle: { color: '#d9822b' },
                  label: { show: true, position: 'bottom', fontFamily: CHART_FONT, fontSize: 11, color: '#a55d12', formatter: spec.target.label },
                },
              ]
            : []),
        ],
      };
    }
    case 'years':
      return {
        title: title(spec.title),
        legend,
        grid: { left: 12, right: 20, top: 44, bottom: 40, containLabel: true },
        xAxis: { type: 'category', data: spec.years.map(String), axisLabel: text },
        yAxis: { type: 'value', minInterval: 1, axisLabel: text },
        series: stackedCounts(spec.series, { barMaxWidth: 48 }),
      };
  }
}

/** The chart as an SVG document string. */
// A report's model is drawn twice (HTML for the PDF, and Word): each chart is drawn once per model.
const drawn = new WeakMap<ChartSpec, string>();

export function chartSvg(spec: ChartSpec): string {
  let svg = drawn.get(spec);
  if (svg === undefined) drawn.set(spec, (svg = drawChart(spec)));
  return svg;
}

function drawChart(spec: ChartSpec): string {
  const { width, height } = chartSize(spec);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT }, ...option(spec) });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
