import { sql } from 'kysely';
import { z } from 'zod';

const figure = z.preprocess((value) => value ?? 0, z.coerce.number());

/** Summed roll-up columns as PostgreSQL or SQLite return them (numeric strings or numbers). */
export const summedFiguresSchema = z.object({
  requests: figure,
  successes: figure,
  errors: figure,
  input_tokens: figure,
  output_tokens: figure,
  cache_read_tokens: figure,
  cache_write_tokens: figure,
  cost: figure,
  credits: figure,
  latency_sum: figure,
  latency_max: figure,
});

export type SummedFigures = z.infer<typeof summedFiguresSchema>;

const summedColumns = ['requests', 'successes', 'errors', 'input_tokens', 'output_tokens', 'cache_read_tokens', 'cache_write_tokens', 'cost', 'credits', 'latency_sum'];

/** The select list that sums every roll-up counter (column names are constants, never input). */
export const summedFiguresSql = sql.raw(
  [...summedColumns.map((column) => `sum(usage_rollups.${column}) as ${column}`), 'max(usage_rollups.latency_max) as latency_max'].join(', '),
);

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The JSON shape shared by every stats endpoint. */
export function renderFigures(figures: SummedFigures) {
  return {
    requests: figures.requests,
    successes: figures.successes,
    errors: figures.errors,
    input_tokens: figures.input_tokens,
    output_tokens: figures.output_tokens,
    cache_read_tokens: figures.cache_read_tokens,
    cache_write_tokens: figures.cache_write_tokens,
    cost: round(figures.cost, 9),
    credits: round(figures.credits, 6),
  };
}

export const averageLatency = (figures: SummedFigures): number => (figures.requests > 0 ? Math.round(figures.latency_sum / figures.requests) : 0);
