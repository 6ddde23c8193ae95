/** Chart-ready data: one label per bucket, one value per bucket in each series. */
export interface TimeSeries {
  labels: string[];
  series: { name: string; values: number[] }[];
}
