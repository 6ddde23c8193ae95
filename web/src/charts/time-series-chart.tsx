import { BarChart, LineChart } from 'echarts/charts';
import { DataZoomComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { TimeSeries } from './time-series';

echarts.use([LineChart, BarChart, GridComponent, TooltipComponent, LegendComponent, DataZoomComponent, CanvasRenderer]);

interface TimeSeriesChartProps {
  series: TimeSeries;
  kind?: 'line' | 'bar';
  height?: number;
  formatValue?: (value: number) => string;
  /** Whole numbers only on the value axis (counts), no 0.5 ticks. */
  integer?: boolean;
  /** Stack the series (parts of one whole, e.g. per model); off for overlapping figures such as requests and errors. */
  stacked?: boolean;
}

/** Stacked time-series chart (one series per model, provider, key …). */
export function TimeSeriesChart({ series, kind = 'bar', height = 320, formatValue, integer, stacked = true }: TimeSeriesChartProps) {
  const option = {
    animation: false,
    tooltip: {
      trigger: 'axis',
      valueFormatter: formatValue ? (value: unknown) => (typeof value === 'number' ? formatValue(value) : String(value)) : undefined,
    },
    legend: { type: 'scroll', top: 0 },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: series.labels, axisLabel: { hideOverlap: true } },
    yAxis: {
      type: 'value',
      minInterval: integer ? 1 : undefined,
      axisLabel: formatValue ? { formatter: (value: number) => formatValue(value) } : {},
    },
    series: series.series.map((entry) => ({
      name: entry.name,
      type: kind,
      stack: stacked ? 'total' : undefined,
      data: entry.values,
      smooth: kind === 'line',
      areaStyle: kind === 'line' ? { opacity: 0.15 } : undefined,
      emphasis: { focus: 'series' },
      barMaxWidth: 32,
    })),
  };
  return <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height, width: '100%' }} />;
}
