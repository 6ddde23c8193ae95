/**
 * `npm run bench`: throughput and latency through Sluice beside the same load sent straight to a fake
 * upstream and through the floor proxy (node:http in, one undici Pool out, no auth, no accounting),
 * each in its own process, for JSON and 50-chunk streaming answers, on the converting path (OpenAI in →
 * Anthropic upstream) and on passthrough (Anthropic in → Anthropic), plus passthrough of a 230 KB
 * request as coding agents send (bench/agent-history.ts). The passthrough rows also run through the
 * lean gateway (bench/lean-gateway.ts: key check, parse, usage and a log row, nothing else), in the same
 * rounds, to show how much of Sluice's cost is its own machinery. Then converted streams from a Kiro account
 * (the test suite's Amazon Q / Kiro fake, bench/fake-amazonq.ts), which no floor can relay, beside the
 * converted Anthropic stream's cost, and the passthrough JSON row served by a pool of a thousand accounts.
 * Each scenario runs BENCH_ROUNDS
 * times, alternating targets, and medians of rounds are printed, never single runs.
 * Beside each rate, the CPU time each proxy process spent per request under load: on a shared, busy
 * machine the rates depend on what else runs, while CPU per request is the proxy's own cost, and the
 * floor's CPU per request over Sluice's is close to the rate ratio an otherwise idle machine would show. Sluice's
 * includes its usage roll-up (a thread of the same process), whose share of each round is printed beside it.
 * Last, the CPU each main thread alone spent per request: a Node proxy's rate is bound by its main thread,
 * while V8's collector and compiler helpers (and Sluice's roll-up) run beside it on the other core.
 * Memory is read first: resident size 2 s after start, once settled at idle (V8 returns the young generation
 * start-up grew after about 20 s without work), and with BENCH_STREAMS (default 1,000) slow streams open at once.
 *
 *   BENCH_ROUNDS=3 BENCH_SECONDS=5 BENCH_CONNECTIONS=50   load shape
 *   BENCH_ONLY=passthrough                                 scenarios whose name contains this
 *   BENCH_STREAMS=1000 BENCH_SLOW_SECONDS=10               slow-stream memory phase (BENCH_STREAMS=0 skips it)
 *   BENCH_PROFILE_DIR=dir                                  V8 CPU profile of Sluice written there
 *   BENCH_WARMUP_SECONDS=0                                 unmeasured load just before each loaded round, every target alike
 *   BENCH_UPSTREAM_DELAY_MS=0                              the fake upstream's time to first byte (not the slow streams')
 *   BENCH_POOL_ACCOUNTS=1000                               accounts of the last row's pool (0 skips it)
 *   BENCH_REDIS_URL=redis://127.0.0.1:6379                 Sluice keeps its pool state and limits there, as instances of a scale-out do
 *   BENCH_LOG_LEVEL=warn                                   Sluice's LOG_LEVEL; the default level, info, adds an access log line per request
 *
 * Every target idles while the others are measured, long enough for V8's memory reducer to shrink its heap,
 * so by default each round starts from that state and pays for growing the heap again. A warm-up measures
 * serving under steady load instead. With an upstream delay, a request's parsed body lives as long in the
 * gateway as behind a real model, which decides how much of it the collector must copy and keep: rates
 * are then bound by connections / delay, and CPU per request is the figure to compare.
 */
import { agentHistory } from './agent-history.js';
import { measureLoad, median, type Measurement } from './measure-load.js';
import { measureSlowStreams } from './measure-slow-streams.js';
import { kiroModel, startBenchProcesses, type BenchProcesses, type Measured } from './start-bench-processes.js';

const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const streamCount = Number(process.env.BENCH_STREAMS ?? 1000);
const slowSeconds = Number(process.env.BENCH_SLOW_SECONDS ?? 10);
const unloadedSeconds = 2;
const warmupSeconds = Number(process.env.BENCH_WARMUP_SECONDS ?? 0);
const poolAccounts = Number(process.env.BENCH_POOL_ACCOUNTS ?? 1000);

/** The load of a round, unmeasured, for BENCH_WARMUP_SECONDS just before it. */
async function warmUp(url: string, headers: Record<string, string>, body: object): Promise<void> {
  if (warmupSeconds > 0) await measureLoad(url, headers, body, connections, warmupSeconds);
}

const messages = [{ role: 'user', content: 'Say fifty words.' }];
const anthropicHeaders = { 'x-api-key': 'sk-ant-bench', 'anthropic-version': '2023-06-01' };
const scenarios = [
  { name: 'OpenAI in → Anthropic, JSON', route: '/v1/chat/completions', stream: false },
  { name: 'OpenAI in → Anthropic, 50-chunk stream', route: '/v1/chat/completions', stream: true },
  { name: 'Anthropic passthrough, JSON', route: '/v1/messages', stream: false },
  { name: 'Anthropic passthrough, 50-chunk stream', route: '/v1/messages', stream: true },
  // Not one of the targets: the size of request coding agents send, where per-byte costs show.
  { name: 'Anthropic passthrough, JSON, 230 KB agent request', route: '/v1/messages', stream: false, agent: true },
] as const;
const agent = agentHistory();

const megabytes = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${(bytes / 1024 / 1024).toFixed(0)} MB`);
const percent = (part: number, whole: number) => `${((part / whole) * 100).toFixed(0)}%`;

/**
 * Resident size once a process has settled at idle: V8 keeps the young generation that start-up grew
 * until its memory reducer has seen the process idle for a while (about 20 s here), so this waits
 * `settleMs` without load and reads then.
 */
async function settledResidentBytes(read: () => number | undefined, settleMs = 40_000): Promise<number | undefined> {
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  return read();
}

async function measureMemory(processes: BenchProcesses): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 2000));
  console.log('\nmemory | floor | sluice');
  console.log('--- | --- | ---');
  console.log(`RSS 2 s after start | ${megabytes(processes.residentBytes('floor'))} | ${megabytes(processes.residentBytes('sluice'))}`);
  const [floorIdle, sluiceIdle] = await Promise.all([
    settledResidentBytes(() => processes.residentBytes('floor')),
    settledResidentBytes(() => processes.residentBytes('sluice')),
  ]);
  console.log(`RSS idle, settled (40 s without load) | ${megabytes(floorIdle)} | ${megabytes(sluiceIdle)}`);
  if (streamCount <= 0) return;
  const body = { model: 'claude-bench-slow', messages, max_tokens: 100, stream: true };
  const timeoutMs = (slowSeconds + 60) * 1000;
  const floor = await measureSlowStreams({ url: `${processes.floor}/v1/messages`, headers: anthropicHeaders, body, count: streamCount, timeoutMs, residentBytes: () => processes.residentBytes('floor') });
  const sluice = await measureSlowStreams({
    url: `${processes.sluice}/v1/messages`,
    headers: { authorization: `Bearer ${processes.adminKey}` },
    body,
    count: streamCount,
    timeoutMs,
    residentBytes: () => processes.residentBytes('sluice'),
  });
  console.log(`RSS peak, ${streamCount} concurrent slow streams (passthrough) | ${megabytes(floor.peakResidentBytes)} | ${megabytes(sluice.peakResidentBytes)}`);
  console.log(`streams open at once (peak) / completed | ${floor.peakOpen} / ${floor.completed} | ${sluice.peakOpen} / ${sluice.completed}`);
  for (const [name, result] of [['floor', floor], ['sluice', sluice]] as const) if (result.firstError) console.log(`${name}: ${result.failed} failed, first: ${result.firstError}`);
  console.log(`RSS after the streams ended | ${megabytes(processes.residentBytes('floor'))} | ${megabytes(processes.residentBytes('sluice'))}`);
}

/**
 * Runs a load and notes the CPU microseconds the measured process spent per request answered, and, when
 * asked, those its main thread spent: the figure a Node proxy's rate is bound by, since the collector's
 * and compiler's helper threads (and Sluice's roll-up thread) run beside it on another core.
 */
async function measureWithCpu(processes: BenchProcesses, which: Measured, load: () => Promise<Measurement>, cpuPerRequest: number[], mainThreadPerRequest?: number[]): Promise<Measurement> {
  const before = processes.cpuSeconds(which);
  const mainBefore = processes.mainThreadCpuSeconds(which);
  const measurement = await load();
  const after = processes.cpuSeconds(which);
  const mainAfter = processes.mainThreadCpuSeconds(which);
  if (before !== undefined && after !== undefined && measurement.total > 0) cpuPerRequest.push(((after - before) * 1e6) / measurement.total);
  if (mainBefore !== undefined && mainAfter !== undefined && measurement.total > 0) mainThreadPerRequest?.push(((mainAfter - mainBefore) * 1e6) / measurement.total);
  return measurement;
}

/** Sluice's usage roll-up passes so far and the seconds they took, from its /metrics (0 before the first pass). */
async function rollupPasses(sluice: string): Promise<{ count: number; seconds: number }> {
  const text = await fetch(`${sluice}/metrics`).then((response) => (response.ok ? response.text() : ''), () => '');
  const figure = (name: string) => Number(new RegExp(`^sluice_usage_rollup_duration_seconds_${name} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  return { count: figure('count'), seconds: figure('sum') };
}

const rollupSeconds = async (sluice: string): Promise<number> => (await rollupPasses(sluice)).seconds;

/**
 * The usage roll-up's share of a round's CPU per request: it reads the open hour's request logs again in
 * a thread of Sluice's process, so its passes count in that process's CPU. A pass is counted in the round
 * it ends in, by the time it took (it keeps one core busy meanwhile).
 */
async function measureSluiceRound(processes: BenchProcesses, load: () => Promise<Measurement>, cpuPerRequest: number[], rollupPerRequest: number[], mainThreadPerRequest: number[]): Promise<Measurement> {
  const before = await rollupSeconds(processes.sluice);
  const measurement = await measureWithCpu(processes, 'sluice', load, cpuPerRequest, mainThreadPerRequest);
  if (measurement.total > 0) rollupPerRequest.push((((await rollupSeconds(processes.sluice)) - before) * 1e6) / measurement.total);
  return measurement;
}

async function main(): Promise<void> {
  const profileDirectory = process.env.BENCH_PROFILE_DIR;
  const processes = await startBenchProcesses({
    sluiceNodeFlags: profileDirectory ? ['--cpu-prof', `--cpu-prof-dir=${profileDirectory}`] : [],
    upstreamEnvironment: { BENCH_SLOW_SECONDS: String(slowSeconds) },
    kiro: true,
    lean: true,
    redisUrl: process.env.BENCH_REDIS_URL || undefined,
  });
  try {
    await measureMemory(processes);
    const sluiceHeaders = { authorization: `Bearer ${processes.adminKey}` };
    console.log(`\nrounds=${rounds} duration=${seconds}s connections=${connections}; warm-up=${warmupSeconds}s; medians over rounds; added latency = mean at 1 connection, ${unloadedSeconds}s, minus the same for direct / floor\n`);
    console.log('scenario | direct req/s | floor req/s | sluice req/s | sluice/floor | sluice/direct | floor p50/p99 ms | sluice p50/p99 ms | p99 sluice/floor | added ms vs direct | added ms vs floor | CPU µs/req floor | CPU µs/req sluice | of which roll-up, each round | CPU floor/sluice | main-thread CPU µs/req floor/sluice | main thread floor/sluice | errors');
    console.log('--- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | ---');
    const only = process.env.BENCH_ONLY?.toLowerCase();
    const sluiceCpuOf = new Map<string, number>();
    const leanRows: string[] = [];
    for (const scenario of scenarios.filter((candidate) => !only || candidate.name.toLowerCase().includes(only))) {
      const direct: Measurement[] = [];
      const floor: Measurement[] = [];
      const through: Measurement[] = [];
      const addedOverDirect: number[] = [];
      const addedOverFloor: number[] = [];
      const floorCpu: number[] = [];
      const sluiceCpu: number[] = [];
      const floorMainThread: number[] = [];
      const sluiceMainThread: number[] = [];
      const sluiceRollup: number[] = [];
      const leanLoads: Measurement[] = [];
      const leanCpu: number[] = [];
      // The lean gateway only relays Anthropic Messages: it stands beside the passthrough rows.
      const leanUrl = processes.lean && scenario.route === '/v1/messages' ? `${processes.lean}/v1/messages` : undefined;
      const content = 'agent' in scenario ? agent : { messages };
      const upstreamBody = { model: 'claude-bench', ...content, max_tokens: 100, stream: scenario.stream };
      const sluiceBody = upstreamBody;
      const directUrl = `${processes.upstream}/v1/messages`;
      const floorUrl = `${processes.floor}/v1/messages`;
      const sluiceUrl = `${processes.sluice}${scenario.route}`;
      for (let round = 0; round < rounds; round += 1) {
        await warmUp(directUrl, anthropicHeaders, upstreamBody);
        direct.push(await measureLoad(directUrl, anthropicHeaders, upstreamBody, connections, seconds));
        await warmUp(floorUrl, anthropicHeaders, upstreamBody);
        floor.push(await measureWithCpu(processes, 'floor', () => measureLoad(floorUrl, anthropicHeaders, upstreamBody, connections, seconds), floorCpu, floorMainThread));
        await warmUp(sluiceUrl, sluiceHeaders, sluiceBody);
        through.push(await measureSluiceRound(processes, () => measureLoad(sluiceUrl, sluiceHeaders, sluiceBody, connections, seconds), sluiceCpu, sluiceRollup, sluiceMainThread));
        if (leanUrl) await warmUp(leanUrl, sluiceHeaders, sluiceBody);
        if (leanUrl) leanLoads.push(await measureWithCpu(processes, 'lean', () => measureLoad(leanUrl, sluiceHeaders, sluiceBody, connections, seconds), leanCpu));
        // Unloaded: what one request pays for passing through Sluice, over going direct and over the floor.
        const alone = await measureLoad(sluiceUrl, sluiceHeaders, sluiceBody, 1, unloadedSeconds);
        const straight = await measureLoad(directUrl, anthropicHeaders, upstreamBody, 1, unloadedSeconds);
        const floorAlone = await measureLoad(floorUrl, anthropicHeaders, upstreamBody, 1, unloadedSeconds);
        addedOverDirect.push(alone.mean - straight.mean);
        addedOverFloor.push(alone.mean - floorAlone.mean);
      }
      sluiceCpuOf.set(scenario.name, median(sluiceCpu));
      const rps = (list: Measurement[]) => median(list.map((entry) => entry.rps));
      const p50 = (list: Measurement[]) => median(list.map((entry) => entry.p50));
      const p99 = (list: Measurement[]) => median(list.map((entry) => entry.p99));
      console.log(
        [
          scenario.name,
          rps(direct).toFixed(0),
          rps(floor).toFixed(0),
          rps(through).toFixed(0),
          percent(rps(through), rps(floor)),
          percent(rps(through), rps(direct)),
          `${p50(floor)}/${p99(floor)}`,
          `${p50(through)}/${p99(through)}`,
          `${(p99(through) / p99(floor)).toFixed(1)}×`,
          `${median(addedOverDirect).toFixed(2)}`,
          `${median(addedOverFloor).toFixed(2)}`,
          median(floorCpu).toFixed(0),
          median(sluiceCpu).toFixed(0),
          `${sluiceRollup.map((value) => value.toFixed(0)).join('/')}`,
          percent(median(floorCpu), median(sluiceCpu)),
          `${median(floorMainThread).toFixed(0)}/${median(sluiceMainThread).toFixed(0)}`,
          percent(median(floorMainThread), median(sluiceMainThread)),
          String(through.reduce((sum, entry) => sum + entry.errors, 0) + floor.reduce((sum, entry) => sum + entry.errors, 0)),
        ].join(' | '),
      );
      if (leanUrl) {
        leanRows.push(
          [
            scenario.name,
            rps(leanLoads).toFixed(0),
            percent(rps(through), rps(leanLoads)),
            median(leanCpu).toFixed(0),
            percent(median(leanCpu), median(sluiceCpu)),
            percent(median(leanCpu), median(floorCpu)),
            String(leanLoads.reduce((sum, entry) => sum + entry.errors, 0)),
          ].join(' | '),
        );
      }
    }
    const passes = await rollupPasses(processes.sluice);
    console.log(`\nSluice's usage roll-up during the run: ${passes.count} passes, ${passes.seconds.toFixed(1)} s in all`);
    printLeanRows(leanRows);
    await measureKiro(processes, only, sluiceCpuOf.get(scenarios[1].name));
    await measurePool(processes, only, sluiceCpuOf.get(scenarios[2].name));
  } finally {
    await processes.stop();
  }
}

/** The passthrough rows beside the lean gateway (bench/lean-gateway.ts), measured in the same rounds. */
function printLeanRows(rows: string[]): void {
  if (rows.length === 0) return;
  console.log('\nscenario (passthrough) | lean gateway req/s | sluice/lean | CPU µs/req lean | CPU lean/sluice | CPU lean/floor | errors');
  console.log('--- | --- | --- | --- | --- | --- | ---');
  for (const row of rows) console.log(row);
}

/**
 * Converted streams from the Kiro account: rate, latency under load and CPU per request, beside the
 * Anthropic upstream's. No unloaded latency: the fake's own encoding of every frame would be most of it.
 */
async function measureKiro(processes: BenchProcesses, only: string | undefined, anthropicStreamCpu: number | undefined): Promise<void> {
  const kiroScenarios = [
    { name: 'OpenAI in → Kiro, 50-frame stream', route: '/v1/chat/completions', body: { model: kiroModel, messages, stream: true } },
    { name: 'Anthropic in → Kiro, 50-frame stream', route: '/v1/messages', body: { model: kiroModel, messages, max_tokens: 100, stream: true } },
  ].filter((candidate) => !only || candidate.name.toLowerCase().includes(only));
  if (kiroScenarios.length === 0) return;
  console.log('\nscenario (no floor can relay these) | sluice req/s | sluice p50/p99 ms | CPU µs/req sluice | CPU over the Anthropic stream row | errors');
  console.log('--- | --- | --- | --- | --- | ---');
  const headers = { authorization: `Bearer ${processes.adminKey}` };
  for (const scenario of kiroScenarios) {
    const url = `${processes.sluice}${scenario.route}`;
    const loaded: Measurement[] = [];
    const cpu: number[] = [];
    // The account's first calls refresh its token and list its models: warmed up, not measured.
    await measureLoad(url, headers, scenario.body, connections, 1);
    for (let round = 0; round < rounds; round += 1) {
      loaded.push(await measureWithCpu(processes, 'sluice', () => measureLoad(url, headers, scenario.body, connections, seconds), cpu));
    }
    console.log(sluiceOnlyRow(scenario.name, loaded, cpu, anthropicStreamCpu, 1));
  }
}

/**
 * The passthrough JSON row again with BENCH_POOL_ACCOUNTS (default 1,000) accounts serving its model, added
 * last so that no other row sees them: what a large pool costs a request, beside the one-account row.
 */
async function measurePool(processes: BenchProcesses, only: string | undefined, oneAccountCpu: number | undefined): Promise<void> {
  const name = `Anthropic passthrough, JSON, ${poolAccounts.toLocaleString('en')} accounts`;
  if (poolAccounts <= 0 || (only && !name.toLowerCase().includes(only))) return;
  await processes.addAccounts(poolAccounts, ['claude-pool*']);
  console.log('\nscenario (a large pool) | sluice req/s | sluice p50/p99 ms | CPU µs/req sluice | CPU over the one-account row | errors');
  console.log('--- | --- | --- | --- | --- | ---');
  const url = `${processes.sluice}/v1/messages`;
  const headers = { authorization: `Bearer ${processes.adminKey}` };
  const body = { model: 'claude-pool-bench', messages, max_tokens: 100, stream: false };
  const loaded: Measurement[] = [];
  const cpu: number[] = [];
  for (let round = 0; round < rounds; round += 1) {
    await warmUp(url, headers, body);
    loaded.push(await measureWithCpu(processes, 'sluice', () => measureLoad(url, headers, body, connections, seconds), cpu));
  }
  console.log(sluiceOnlyRow(name, loaded, cpu, oneAccountCpu, 2));
}

/** A row of rounds measured through Sluice alone: rate, latency, CPU per request and its ratio to `reference`. */
function sluiceOnlyRow(name: string, loaded: Measurement[], cpu: number[], reference: number | undefined, digits: number): string {
  return [
    name,
    median(loaded.map((entry) => entry.rps)).toFixed(0),
    `${median(loaded.map((entry) => entry.p50))}/${median(loaded.map((entry) => entry.p99))}`,
    median(cpu).toFixed(0),
    reference === undefined ? 'n/a' : `${(median(cpu) / reference).toFixed(digits)}×`,
    String(loaded.reduce((sum, entry) => sum + entry.errors, 0)),
  ].join(' | ');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
