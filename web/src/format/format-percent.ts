/** A ratio (0.0123) as a percentage ("1.23%"). */
export function formatPercent(ratio: number | null | undefined): string {
  if (ratio === null || ratio === undefined || Number.isNaN(ratio)) return '—';
  return `${(ratio * 100).toFixed(ratio === 0 ? 0 : 2)}%`;
}
