/**
 * Calendar boundaries in an IANA time zone (`Asia/Shanghai`, `UTC`): where "today" and "this month"
 * begin and end for day-based limits, budgets and statistics. Daylight-saving days are 23 or 25 hours
 * long; the offsets come from the platform's time-zone database (Intl), so they follow it exactly.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** True when the platform knows the zone name. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function localParts(timeZone: string, time: number): LocalParts {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(time))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** The zone's offset from UTC at `time`, in ms (Shanghai: +8 h). */
export function timeZoneOffsetMs(timeZone: string, time: number): number {
  const parts = localParts(timeZone, time);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return asUtc - (time - (((time % 1000) + 1000) % 1000));
}

/** The instant a local wall-clock date and time happens in the zone (the earlier one on a repeated hour). */
function instantOf(timeZone: string, year: number, month: number, day: number): number {
  const wall = Date.UTC(year, month - 1, day);
  // Two passes settle the offset even when midnight falls near a daylight-saving change.
  let guess = wall - timeZoneOffsetMs(timeZone, wall);
  guess = wall - timeZoneOffsetMs(timeZone, guess);
  return guess;
}

interface Span {
  start: number;
  end: number;
}

/**
 * The last day and month found per zone: a request asks for "today" many times a second, and the
 * answer changes once a day. A time outside the remembered span is worked out afresh.
 */
const lastDay = new Map<string, Span>();
const lastMonth = new Map<string, Span>();

function daySpan(timeZone: string, time: number): Span {
  const known = lastDay.get(timeZone);
  if (known && time >= known.start && time < known.end) return known;
  const parts = localParts(timeZone, time);
  const span = { start: instantOf(timeZone, parts.year, parts.month, parts.day), end: instantOf(timeZone, parts.year, parts.month, parts.day + 1) };
  lastDay.set(timeZone, span);
  return span;
}

function monthSpan(timeZone: string, time: number): Span {
  const known = lastMonth.get(timeZone);
  if (known && time >= known.start && time < known.end) return known;
  const parts = localParts(timeZone, time);
  const span = { start: instantOf(timeZone, parts.year, parts.month, 1), end: instantOf(timeZone, parts.year, parts.month + 1, 1) };
  lastMonth.set(timeZone, span);
  return span;
}

/** Start of the local day holding `time`. */
export const dayStartIn = (timeZone: string, time: number): number => daySpan(timeZone, time).start;

/** Start of the local day after the one holding `time`. */
export const nextDayStartIn = (timeZone: string, time: number): number => daySpan(timeZone, time).end;

/** Start of the local month holding `time`. */
export const monthStartIn = (timeZone: string, time: number): number => monthSpan(timeZone, time).start;

/** Start of the local month after the one holding `time`. */
export const nextMonthStartIn = (timeZone: string, time: number): number => monthSpan(timeZone, time).end;
