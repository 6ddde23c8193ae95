/** Epoch milliseconds (as stored) to ISO 8601, null kept. */
export function toIsoTime(value: number | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const milliseconds = Number(value);
  return Number.isFinite(milliseconds) ? new Date(milliseconds).toISOString() : null;
}
