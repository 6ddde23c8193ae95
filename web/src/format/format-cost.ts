/** USD with precision that keeps small costs visible: $12.35, $0.0123, $0.000012. */
export function formatCost(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '—';
  if (value === 0) return '$0.00';
  const magnitude = Math.abs(value);
  const digits = magnitude >= 1 ? 2 : magnitude >= 0.01 ? 4 : 6;
  return `$${value.toFixed(digits)}`;
}
