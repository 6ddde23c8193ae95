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

/** Start of the local day holding `time`. */
export function dayStartIn(timeZone: string, time: number): number {
  const parts = localParts(timeZone, time);
  return instantOf(timeZone, parts.year, parts.month, parts.day);
}

/** Start of the local day after the one holding `time`. */
export function nextDayStartIn(timeZone: string, time: number): number {
  const parts = localParts(timeZone, time);
  return instantOf(timeZone, parts.year, parts.month, parts.day + 1);
}

/** Start of the local month holding `time`. */
export function monthStartIn(timeZone: string, time: number): number {
  const parts = localParts(timeZone, time);
  return instantOf(timeZone, parts.year, parts.month, 1);
}

/** Start of the local month after the one holding `time`. */
export function nextMonthStartIn(timeZone: string, time: number): number {
  const parts = localParts(timeZone, time);
  return instantOf(timeZone, parts.year, parts.month + 1, 1);
}
