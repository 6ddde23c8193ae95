import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

interface RunningServer {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<number | null>;
}

/** Starts `tsx src/main.ts` on port 0 with a temp data dir and waits for its "listening" line. */
async function startServer(environment: Record<string, string>): Promise<RunningServer> {
  const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-main-'));
  const child = spawn(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/main.ts'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDirectory, LOG_LEVEL: 'info', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  void exited.then(() => fs.rmSync(dataDirectory, { recursive: true, force: true }));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 20_000);
    const check = () => {
      const match = /"port":(\d+)[^\n]*sluice listening/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      } else if (child.exitCode !== null) {
        clearTimeout(timer);
        reject(new Error(`server exited:\n${output}`));
      } else setTimeout(check, 50);
    };
    check();
  });
  return { child, port, output: () => output, exited };
}

let running: RunningServer | undefined;
afterEach(() => {
  if (running?.child.exitCode === null) running.child.kill('SIGKILL');
  running = undefined;
});

describe('the real server (npx tsx src/main.ts)', () => {
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
