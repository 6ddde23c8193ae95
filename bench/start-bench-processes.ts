/**
 * Starts the processes a benchmark compares, each on its own port on 127.0.0.1: the fake upstream, the
 * floor proxy in front of it, and Sluice (compiled, `node dist/main.js`, as in production) with one
 * Anthropic account pointing at the fake; on request also the lean gateway in front of the fake, and
 * the Amazon Q / Kiro fake with a Kiro account for it. Used by `npm run bench` and the perf smoke test.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const startTimeoutMs = 60_000;

export interface BenchProcesses {
  /** Base URLs, e.g. http://127.0.0.1:1234 */
  upstream: string;
  floor: string;
  sluice: string;
  /** The lean gateway (bench/lean-gateway.ts), when asked for. */
  lean?: string;
  adminKey: string;
  /** Resident set size of a process in bytes (Linux /proc), or undefined where unavailable. */
  residentBytes(which: Measured): number | undefined;
  /** CPU time (user + system) a process has used so far, in seconds (Linux /proc), or undefined where unavailable. */
  cpuSeconds(which: Measured): number | undefined;
  /**
   * CPU time of the process's main thread alone, in seconds (Linux /proc). A Node proxy's rate is bound by
   * its main thread; the rest of its CPU (V8's collector and compiler helpers, worker threads) runs beside it.
   */
  mainThreadCpuSeconds(which: Measured): number | undefined;
  /** Gives Sluice `count` more Anthropic accounts on the fake upstream, serving the models that match `models`. */
  addAccounts(count: number, models: string[]): Promise<void>;
  stop(): Promise<void>;
}

export type Measured = 'sluice' | 'floor' | 'lean';

export interface BenchOptions {
  /** Extra node flags for Sluice, e.g. `--cpu-prof`. */
  sluiceNodeFlags?: string[];
  upstreamEnvironment?: Record<string, string>;
  /** Also start the Amazon Q / Kiro fake (bench/fake-amazonq.ts) and give Sluice a Kiro account serving `kiroModel`. */
  kiro?: boolean;
  /** Also start the lean gateway (bench/lean-gateway.ts) in front of the fake, taking Sluice's admin key. */
  lean?: boolean;
  /** Runs Sluice with its shared state (pool slots, limits, budgets) in this Redis, as instances of a scale-out do. */
  redisUrl?: string;
}

/** The model the Kiro account serves in a bench (one the fake's service knows); every other bench model is Anthropic's. */
export const kiroModel = 'claude-sonnet-4.5';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Spawns a bench script (TypeScript, through tsx) and resolves with the port from its `ready <port>` line. */
function startScript(script: string, environment: Record<string, string>, children: ChildProcess[]): Promise<{ child: ChildProcess; port: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, script)], { cwd: root, env: { ...process.env, PORT: '0', ...environment }, stdio: ['ignore', 'pipe', 'inherit'] });
    children.push(child);
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${script} did not start within ${startTimeoutMs} ms: ${output}`)), startTimeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve({ child, port: Number(match[1]) });
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${script} exited with ${code}: ${output}`));
    });
  });
}

async function waitForHealth(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + startTimeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Sluice exited with ${child.exitCode}`);
    const healthy = await fetch(`${base}/health`).then((response) => response.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Sluice did not become healthy within ${startTimeoutMs} ms`);
}

function residentBytesOf(child: ChildProcess): number | undefined {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : undefined;
  } catch {
    return undefined;
  }
}

/** Clock ticks per second of /proc/<pid>/stat times: 100 on every Linux build that matters. */
const clockTicksPerSecond = 100;

/** CPU time (user + system) in seconds from a /proc stat file: of the whole process, or of one of its threads. */
function cpuSecondsIn(statFile: string): number | undefined {
  try {
    // Fields after the command name (which may hold spaces) start at field 3; utime and stime are fields 14 and 15.
    const stat = readFileSync(statFile, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond;
  } catch {
    return undefined;
  }
}

const cpuSecondsOf = (child: ChildProcess) => cpuSecondsIn(`/proc/${child.pid}/stat`);
/** The main thread's id is the process id. */
const mainThreadCpuSecondsOf = (child: ChildProcess) => cpuSecondsIn(`/proc/${child.pid}/task/${child.pid}/stat`);

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

export async function startBenchProcesses(options: BenchOptions = {}): Promise<BenchProcesses> {
  const dataDirectory = mkdtempSync(path.join(os.tmpdir(), 'sluice-bench-'));
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map(stopChild));
    rmSync(dataDirectory, { recursive: true, force: true });
  };
  try {
    const fake = await startScript('bench/fake-upstream.ts', options.upstreamEnvironment ?? {}, children);
    const upstream = `http://127.0.0.1:${fake.port}`;
    const floorProcess = await startScript('bench/floor-proxy.ts', { UPSTREAM: upstream }, children);
    const adminKey = `amq-bench-${Math.random().toString(36).slice(2)}${'0'.repeat(40)}`;
    const sluicePort = await freePort();
    const sluiceProcess = spawn(process.execPath, [...(options.sluiceNodeFlags ?? []), path.join(root, 'dist/main.js')], {
      cwd: root,
      env: { ...process.env, PORT: String(sluicePort), HOST: '127.0.0.1', DATA_DIR: dataDirectory, ADMIN_KEY: adminKey, LOG_LEVEL: process.env.BENCH_LOG_LEVEL || 'warn', DATABASE_URL: '', REDIS_URL: options.redisUrl ?? '', METRICS_TOKEN: '', METRICS_PORT: '' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(sluiceProcess);
    const sluice = `http://127.0.0.1:${sluicePort}`;
    await waitForHealth(sluice, sluiceProcess);
    const createAccount = async (account: Record<string, unknown>): Promise<void> => {
      const created = await fetch(`${sluice}/admin/accounts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
        body: JSON.stringify(account),
      });
      if (!created.ok) throw new Error(`creating the bench account ${String(account.name)}: ${created.status} ${await created.text()}`);
    };
    await createAccount({ name: 'bench-anthropic', provider: 'anthropic', api_key: 'sk-ant-bench', base_url: upstream, models: ['claude-bench*'] });
    if (options.kiro) {
      const kiroFake = `http://127.0.0.1:${(await startScript('bench/fake-amazonq.ts', {}, children)).port}`;
      await createAccount({ name: 'bench-kiro', provider: 'kiro', refresh_token: 'bench-kiro', auth_method: 'social', base_url: kiroFake, auth_url: kiroFake, models: [kiroModel] });
    }
    const leanProcess = options.lean ? await startScript('bench/lean-gateway.ts', { UPSTREAM: upstream, CLIENT_KEY: adminKey }, children) : undefined;
    const processOf = (which: Measured): ChildProcess | undefined => (which === 'sluice' ? sluiceProcess : which === 'floor' ? floorProcess.child : leanProcess?.child);
    const measure = <T>(read: (child: ChildProcess) => T) => (which: Measured): T | undefined => {
      const child = processOf(which);
      return child ? read(child) : undefined;
    };
    return {
      upstream,
      floor: `http://127.0.0.1:${floorProcess.port}`,
      sluice,
      lean: leanProcess ? `http://127.0.0.1:${leanProcess.port}` : undefined,
      adminKey,
      residentBytes: measure(residentBytesOf),
      cpuSeconds: measure(cpuSecondsOf),
      mainThreadCpuSeconds: measure(mainThreadCpuSecondsOf),
      addAccounts: async (count, models) => {
        for (let index = 0; index < count; index += 1) {
          await createAccount({ name: `bench-pool-${index}`, provider: 'anthropic', api_key: 'sk-ant-bench', base_url: upstream, models });
        }
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
