import { describe, expect, it } from 'vitest';
import { makeAccount } from '../testing/make-account.js';
import { orderCandidates, orderCandidatesLazily, type RoutingStrategy } from './order-candidates.js';
import type { SelectionCandidate } from './selection-candidate.js';

interface Row {
  id: string;
  rpm?: number;
  inFlight?: number;
  weight?: number;
  priority?: number;
}

const candidates = (rows: Row[]): SelectionCandidate[] =>
  rows.map((row) => ({
    account: makeAccount(row.id, { weight: row.weight ?? 1, priority: row.priority ?? 0 }),
    rpmNow: row.rpm ?? 0,
    inFlight: row.inFlight ?? 0,
  }));

const sequence = (...values: number[]): (() => number) => {
  let index = 0;
  return () => values[index++ % values.length] ?? 0;
};

const cases: Array<{ name: string; strategy: RoutingStrategy; rows: Row[]; cursor: number; random?: number[]; expected: string[] }> = [
  { name: 'round robin: equal load, cursor 0', strategy: 'round_robin', rows: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], cursor: 0, expected: ['a', 'b', 'c'] },
  { name: 'round robin: equal load takes turns', strategy: 'round_robin', rows: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], cursor: 1, expected: ['b', 'c', 'a'] },
  { name: 'round robin: cursor wraps', strategy: 'round_robin', rows: [{ id: 'a' }, { id: 'b' }, { id: 'c' }], cursor: 5, expected: ['c', 'a', 'b'] },
  {
    name: 'round robin: lowest current RPM first',
    strategy: 'round_robin',
    rows: [{ id: 'a', rpm: 9 }, { id: 'b', rpm: 2 }, { id: 'c', rpm: 5 }],
    cursor: 0,
    expected: ['b', 'c', 'a'],
  },
  {
    name: 'round robin: ties on RPM rotate',
    strategy: 'round_robin',
    rows: [{ id: 'a', rpm: 1 }, { id: 'b', rpm: 1 }, { id: 'c', rpm: 0 }],
    cursor: 1,
    expected: ['c', 'b', 'a'],
  },
  { name: 'round robin: empty', strategy: 'round_robin', rows: [], cursor: 3, expected: [] },
  {
    name: 'least in-flight: fewest first',
    strategy: 'least_inflight',
    rows: [{ id: 'a', inFlight: 3 }, { id: 'b', inFlight: 0 }, { id: 'c', inFlight: 1 }],
    cursor: 0,
    expected: ['b', 'c', 'a'],
  },
  {
    name: 'least in-flight: ties rotate, RPM ignored',
    strategy: 'least_inflight',
    rows: [{ id: 'a', inFlight: 1, rpm: 0 }, { id: 'b', inFlight: 1, rpm: 50 }, { id: 'c', inFlight: 2 }],
    cursor: 1,
    expected: ['b', 'a', 'c'],
  },
  {
    name: 'priority: higher number first, round robin inside a tier',
    strategy: 'priority',
    rows: [{ id: 'backup', priority: -1 }, { id: 'p1', priority: 10 }, { id: 'p2', priority: 10 }, { id: 'normal', priority: 0 }],
    cursor: 1,
    expected: ['p2', 'p1', 'normal', 'backup'],
  },
  {
    name: 'priority: lower RPM first within the tier',
    strategy: 'priority',
    rows: [{ id: 'p1', priority: 5, rpm: 10 }, { id: 'p2', priority: 5, rpm: 1 }, { id: 'low', priority: 1 }],
    cursor: 0,
    expected: ['p2', 'p1', 'low'],
  },
  {
    name: 'weighted: highest random^(1/weight) first',
    strategy: 'weighted',
    rows: [{ id: 'a', weight: 1 }, { id: 'b', weight: 4 }],
    cursor: 0,
    // a: 0.5^(1/1)=0.5, b: 0.2^(1/4)≈0.669
    random: [0.5, 0.2],
    expected: ['b', 'a'],
  },
  {
    name: 'weighted: zero weight comes last',
    strategy: 'weighted',
    rows: [{ id: 'zero', weight: 0 }, { id: 'a', weight: 1 }, { id: 'b', weight: 1 }],
    cursor: 0,
    random: [0.1, 0.9],
    expected: ['b', 'a', 'zero'],
  },
];

describe('orderCandidates', () => {
  it.each(cases)('$name', ({ strategy, rows, cursor, random, expected }) => {
    const order = orderCandidates(strategy, candidates(rows), { cursor, random: sequence(...(random ?? [0.5])) });
    expect(order.map((candidate) => candidate.account.id)).toEqual(expected);
  });

  it('weighted: picks in proportion to weight over many draws', () => {
    const rows = candidates([{ id: 'light', weight: 1 }, { id: 'heavy', weight: 3 }]);
    const firsts = { light: 0, heavy: 0 };
    let seed = 42;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let draw = 0; draw < 4000; draw += 1) {
      const first = orderCandidates('weighted', rows, { cursor: 0, random })[0]?.account.id as 'light' | 'heavy';
      firsts[first] += 1;
    }
    expect(firsts.heavy / 4000).toBeGreaterThan(0.7);
    expect(firsts.heavy / 4000).toBeLessThan(0.8);
  });
});

describe('orderCandidatesLazily', () => {
  it.each(cases)('$name: the same order', ({ strategy, rows, cursor, random, expected }) => {
    const order = [...orderCandidatesLazily(strategy, candidates(rows), { cursor, random: sequence(...(random ?? [0.5])) })];
    expect(order.map((candidate) => candidate.account.id)).toEqual(expected);
  });

  it.each<RoutingStrategy>(['round_robin', 'least_inflight', 'priority', 'weighted'])('%s: the same order as sorting, over random pools and cursors', (strategy) => {
    let seed = 7;
    const random = (): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    for (let trial = 0; trial < 300; trial += 1) {
      // Few distinct values, so ties (which the cursor decides) are common.
      const rows = Array.from({ length: 1 + Math.floor(random() * 12) }, (_, index) => ({
        id: `a${index}`,
        rpm: Math.floor(random() * 3),
        inFlight: Math.floor(random() * 3),
        priority: Math.floor(random() * 3) - 1,
        weight: Math.floor(random() * 3),
      }));
      const cursor = Math.floor(random() * 40);
      const draws = Array.from({ length: rows.length }, random);
      const ids = (order: Iterable<{ account: { id: string } }>) => [...order].map((candidate) => candidate.account.id);
      const sorted = ids(orderCandidates(strategy, candidates(rows), { cursor, random: sequence(...draws) }));
      expect(ids(orderCandidatesLazily(strategy, candidates(rows), { cursor, random: sequence(...draws) }))).toEqual(sorted);
    }
  });

  it('leaves the rest unordered while only the first is read', () => {
    const pool = candidates([{ id: 'a', rpm: 2 }, { id: 'b', rpm: 1 }, { id: 'c', rpm: 1 }]);
    let compared = 0;
    for (const candidate of pool) {
      let rpm = candidate.rpmNow;
      Object.defineProperty(candidate, 'rpmNow', { get: () => ((compared += 1), rpm), set: (value: number) => (rpm = value) });
    }
    const order = orderCandidatesLazily('round_robin', pool, { cursor: 2, random: Math.random });
    expect(order.next().value?.account.id).toBe('c');
    expect(compared).toBe(3);
    expect([...order].map((candidate) => candidate.account.id)).toEqual(['b', 'a']);
  });
});

