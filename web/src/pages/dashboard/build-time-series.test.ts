import { describe, expect, it } from 'vitest';
import { bucketStarts, buildTimeSeries } from './build-time-series';

describe('buildTimeSeries', () => {
  const buckets = ['2026-01-01T00:00:00.000Z', '2026-01-01T01:00:00.000Z', '2026-01-01T02:00:00.000Z'];
  const points = [
    { bucket: '2026-01-01T00:00:00.000Z', group: 'a', requests: 2, input_tokens: 10, output_tokens: 5, cost: 0.5 },
    { bucket: '2026-01-01T02:00:00.000Z', group: 'a', requests: 1, input_tokens: 1, output_tokens: 1, cache_read_tokens: 3, cost: 0.1 },
    { bucket: '2026-01-01T01:00:00.000Z', group: 'b', requests: 7 },
    { bucket: '2026-01-01T01:00:00.000Z', group: 'c', requests: 1 },
  ];

  it('fills every bucket and orders series by total', () => {
    expect(buildTimeSeries(points, 'requests', buckets, (bucket) => bucket.slice(11, 13))).toEqual({
      labels: ['00', '01', '02'],
      series: [
        { name: 'b', values: [0, 7, 0] },
        { name: 'a', values: [2, 0, 1] },
        { name: 'c', values: [0, 1, 0] },
      ],
    });
  });

  it('sums every kind of token and folds small series into other', () => {
    const series = buildTimeSeries(points, 'tokens', buckets, (bucket) => bucket, 1);
    expect(series.series).toEqual([
      { name: 'a', values: [15, 0, 5] },
      { name: 'other', values: [0, 0, 0] },
    ]);
  });

  it('labels an ungrouped timeline "all"', () => {
    expect(buildTimeSeries([{ bucket: buckets[0]!, group: null, cost: 1.5 }], 'cost', buckets, (bucket) => bucket).series).toEqual([{ name: 'all', values: [1.5, 0, 0] }]);
  });
});

describe('bucketStarts', () => {
  it('aligns to the hour', () => {
    expect(bucketStarts('hour', new Date('2026-01-01T00:30:00Z'), new Date('2026-01-01T02:10:00Z'))).toEqual(['2026-01-01T00:00:00.000Z', '2026-01-01T01:00:00.000Z', '2026-01-01T02:00:00.000Z']);
  });
});

describe('day buckets in the server time zone', () => {
  it('start at local midnight in Asia/Shanghai (16:00 UTC)', () => {
    expect(bucketStarts('day', new Date('2026-03-10T03:00:00Z'), new Date('2026-03-11T20:00:00Z'), 'Asia/Shanghai')).toEqual([
      '2026-03-09T16:00:00.000Z',
      '2026-03-10T16:00:00.000Z',
      '2026-03-11T16:00:00.000Z',
    ]);
  });

  it('are UTC days by default', () => {
    expect(bucketStarts('day', new Date('2026-03-10T03:00:00Z'), new Date('2026-03-11T20:00:00Z'))).toEqual(['2026-03-10T00:00:00.000Z', '2026-03-11T00:00:00.000Z']);
  });
});
