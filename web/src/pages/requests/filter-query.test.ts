import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { filterQuery } from './request-filters';

describe('filterQuery', () => {
  it('turns the filter form into query parameters', () => {
    const from = dayjs('2026-01-01T00:00:00Z');
    expect(filterQuery({ api_key_id: 'k1', model: ' gpt-4o ', status: 'error', range: [from, null] })).toEqual({
      api_key_id: 'k1',
      account_id: undefined,
      model: 'gpt-4o',
      status: 'error',
      from: '2026-01-01T00:00:00.000Z',
      to: undefined,
    });
  });

  it('sends nothing for an empty form', () => {
    expect(Object.values(filterQuery({})).every((value) => value === undefined)).toBe(true);
  });
});
