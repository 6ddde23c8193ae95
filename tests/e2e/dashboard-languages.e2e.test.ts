import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic } from '../fakes/anthropic-fake.js';
import { anthropicText } from '../fakes/anthropic-fake-scenario.js';
import { cutCells, fullyVisibleHorizontally, sidewaysOverflow, tablesScrollingSideways } from './dashboard-layout-checks.js';
import { ensureWebBuild, repositoryRoot, startDashboardServer, type DashboardServer } from './dashboard-server.js';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = fs.existsSync(chromiumPath);
const screenshotDirectory = path.join(repositoryRoot, 'test-results/screenshots');
const adminKey = 'amq-' + 'l'.repeat(64);
const pages = [
  { path: '', en: 'Dashboard', zh: '概览' },
  { path: 'accounts', en: 'Accounts', zh: '上游账号' },
  { path: 'api-keys', en: 'API keys', zh: 'API 密钥' },
  { path: 'requests', en: 'Request logs', zh: '请求日志' },
  { path: 'audit', en: 'Audit log', zh: '审计日志' },
  { path: 'settings', en: 'Settings', zh: '设置' },
] as const;

describe.skipIf(!hasChromium)('dashboard in both languages, at desktop and phone width, against the real server', () => {
  let server: DashboardServer;
  let fake: Awaited<ReturnType<typeof startFakeAnthropic>>;
  let browser: Browser;
  let page: Page;
  let holderKey = '';
  const consoleErrors: string[] = [];
  const overflow: Record<string, number> = {};

  const admin = async (method: string, target: string, body?: unknown) => {
    const response = await fetch(`${server.baseUrl}${target}`, { method, headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
    if (!response.ok) throw new Error(`${method} ${target}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<Record<string, unknown>>;
  };
  const chat = (key: string, model: string) =>
    fetch(`${server.baseUrl}/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify({ model, messages: [{ role: 'user', content: 'hi' }] }) });
  const shot = async (name: string) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(screenshotDirectory, `${name}.png`), fullPage: true });
  };

  /** Visits every admin page through the navigation (side menu, or the drawer on phones) and records sideways overflow. */
  const visitEveryPage = async (language: 'en' | 'zh', width: number) => {
    for (const entry of pages) {
      if (width < 768) {
        await page.getByRole('button', { name: language === 'en' ? 'Open the menu' : '打开菜单' }).click();
        await page.locator('.ant-drawer').getByRole('menuitem', { name: entry[language] }).click();
        await page.locator('.ant-drawer-content').waitFor({ state: 'hidden' });
      } else {
        await page.getByRole('menuitem', { name: entry[language] }).click();
      }
      await page.waitForURL(`**/admin/dashboard/${entry.path}`);
      await page.locator('.ant-card').first().waitFor();
      await page.waitForTimeout(600);
      overflow[`${language}-${width}-${entry.path || 'dashboard'}`] = await sidewaysOverflow(page);
      await shot(`lang-${language}-${width}-${entry.path || 'dashboard'}`);
    }
  };

  beforeAll(async () => {
    fs.mkdirSync(screenshotDirectory, { recursive: true });
    ensureWebBuild();
    fake = await startFakeAnthropic();
    server = await startDashboardServer({ ADMIN_KEY: adminKey });
    await admin('POST', '/admin/accounts', { name: 'fake anthropic', provider: 'anthropic', api_key: 'sk-ant-test-0123456789', base_url: fake.url, models: ['claude-*'] });
    await admin('POST', '/admin/accounts', { name: 'unreachable openai with a long name', provider: 'openai', api_key: 'sk-test-0123456789', base_url: 'http://127.0.0.1:9/v1', models: ['gpt-*'] });
    const holder = await admin('POST', '/admin/api-keys', { name: 'key holder', requests_per_day: 100, budgets: { daily_cost: 2 } });
    holderKey = String(holder.key);
    for (let index = 0; index < 3; index += 1) {
      fake.enqueue(anthropicText('Hello.', { input_tokens: 1000, output_tokens: 300 }));
      expect((await chat(holderKey, 'claude-sonnet-4-5')).status).toBe(200);
    }
    await chat(holderKey, 'gpt-4o'); // fails upstream: the account gets a last error
    browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox', '--headless', '--disable-gpu', '--no-first-run', '--disable-sync'] });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'en-US' });
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
  }, 180_000);

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && page) {
      const name = context.task.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
      await page.screenshot({ path: path.join(screenshotDirectory, `failed-${name}.png`), fullPage: true }).catch(() => undefined);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await fake?.close();
  });

  it('English at 1280 px: every page fits, Actions columns are whole, last errors and costs are not cut', async () => {
    await page.goto(`${server.baseUrl}/admin/`);
    await page.getByLabel('API key').fill(adminKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Last 7 days').waitFor();
    await visitEveryPage('en', 1280);

    await page.getByRole('menuitem', { name: 'Accounts' }).click();
    await page.locator('.ant-table-row', { hasText: 'unreachable openai' }).waitFor();
    expect(await fullyVisibleHorizontally(page, 'account-actions')).toEqual({ count: 2, clipped: 0 });
    await page.getByTestId('last-error').first().waitFor();
    expect(await fullyVisibleHorizontally(page, 'last-error')).toEqual({ count: 1, clipped: 0 });
    expect(await tablesScrollingSideways(page)).toBe(0);
    await page.getByRole('menuitem', { name: 'API keys' }).click();
    await page.locator('.ant-table-row', { hasText: 'key holder' }).waitFor();
    expect(await fullyVisibleHorizontally(page, 'key-actions')).toEqual({ count: 2, clipped: 0 });
    expect(await tablesScrollingSideways(page)).toBe(0);
    await page.getByRole('menuitem', { name: 'Dashboard' }).click();
    await page.locator('.ant-table-row', { hasText: 'key holder' }).waitFor();
    expect(await cutCells(page, '.ant-table-row td.ant-table-cell-align-right span')).toEqual([]);
  }, 120_000);

  it('Chinese at 1280 px follows the switch, Ant Design included, and remembers it', async () => {
    await page.getByRole('radio', { name: '中文' }).check({ force: true }).catch(async () => page.getByText('中文', { exact: true }).click());
    await page.getByRole('menuitem', { name: '上游账号' }).waitFor();
    expect(await page.evaluate<string>('document.documentElement.lang')).toBe('zh-CN');
    await page.reload();
    await page.getByRole('menuitem', { name: '上游账号' }).waitFor();
    await visitEveryPage('zh', 1280);
    await page.getByRole('menuitem', { name: '上游账号' }).click();
    await page.locator('.ant-table-row', { hasText: 'unreachable openai' }).waitFor();
    expect(await fullyVisibleHorizontally(page, 'account-actions')).toEqual({ count: 2, clipped: 0 });
    expect(await tablesScrollingSideways(page)).toBe(0);
    await page.getByRole('button', { name: '添加账号' }).click();
    await page.getByRole('dialog', { name: '添加账号' }).getByText('amazonq').waitFor();
    await shot('lang-zh-1280-account-form');
    await page.keyboard.press('Escape');
  }, 120_000);

  it('at 390 px in both languages no page scrolls sideways and the menu reaches every page', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.baseUrl}/admin/dashboard/`);
    await visitEveryPage('zh', 390);
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('button', { name: 'Open the menu' }).waitFor();
    await visitEveryPage('en', 390);
    const sideways = Object.entries(overflow).filter(([, value]) => value > 0);
    expect(sideways).toEqual([]);
    expect(Object.keys(overflow)).toHaveLength(pages.length * 4);
    await page.setViewportSize({ width: 1280, height: 860 });
  }, 180_000);

  it('settings round trip: every field validated, saved, shown again after a reload, and audited', async () => {
    await page.goto(`${server.baseUrl}/admin/dashboard/settings`);
    const form = page.locator('form');
    // The form fills in once the settings arrive: clear a field only after that, or every field is empty.
    const attempts = form.getByLabel('Max failover attempts');
    for (let tries = 0; tries < 100 && (await attempts.inputValue()) === ''; tries += 1) await page.waitForTimeout(100);
    await attempts.fill('');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Enter a value', { exact: true }).waitFor();
    await form.getByLabel('Max failover attempts').fill('99');
    await form.getByLabel('Queue timeout (ms)').focus(); // the input keeps to the server's maximum of 10
    await expect(form.getByLabel('Max failover attempts').inputValue()).resolves.toBe('10');
    await form.getByLabel('Max failover attempts').fill('4');
    await form.getByLabel('Queue timeout (ms)').fill('250');
    await form.getByLabel('Time zone').click();
    await page.keyboard.type('Asia/Shanghai');
    await page.locator('.ant-select-item-option', { hasText: /^Asia\/Shanghai$/ }).click();
    await shot('settings-edited');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved').waitFor();
    const stored = await admin('GET', '/admin/settings');
    expect(stored).toMatchObject({ max_failover_attempts: 4, queue_timeout_ms: 250, timezone: 'Asia/Shanghai' });
    await page.reload();
    await expect(form.getByLabel('Queue timeout (ms)').inputValue()).resolves.toBe('250');
    await page.getByText('Asia/Shanghai').first().waitFor();

    await page.getByRole('menuitem', { name: 'Audit log' }).click();
    const entry = page.locator('.ant-table-row', { hasText: 'settings.update' }).first();
    await entry.waitFor();
    await entry.locator('.ant-table-row-expand-icon').click();
    const changes = page.getByTestId('audit-changes').first();
    await changes.getByRole('cell', { name: 'Asia/Shanghai' }).waitFor();
    await changes.getByRole('cell', { name: 'UTC' }).waitFor();
    await shot('audit-after-settings');
    const audit = await admin('GET', '/admin/audit?target_type=settings');
    expect((audit.data as Array<Record<string, unknown>>)[0]).toMatchObject({ action: 'settings.update', before: { timezone: 'UTC', queue_timeout_ms: 0, max_failover_attempts: 3 }, after: { timezone: 'Asia/Shanghai', queue_timeout_ms: 250, max_failover_attempts: 4 } });
    await page.getByRole('menuitem', { name: 'Dashboard' }).click();
    await page.getByTestId('totals-today').getByText('Asia/Shanghai').waitFor();
  }, 120_000);

  it('a key holder signs in to their own page: limits, what is left, usage, own requests', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API key').fill(holderKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const own = page.getByTestId('my-key-page');
    await own.getByText('Key: key holder').waitFor();
    await own.getByText('Requests per day').waitFor();
    await own.getByText('96 left').waitFor();
    await own.getByText('Daily budget').waitFor();
    await own.locator('canvas').first().waitFor();
    expect(await own.locator('.ant-table-row').count()).toBe(4);
    expect(await page.getByRole('menuitem').count()).toBe(0);
    await shot('key-holder-1280');
    await page.setViewportSize({ width: 390, height: 844 });
    await page.waitForTimeout(500);
    expect(await sidewaysOverflow(page)).toBe(0);
    await shot('key-holder-390');
    expect(consoleErrors).toEqual([]);
  }, 60_000);
});
