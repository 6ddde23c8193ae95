import { describe, expect, it } from 'vitest';
import { dayStartIn, isKnownTimeZone, monthStartIn, nextDayStartIn, nextMonthStartIn, timeZoneOffsetMs } from './day-boundary.js';

describe('day boundaries in a time zone', () => {
  it('Asia/Shanghai days start at 16:00 UTC the day before', () => {
    const at = Date.parse('2026-03-10T15:59:59Z'); // 23:59:59 in Beijing
    expect(dayStartIn('Asia/Shanghai', at)).toBe(Date.parse('2026-03-09T16:00:00Z'));
    expect(nextDayStartIn('Asia/Shanghai', at)).toBe(Date.parse('2026-03-10T16:00:00Z'));
    const after = Date.parse('2026-03-10T16:00:00Z'); // 00:00 the next day in Beijing
    expect(dayStartIn('Asia/Shanghai', after)).toBe(after);
    expect(timeZoneOffsetMs('Asia/Shanghai', at)).toBe(8 * 3_600_000);
  });

  it('UTC is the plain calendar', () => {
    const at = Date.parse('2026-12-31T23:30:00Z');
    expect(dayStartIn('UTC', at)).toBe(Date.parse('2026-12-31T00:00:00Z'));
    expect(nextDayStartIn('UTC', at)).toBe(Date.parse('2027-01-01T00:00:00Z'));
    expect(monthStartIn('UTC', at)).toBe(Date.parse('2026-12-01T00:00:00Z'));
    expect(nextMonthStartIn('UTC', at)).toBe(Date.parse('2027-01-01T00:00:00Z'));
  });

  it('months in Shanghai', () => {
    const at = Date.parse('2026-01-31T17:00:00Z'); // 1 February 01:00 in Beijing
    expect(monthStartIn('Asia/Shanghai', at)).toBe(Date.parse('2026-01-31T16:00:00Z'));
    expect(nextMonthStartIn('Asia/Shanghai', at)).toBe(Date.parse('2026-02-28T16:00:00Z'));
  });

  it('daylight-saving days are 23 and 25 hours long', () => {
    const spring = Date.parse('2026-03-08T12:00:00Z'); // New York springs forward on 8 March 2026
    expect(nextDayStartIn('America/New_York', spring) - dayStartIn('America/New_York', spring)).toBe(23 * 3_600_000);
    const autumn = Date.parse('2026-11-01T12:00:00Z');
    expect(nextDayStartIn('America/New_York', autumn) - dayStartIn('America/New_York', autumn)).toBe(25 * 3_600_000);
    expect(dayStartIn('America/New_York', spring)).toBe(Date.parse('2026-03-08T05:00:00Z'));
  });

  it('answers from the remembered day only while the time is inside it, in either direction', () => {
    const zone = 'Asia/Shanghai';
    const evening = Date.parse('2026-05-10T15:59:59.999Z'); // 23:59:59.999 on 10 May in Beijing
    expect(dayStartIn(zone, evening)).toBe(Date.parse('2026-05-09T16:00:00Z'));
    expect(dayStartIn(zone, evening + 1)).toBe(Date.parse('2026-05-10T16:00:00Z'));
    expect(dayStartIn(zone, evening)).toBe(Date.parse('2026-05-09T16:00:00Z'));
    expect(monthStartIn(zone, Date.parse('2026-05-31T16:00:00Z'))).toBe(Date.parse('2026-05-31T16:00:00Z'));
    expect(monthStartIn(zone, Date.parse('2026-05-31T15:59:59Z'))).toBe(Date.parse('2026-04-30T16:00:00Z'));
  });

  it('knows real zone names only', () => {
    expect(isKnownTimeZone('Asia/Shanghai')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
  });
});
