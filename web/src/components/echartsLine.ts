// ECharts line charts with mark lines, registered only where they are used (the indicator detail), so the
// overview's bundle does not carry them.
import { LineChart } from 'echarts/charts';
import type { LineSeriesOption } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import type { GridComponentOption, LegendComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import * as echarts from 'echarts/core';
import type { ComposeOption } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([LineChart, MarkLineComponent, GridComponent, TooltipComponent, LegendComponent, CanvasRenderer]);

export type LineChartOption = ComposeOption<
  LineSeriesOption | MarkLineComponentOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;
