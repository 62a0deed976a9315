// An ECharts box for the 监测数据 page (scatter map, calendar heatmap, monthly lines), registered only here so the
// other pages' bundles do not carry them: fixed height, resized with its box, disposed on unmount.
import { HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import type { HeatmapSeriesOption, LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import { CalendarComponent, GridComponent, LegendComponent, TooltipComponent, VisualMapPiecewiseComponent } from 'echarts/components';
import type { CalendarComponentOption, GridComponentOption, LegendComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { EChart } from './EChart.tsx';

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

export function MonitoringChart(props: Props) {
  return <EChart {...props} />;
}
