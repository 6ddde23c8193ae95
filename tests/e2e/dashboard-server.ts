import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const repositoryRoot = path.resolve(import.meta.dirname, '../..');

export interface DashboardServer {
  baseUrl: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Builds web/dist when it is missing or stale (the same check `npm start` runs). */
export function ensureWebBuild(): void {
  const result = spawnSync(process.execPath, [path.join(repositoryRoot, 'scripts/build-web.mjs'), '--strict'], { cwd: repositoryRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building the admin UI failed');
}

/** Starts the real server (`tsx src/main.ts`) on a free port with a temp data dir, and waits until it listens. */
export async function startDashboardServer(environment: Record<string, string>): Promise<DashboardServer> {
  const ownDirectory = !environment.DATA_DIR;
  const dataDirectory = environment.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-dashboard-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [path.join(repositoryRoot, 'node_modules/tsx/dist/cli.mjs'), 'src/main.ts'], {
    cwd: repositoryRoot,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDirectory, LOG_LEVEL: 'info', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
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
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(timer);
      }
      if (ownDirectory) fs.rmSync(dataDirectory, { recursive: true, force: true });
    },
  };
}
