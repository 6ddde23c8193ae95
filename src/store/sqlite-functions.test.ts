import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { nearestRank, registerSqliteFunctions } from './sqlite-functions.js';

describe('nearestRank', () => {
  it('is the value of rank ceil(p × n / 100) in ascending order', () => {
    const twenty = Array.from({ length: 20 }, (_, index) => 20 - index);
    expect(nearestRank(twenty, 95)).toBe(19);
    expect(nearestRank([...twenty, 21], 95)).toBe(20);
    expect(nearestRank([5], 95)).toBe(5);
    expect(nearestRank([3, 1, 2], 50)).toBe(2);
    expect(nearestRank([], 95)).toBeNull();
  });
});

describe('percentile_nearest_rank in SQLite', () => {
  it('aggregates each group, leaving out nulls', () => {
    const database = new SQLite(':memory:');
    registerSqliteFunctions(database);
    database.exec('create table samples (name text, value integer)');
    const insert = database.prepare('insert into samples values (?, ?)');
    for (let value = 1; value <= 20; value += 1) insert.run('twenty', value);
    insert.run('twenty', null);
    insert.run('none', null);
    const rows = database.prepare('select name, percentile_nearest_rank(value, 95) as p95 from samples group by name order by name').all();
    expect(rows).toEqual([
      { name: 'none', p95: null },
      { name: 'twenty', p95: 19 },
    ]);
    expect(() => database.prepare('select percentile_nearest_rank(value) from samples').all()).toThrow(/percent above 0/);
    database.close();
  });
});
