import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compiledServerEntry, repositoryRoot, startServerProcess } from '../support/start-server-process.js';

/** Runs the compiled server (`dist/main.js`) until it exits; returns its exit code, output and how long it took. */
function runToExit(environment: Record<string, string>, cwd = repositoryRoot): Promise<{ code: number | null; output: string; ms: number }> {
  const startedAt = Date.now();
  const child = spawn(process.execPath, [compiledServerEntry], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', LOG_LEVEL: 'info', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const killer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(killer);
      resolve({ code, output, ms: Date.now() - startedAt });
    }),
  );
}

describe('start-up errors a person can act on (the real server)', { timeout: 120_000 }, () => {
  let dataDirectory: string;
  let blocker: net.Server;
  let busyPort: number;
  beforeAll(async () => {
    dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-startup-'));
    blocker = net.createServer();
    busyPort = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as net.AddressInfo).port)));
  });
  afterAll(() => {
    blocker.close();
    fs.rmSync(dataDirectory, { recursive: true, force: true });
  });

  it('a port in use: one line naming PORT, exit 1, and no admin key generated; the next start shows the key', async () => {
    const result = await runToExit({ PORT: String(busyPort), DATA_DIR: dataDirectory });
    expect(result.code).toBe(1);
    expect(result.output).toContain(`Cannot listen on 127.0.0.1:${busyPort}: the port is already in use. Stop the other process or set PORT to a free port.`);
    expect(result.output).not.toMatch(/amq-[A-Za-z0-9_-]{64}/);
    const started = await startServerProcess(dataDirectory, {}, 60_000);
    try {
      expect(started.output()).toMatch(/generated an admin API key[\s\S]*amq-[A-Za-z0-9_-]{64}/);
    } finally {
      started.child.kill('SIGTERM');
      await started.exited;
    }
  });

  it('PORT=abc: a readable message at once, exit 1', async () => {
    const result = await runToExit({ PORT: 'abc', DATA_DIR: dataDirectory });
    expect(result.code).toBe(1);
    expect(result.output.trim()).toBe('Invalid configuration: PORT must be a whole number from 0 to 65535, not "abc". See .env.example for every variable.');
  });

  it('an unreachable PostgreSQL names DATABASE_URL without its password', async () => {
    const result = await runToExit({ PORT: '0', DATABASE_URL: `postgres://sluice:hunter2@127.0.0.1:${busyPort}/sluice`, SECRET_KEY: 'x'.repeat(40) });
    expect(result.code).toBe(1);
    expect(result.output).toContain(`Cannot use PostgreSQL at DATABASE_URL=postgres://sluice:***@127.0.0.1:${busyPort}/sluice`);
    expect(result.output).not.toContain('hunter2');
  });

  it('reads .env from the working directory', async () => {
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-dotenv-'));
    try {
      fs.writeFileSync(path.join(directory, '.env'), `PORT=${busyPort}\nDATA_DIR=${path.join(directory, 'data')}\n`);
      const result = await runToExit({}, directory);
      expect(result.code).toBe(1);
      expect(result.output).toContain(`127.0.0.1:${busyPort}: the port is already in use`);
    } finally {
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});
