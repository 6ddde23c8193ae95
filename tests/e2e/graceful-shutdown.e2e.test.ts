import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from '../support/start-server-process.js';


type RunningServer = ServerProcess;

/** Starts the real server on port 0 with its own temp data dir, removed when the process ends. */
async function startServer(environment: Record<string, string>): Promise<RunningServer> {
  const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-main-'));
  const server = await startServerProcess(dataDirectory, environment);
  void server.exited.then(() => fs.rmSync(dataDirectory, { recursive: true, force: true }));
  return server;
}

let running: RunningServer | undefined;
afterEach(() => {
  if (running?.child.exitCode === null) running.child.kill('SIGKILL');
  running = undefined;
});

// Each test starts a real process: sized for a loaded CI box, not for a fast laptop.
describe('the real server (node dist/main.js)', { timeout: 120_000 }, () => {
  it('prints a generated admin key once, then finishes an in-flight request on SIGTERM and exits 0', async () => {
    running = await startServer({});
    const banner = /(amq-[A-Za-z0-9_-]{64})/.exec(running.output());
    expect(banner, running.output()).not.toBeNull();
    const adminKey = banner![1]!;
    const { port } = running;

    let refusedAfterSignal: Promise<boolean> = Promise.resolve(false);
    // A request whose body arrives slowly: it is in flight when the signal comes.
    const body = JSON.stringify({ name: 'created during shutdown' });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const request = http.request(
        { host: '127.0.0.1', port, method: 'POST', path: '/admin/api-keys', headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (result) => {
          let text = '';
          result.on('data', (chunk: Buffer) => (text += chunk.toString()));
          result.on('end', () => resolve({ status: result.statusCode ?? 0, text }));
        },
      );
      request.on('error', reject);
      request.write(body.slice(0, 5));
      setTimeout(() => {
        running!.child.kill('SIGTERM');
        setTimeout(() => {
          // New connections are refused while the old request is still open.
          refusedAfterSignal = fetch(`http://127.0.0.1:${port}/health`).then(
            () => false,
            () => true,
          );
          setTimeout(() => request.end(body.slice(5)), 300);
        }, 300);
      }, 200);
    });
    const result = await response;
    expect(result.status, result.text).toBe(201);
    expect(await refusedAfterSignal).toBe(true);
    expect(JSON.parse(result.text)).toMatchObject({ name: 'created during shutdown' });
    expect(await running.exited).toBe(0);
    expect(running.output()).toContain('shutting down');
    expect(running.output()).toContain('"msg":"stopped"');
    // The access log has one line per request with method, path, status and duration.
    expect(running.output()).toMatch(/"method":"POST","path":"\/admin\/api-keys","status":201,"durationMs":[\d.]+/);
  });

  it('closes requests still open at the deadline and exits 0', async () => {
    const adminKey = 'amq-' + 'd'.repeat(64);
    running = await startServer({ ADMIN_KEY: adminKey, SHUTDOWN_TIMEOUT_MS: '1000' });
    const request = http.request({
      host: '127.0.0.1',
      port: running.port,
      method: 'POST',
      path: '/admin/api-keys',
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json', 'content-length': 1000 },
    });
    request.on('error', () => undefined);
    request.write('{"name":');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const signalledAt = Date.now();
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    expect(Date.now() - signalledAt).toBeGreaterThanOrEqual(900);
    expect(running.output()).toContain('shutdown deadline reached');
  });

  it('uses ADMIN_KEY when given and generates nothing', async () => {
    const adminKey = 'amq-' + 'k'.repeat(64);
    running = await startServer({ ADMIN_KEY: adminKey });
    expect(running.output()).not.toMatch(/generated an admin API key/);
    const response = await fetch(`http://127.0.0.1:${running.port}/admin/api-keys`, { headers: { 'x-api-key': adminKey } });
    expect(response.status).toBe(200);
    const list = (await response.json()) as { data: Array<{ name: string }> };
    expect(list.data.map((key) => key.name)).toEqual(['admin (from ADMIN_KEY)']);
    running.child.kill('SIGINT');
    expect(await running.exited).toBe(0);
  });
});
