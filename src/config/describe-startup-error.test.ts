import { describe, expect, it } from 'vitest';
import { describeDatabaseError, describeListenError } from './describe-startup-error.js';

describe('start-up errors', () => {
  it('names PORT and HOST for a port in use', () => {
    const error = Object.assign(new Error('listen EADDRINUSE: address already in use 0.0.0.0:8080'), { code: 'EADDRINUSE' });
    expect(describeListenError(error, { host: '0.0.0.0', port: 8080 })).toBe(
      'Cannot listen on 0.0.0.0:8080: the port is already in use. Stop the other process or set PORT to a free port.',
    );
  });

  it('names DATABASE_URL without its password', () => {
    const message = describeDatabaseError(new Error('Migration 001-api-keys failed: connect ECONNREFUSED 127.0.0.1:5999'), {
      kind: 'postgres',
      url: 'postgres://sluice:hunter2@127.0.0.1:5999/sluice',
    });
    expect(message).toContain('DATABASE_URL=postgres://sluice:***@127.0.0.1:5999/sluice');
    expect(message).toContain('ECONNREFUSED');
    expect(message).not.toContain('hunter2');
  });
});
