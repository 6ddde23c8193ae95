import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { repositoryRoot, startServerProcess } from '../support/start-server-process.js';

export { repositoryRoot };

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

/** Starts the real, compiled server (`node dist/main.js`) on a free port with a temp data dir, and waits until it listens. */
export async function startDashboardServer(environment: Record<string, string>): Promise<DashboardServer> {
  const ownDirectory = !environment.DATA_DIR;
  const dataDirectory = environment.DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-dashboard-e2e-'));
  const { port, output, exited, child } = await startServerProcess(dataDirectory, environment);
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    output,
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
