// A tiny ECharts wrapper: fixed height (no layout shift), resized with its box, disposed on unmount.
import { useEffect, useRef } from 'react';
import { echarts, type ChartOption } from './echarts.ts';
import type { LineChartOption } from './echartsLine.ts';

interface Props {
  /** an option of the charts registered by ./echarts.ts, ./echartsLine.ts or a page's own (MonitoringChart) */
  option: ChartOption | LineChartOption | echarts.EChartsCoreOption;
  height: number;
  /** what the chart shows, for screen readers */
  label: string;
  testId?: string;
}

export function EChart({ option, height, label, testId }: Props) {
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
