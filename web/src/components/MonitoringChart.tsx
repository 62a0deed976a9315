// An ECharts box for the 监测数据 page (scatter map, calendar heatmap, monthly lines), registered only here so the
// other pages' bundles do not carry them: fixed height, resized with its box, disposed on unmount.
import { HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import type { HeatmapSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import { CalendarComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapPiecewiseComponent } from 'echarts/components';
import type { CalendarComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([ScatterChart, HeatmapChart, LineChart, CalendarComponent, VisualMapPiecewiseComponent, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export type MonitoringChartOption = ComposeOption<
  ScatterSeriesOption | HeatmapSeriesOption | LineSeriesOption | CalendarComponentOption | VisualMapComponentOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

interface Props {
  option: MonitoringChartOption;
  height: number;
  /** what the chart shows, for screen readers */
  label: string;
  testId?: string;
}

export function MonitoringChart({ option, height, label, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const c = echarts.init(el, undefined, { renderer: 'canvas' });
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);
  return <div ref={box} role="img" aria-label={label} data-testid={testId} style={{ width: '100%', height }} />;
}
