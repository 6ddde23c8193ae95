// Renders docs/dashboard.png: a week of sample traffic recorded through the real usage recorder, shown by the
// real server in Chromium. Run with `npx tsx tests/e2e/dashboard-readme-screenshot.ts` (needs /usr/bin/chromium).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ensureAdminKey } from '../../src/auth/ensure-admin-key.js';
import { loadConfig } from '../../src/config/config.js';
import { createContext } from '../../src/context.js';
import { createLogger } from '../../src/logging/logger.js';
import { createApp } from '../../src/server/app.js';
import { ensureWebBuild, repositoryRoot, startDashboardServer } from './dashboard-server.js';

const adminKey = 'amq-' + 'r'.repeat(64);
const hour = 3_600_000;
const models = [
  { model: 'claude-sonnet-4-5', provider: 'anthropic', share: 0.45 },
  { model: 'claude-haiku-4-5', provider: 'anthropic', share: 0.2 },
  { model: 'gpt-4.1', provider: 'openai', share: 0.2 },
  { model: 'claude-opus-4-1', provider: 'amazonq', share: 0.15 },
];

/** A small deterministic pseudo-random sequence so the picture is the same every run. */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

async function seed(dataDirectory: string): Promise<void> {
  const config = loadConfig({ DATA_DIR: dataDirectory, ADMIN_KEY: adminKey, LOG_LEVEL: 'warn' });
  const context = await createContext(config, createLogger('warn'), 'screenshot');
  await ensureAdminKey({ db: context.database.db, bus: context.changeBus, adminKey: config.adminKey });
  const app = createApp(context);
  const call = async (method: string, target: string, body: unknown) => {
    const response = await app.request(target, { method, headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) throw new Error(`${method} ${target}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { id: string };
  };
  const keys = [await call('POST', '/admin/api-keys', { name: 'alice (laptop)' }), await call('POST', '/admin/api-keys', { name: 'ci pipeline' }), await call('POST', '/admin/api-keys', { name: 'bob' })];
  const accounts: Record<string, { id: string }> = {
    anthropic: await call('POST', '/admin/accounts', { name: 'anthropic team', provider: 'anthropic', api_key: 'sk-ant-sample-0000000000' }),
    openai: await call('POST', '/admin/accounts', { name: 'openai main', provider: 'openai', api_key: 'sk-sample-0000000000' }),
    amazonq: await call('POST', '/admin/accounts', { name: 'q developer 1', refresh_token: 'sample-refresh-token', client_id: 'sample-client', client_secret: 'sample-secret' }),
  };
  const random = createRandom(7);
  const now = Date.now();
  for (let hoursAgo = 7 * 24; hoursAgo >= 0; hoursAgo -= 1) {
    const daytime = Math.sin(((new Date(now - hoursAgo * hour).getUTCHours() - 8) / 24) * 2 * Math.PI) + 1.2;
    const count = Math.round(daytime * 6 * (0.6 + random()));
    for (let index = 0; index < count; index += 1) {
      let pick = random();
      const choice = models.find((entry) => (pick -= entry.share) < 0) ?? models[0]!;
      const failed = random() < 0.04;
      const inputTokens = Math.round(800 + random() * 6000);
      context.usage.record({
        id: `sample-${hoursAgo}-${index}`,
        createdAt: now - hoursAgo * hour - Math.round(random() * hour * 0.9),
        apiKeyId: keys[Math.floor(random() * keys.length)]!.id,
        accountId: accounts[choice.provider]!.id,
        provider: choice.provider,
        requestedModel: choice.model,
        upstreamModel: choice.model,
        stream: random() < 0.7,
        clientFormat: random() < 0.6 ? 'anthropic' : 'openai',
        usage: failed
          ? { inputTokens: 0, outputTokens: 0, cacheReadTokens: 0, cacheWriteTokens: 0 }
          : { inputTokens, outputTokens: Math.round(200 + random() * 1500), cacheReadTokens: Math.round(random() * inputTokens * 2), cacheWriteTokens: Math.round(random() * 400) },
        latencyMs: Math.round(900 + random() * 9000),
        ttftMs: failed ? null : Math.round(300 + random() * 1200),
        status: failed ? 'error' : 'success',
        httpStatus: failed ? 529 : 200,
        errorType: failed ? 'overloaded_error' : null,
        errorMessage: failed ? 'Upstream overloaded' : null,
        clientIp: '10.0.0.12',
        userAgent: 'claude-cli/2.0',
      });
    }
    if (hoursAgo % 24 === 0) await context.usage.flush();
  }
  await context.usage.flush();
  for (let hoursAgo = 7 * 24 + 1; hoursAgo >= 0; hoursAgo -= 1) await context.usage.rollup(now - hoursAgo * hour);
  await context.shutdown();
}

async function main(): Promise<void> {
  ensureWebBuild();
  const dataDirectory = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-readme-'));
  await seed(dataDirectory);
  const server = await startDashboardServer({ ADMIN_KEY: adminKey, DATA_DIR: dataDirectory });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${server.baseUrl}/admin/dashboard/`);
    await page.evaluate(`window.localStorage.setItem('sluice.adminKey', ${JSON.stringify(adminKey)}); window.localStorage.setItem('sluice.language', 'en'); window.localStorage.setItem('sluice.theme', 'light')`);
    await page.reload();
    await page.getByText('7 days', { exact: true }).click();
    await page.getByTestId('timeline-chart').locator('canvas').first().waitFor();
    await page.waitForTimeout(1000);
    const output = path.join(repositoryRoot, 'docs/dashboard.png');
    fs.mkdirSync(path.dirname(output), { recursive: true });
    await page.screenshot({ path: output, fullPage: true });
    console.log(`wrote ${output}`);
  } finally {
    await browser.close();
    await server.stop();
    fs.rmSync(dataDirectory, { recursive: true, force: true });
  }
}

await main();
