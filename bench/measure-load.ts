import autocannon from 'autocannon';

export interface Measurement {
  rps: number;
  p50: number;
  p99: number;
  /** Mean latency in ms. */
  mean: number;
  errors: number;
  /** Requests answered in the run. */
  total: number;
}

/** POSTs `body` to `url` from `connections` keep-alive connections for `seconds`. */
export async function measureLoad(url: string, headers: Record<string, string>, body: object, connections: number, seconds: number): Promise<Measurement> {
  const result = await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), connections, duration: seconds });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, mean: result.latency.average, errors: result.errors + result.non2xx, total: result.requests.total };
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
