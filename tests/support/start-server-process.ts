import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const repositoryRoot = path.resolve(import.meta.dirname, '../..');

/** The compiled server `npm start` runs; tests/support/build-server-once.ts builds it before the suite. */
export const compiledServerEntry = path.join(repositoryRoot, 'dist/main.js');

/** Generous on purpose: a shared CI box under load can take many seconds to start a Node process. */
export const serverStartTimeoutMs = 60_000;

export interface ServerProcess {
  child: ChildProcess;
  port: number;
  /** Everything the process printed so far (stdout and stderr). */
  output: () => string;
  /** Resolves with the exit code when the process ends. */
  exited: Promise<number | null>;
}

/**
 * Starts the real, compiled server (`node dist/main.js`, as `npm start` does) on port 0 in
 * `dataDirectory`, and resolves as soon as its "sluice listening" log line names the port: no sleeps,
 * and a clear error with the output when it exits or does not become ready in time.
 */
export async function startServerProcess(dataDirectory: string, environment: Record<string, string>, timeoutMs = serverStartTimeoutMs): Promise<ServerProcess> {
  if (!fs.existsSync(compiledServerEntry)) throw new Error(`${compiledServerEntry} is missing: run \`npm run build:server\` (vitest's global setup builds it)`);
  const child = spawn(process.execPath, [compiledServerEntry], {
    cwd: repositoryRoot,
    env: { PATH: process.env.PATH ?? '', PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDirectory, LOG_LEVEL: 'info', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const append = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /"port":(\d+)[^\n]*sluice listening/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout?.on('data', append);
    child.stderr?.on('data', append);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(new Error(`server could not be spawned: ${error.message}`));
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code} before listening:\n${output}`));
    });
  });
  return { child, port, output: () => output, exited };
}
