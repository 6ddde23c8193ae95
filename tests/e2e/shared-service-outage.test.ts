import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultServerLimits } from '../../src/config/config.js';
import { createNodeServer, type NodeServer } from '../../src/server/node/create-node-server.js';
import { startFakeOpenAI, type RunningFake } from '../fakes/openai-fake.js';
import type { OpenAIFakeScenario } from '../fakes/openai-fake-scenario.js';
import { createTestApiKey } from '../support/create-test-api-key.js';
import { createTestApp, type TestApp } from '../support/create-test-app.js';
import { postgresUrl, redisUrl, warnSkipped } from '../support/test-environment.js';
import { startTcpCutProxy, type TcpCutProxy } from './tcp-cut-proxy.js';

warnSkipped('the shared-service outage test', 'DATABASE_URL');
warnSkipped('the shared-service outage test', 'REDIS_URL');

const outageMs = 8_000;

/**
 * PostgreSQL and Redis both disappear for 8 s under load and come back, behind TCP relays the test
 * cuts. Documented behaviour (README, "When PostgreSQL or Redis goes away"): requests keep being
 * served, per-key RPM/RPD fail open with a logged warning, request-log rows wait in a bounded buffer
 * and are all written after recovery, and nothing crashes.
 */
describe.skipIf(!postgresUrl || !redisUrl)('PostgreSQL and Redis outage under load', { timeout: 120_000 }, () => {
  let postgresProxy: TcpCutProxy;
  let redisProxy: TcpCutProxy;
  let harness: TestApp;
  let upstream: RunningFake<OpenAIFakeScenario>;
  let node: NodeServer;
  let baseUrl: string;
  const schema = `sluice_outage_${randomBytes(5).toString('hex')}`;
  const unhandled: unknown[] = [];
  const logged: Array<{ level: number; msg: string; err?: unknown }> = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);

  const runPostgres = async (statement: string) => {
    const client = new pg.Client({ connectionString: postgresUrl });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };

  beforeAll(async () => {
    process.on('unhandledRejection', onUnhandled);
    const postgres = new URL(postgresUrl!);
    const redis = new URL(redisUrl!);
    postgresProxy = await startTcpCutProxy({ host: postgres.hostname, port: Number(postgres.port || 5432) });
    redisProxy = await startTcpCutProxy({ host: redis.hostname, port: Number(redis.port || 6379) });
    await runPostgres(`create schema ${schema}`);
    postgres.host = `127.0.0.1:${postgresProxy.port}`;
    postgres.searchParams.set('options', `-c search_path=${schema}`);
    redis.host = `127.0.0.1:${redisProxy.port}`;
    upstream = await startFakeOpenAI();
    harness = await createTestApp({
      redis: true,
      config: { database: { kind: 'postgres', url: postgres.toString() }, redisUrl: redis.toString(), logLevel: 'warn' },
      logger: pino({ level: 'warn' }, { write: (line: string) => void logged.push(JSON.parse(line)) }),
    });
    const created = await harness.request('POST', '/admin/accounts', { name: 'upstream', provider: 'openai', api_key: 'sk-test', base_url: upstream.url });
    expect(created.status).toBe(201);
    node = createNodeServer(harness.app.fetch, defaultServerLimits);
    baseUrl = `http://127.0.0.1:${(await node.listen(0, '127.0.0.1')).port}`;
  });

  afterAll(async () => {
    process.off('unhandledRejection', onUnhandled);
    node?.connections.destroyAll();
    await new Promise((resolve) => node?.server.close(resolve));
    await harness?.close();
    await upstream?.close();
    await postgresProxy?.close();
    await redisProxy?.close();
    await runPostgres(`drop schema if exists ${schema} cascade`);
  });

  it('keeps serving, fails RPM open, writes every usage row after recovery, and crashes nothing', async () => {
    const { key } = await createTestApiKey(harness.context, { requestsPerMinute: 1_000_000, requestsPerDay: 10_000_000 });
    const statuses = new Map<string, number>();
    const count = (label: string) => statuses.set(label, (statuses.get(label) ?? 0) + 1);
    let answered = 0;
    let stopAt = Number.POSITIVE_INFINITY;
    const worker = async () => {
      while (Date.now() < stopAt) {
        try {
          const response = await fetch(`${baseUrl}/v1/chat/completions`, {
            method: 'POST',
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body: JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }] }),
            signal: AbortSignal.timeout(15_000),
          });
          await response.text();
          count(String(response.status));
          if (response.status === 200) answered += 1;
        } catch (error) {
          count(`error: ${(error as Error).message}`);
        }
      }
    };
    const workers = Array.from({ length: 6 }, () => worker());
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const servedBefore = answered;
    postgresProxy.cut();
    redisProxy.cut();
    await new Promise((resolve) => setTimeout(resolve, outageMs));
    const servedDuring = answered - servedBefore;
    postgresProxy.restore();
    redisProxy.restore();
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    stopAt = Date.now();
    await Promise.all(workers);

    const problems = [...new Set(logged.filter((line) => line.level >= 50).map((line) => `${line.msg}: ${String(JSON.stringify(line.err ?? null)).slice(0, 400)}`))];
    const summary = JSON.stringify({ statuses: Object.fromEntries(statuses), servedBefore, servedDuring, answered, problems }, null, 1);
    expect([...statuses.keys()], summary).toEqual(['200']);
    expect(servedDuring, summary).toBeGreaterThan(0);

    // Every answered request has its row once the database is back.
    const deadline = Date.now() + 30_000;
    let rows = 0;
    while (Date.now() < deadline) {
      await harness.context.usage.flush();
      const result = await harness.context.database.db.selectFrom('request_logs').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
      rows = Number(result.count);
      if (rows >= answered) break;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    expect(rows, summary).toBe(answered);
    expect(unhandled, summary).toEqual([]);
    console.info(`outage of ${outageMs} ms: ${servedDuring} answered during it, ${answered} in all, ${rows} rows written after recovery`);
  });
});
