/**
 * `npm run bench`: throughput and latency through Sluice beside the same load sent straight to a
 * fake upstream (its own process), for non-streaming and 50-chunk streaming answers, on the
 * converting path (OpenAI in → Anthropic upstream) and on passthrough (Anthropic in → Anthropic).
 * Each pair runs ROUNDS times, alternating, and the medians are printed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 32);
const adminKey = `amq-bench-${Math.random().toString(36).slice(2)}`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function start(command: string[], env: Record<string, string>, readyPattern: RegExp): Promise<{ child: ChildProcess; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...command], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    const timer = setTimeout(() => reject(new Error(`${command.join(' ')} did not start: ${output}`)), 30_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (readyPattern.test(output)) {
        clearTimeout(timer);
        resolve({ child, output });
      }
    });
    child.on('exit', (code) => reject(new Error(`${command.join(' ')} exited with ${code}: ${output}`)));
  });
}

async function waitForHealth(base: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const healthy = await fetch(`${base}/health`).then((response) => response.ok, () => false);
    if (healthy) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('Sluice did not become healthy within 30 s');
}

async function admin(base: string, method: string, route: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${base}${route}`, {
    method,
    headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${route}: ${response.status} ${await response.text()}`);
  return response.json();
}

interface Measurement { rps: number; p50: number; p99: number; mean: number; errors: number }

async function load(url: string, headers: Record<string, string>, body: object, clients = connections, duration = seconds): Promise<Measurement> {
  const result = await autocannon({ url, method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body), connections: clients, duration });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, mean: result.latency.average, errors: result.errors + result.non2xx };
}

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sluice-bench-'));
  const fake = await start(['bench/fake-upstream.ts'], { PORT: '0' }, /ready \d+/);
  const children: ChildProcess[] = [fake.child];
  try {
    const upstreamPort = Number(/ready (\d+)/.exec(fake.output)?.[1]);
    const sluicePort = await freePort();
    // BENCH_PROFILE_DIR=dir writes a V8 CPU profile of Sluice there, for finding hot spots.
    const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
    const sluice = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/main.ts'], {
      env: { ...process.env, PORT: String(sluicePort), HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_KEY: adminKey, LOG_LEVEL: 'warn', DATABASE_URL: '', REDIS_URL: '' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    children.push(sluice);
    const base = `http://127.0.0.1:${sluicePort}`;
    await waitForHealth(base);
    const upstream = `http://127.0.0.1:${upstreamPort}`;
    await admin(base, 'POST', '/admin/accounts', { name: 'bench-anthropic', provider: 'anthropic', api_key: 'sk-ant-bench', base_url: upstream, models: ['claude-*'] });
    const messages = [{ role: 'user', content: 'Say fifty words.' }];
    const sluiceHeaders = { authorization: `Bearer ${adminKey}` };
    const anthropicHeaders = { 'x-api-key': 'sk-ant-bench', 'anthropic-version': '2023-06-01' };
    const scenarios = [
      { name: 'OpenAI in → Anthropic, non-streaming', sluice: ['/v1/chat/completions', { model: 'claude-bench', messages, max_tokens: 100 }], stream: false },
      { name: 'OpenAI in → Anthropic, 50-chunk stream', sluice: ['/v1/chat/completions', { model: 'claude-bench', messages, max_tokens: 100, stream: true }], stream: true },
      { name: 'Anthropic passthrough, non-streaming', sluice: ['/v1/messages', { model: 'claude-bench', messages, max_tokens: 100 }], stream: false },
      { name: 'Anthropic passthrough, 50-chunk stream', sluice: ['/v1/messages', { model: 'claude-bench', messages, max_tokens: 100, stream: true }], stream: true },
    ] as const;
    console.log(`rounds=${rounds} duration=${seconds}s connections=${connections} (medians over rounds)\n`);
    console.log('scenario | direct req/s | sluice req/s | ratio | direct p50/p99 ms | sluice p50/p99 ms | added latency, 1 connection | errors');
    console.log('--- | --- | --- | --- | --- | --- | --- | ---');
    const only = process.env.BENCH_ONLY;
    for (const scenario of scenarios.filter((candidate) => !only || candidate.name.toLowerCase().includes(only.toLowerCase()))) {
      const direct: Measurement[] = [];
      const through: Measurement[] = [];
      const added: number[] = [];
      const directBody = { model: 'claude-bench', messages, max_tokens: 100, stream: scenario.stream };
      for (let round = 0; round < rounds; round += 1) {
        direct.push(await load(`${upstream}/v1/messages`, anthropicHeaders, directBody));
        through.push(await load(`${base}${scenario.sluice[0]}`, sluiceHeaders, scenario.sluice[1]));
        // Unloaded: what one request pays for passing through Sluice.
        const alone = await load(`${base}${scenario.sluice[0]}`, sluiceHeaders, scenario.sluice[1], 1, 2);
        const straight = await load(`${upstream}/v1/messages`, anthropicHeaders, directBody, 1, 2);
        added.push(alone.mean - straight.mean);
      }
      const directRps = median(direct.map((m) => m.rps));
      const sluiceRps = median(through.map((m) => m.rps));
      console.log(
        `${scenario.name} | ${directRps.toFixed(0)} | ${sluiceRps.toFixed(0)} | ${((sluiceRps / directRps) * 100).toFixed(0)}% | ` +
          `${median(direct.map((m) => m.p50))}/${median(direct.map((m) => m.p99))} | ${median(through.map((m) => m.p50))}/${median(through.map((m) => m.p99))} | ` +
          `${median(added).toFixed(2)} ms | ${through.reduce((sum, m) => sum + m.errors, 0)}`,
      );
    }
  } finally {
    await Promise.all(children.map((child) => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve(undefined);
      child.once('exit', resolve);
      child.kill('SIGTERM');
    })));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
