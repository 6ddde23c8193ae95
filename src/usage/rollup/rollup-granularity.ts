/** In the order roll-ups are computed: days are summed from their hours. */
export const rollupGranularities = ['hour', 'day'] as const;
export type RollupGranularity = (typeof rollupGranularities)[number];

const bucketSizes: Record<RollupGranularity, number> = { hour: 3_600_000, day: 86_400_000 };

export const bucketSizeMs = (granularity: RollupGranularity): number => bucketSizes[granularity];

/** Start of the UTC hour or day holding `time` (epoch ms). */
export const bucketStartOf = (time: number, granularity: RollupGranularity): number =>
  time - (((time % bucketSizes[granularity]) + bucketSizes[granularity]) % bucketSizes[granularity]);
