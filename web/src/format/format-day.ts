/** A day bucket (an instant at local midnight in `timeZone`) as "03-10", in that zone. */
export function formatDay(bucket: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, month: '2-digit', day: '2-digit' }).formatToParts(new Date(bucket));
  const part = (type: string) => parts.find((entry) => entry.type === type)?.value ?? '';
  return `${part('month')}-${part('day')}`;
}

/** An hour bucket as "14:00" in the viewer's own time zone. */
export function formatHour(bucket: string): string {
  const date = new Date(bucket);
  return `${String(date.getHours()).padStart(2, '0')}:00`;
}
