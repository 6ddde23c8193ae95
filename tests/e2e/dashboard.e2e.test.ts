import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAnthropic } from '../fakes/anthropic-fake.js';
import { anthropicText } from '../fakes/anthropic-fake-scenario.js';
import { ensureWebBuild, repositoryRoot, startDashboardServer, type DashboardServer } from './dashboard-server.js';

const chromiumPath = '/usr/bin/chromium';
const hasChromium = fs.existsSync(chromiumPath);
if (!hasChromium) console.warn(`dashboard e2e skipped: ${chromiumPath} not found (apt-get install chromium)`);

const screenshotDirectory = path.join(repositoryRoot, 'test-results/screenshots');
const adminKey = 'amq-' + 'd'.repeat(64);

describe.skipIf(!hasChromium)('admin dashboard in a real browser against the real server', () => {
  let server: DashboardServer;
  let fake: Awaited<ReturnType<typeof startFakeAnthropic>>;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  const shot = async (name: string) => {
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(screenshotDirectory, `${name}.png`), fullPage: true });
  };
  const openPage = async (label: string) => {
    await page.getByRole('menuitem', { name: label }).click();
  };

  beforeAll(async () => {
    fs.mkdirSync(screenshotDirectory, { recursive: true });
    ensureWebBuild();
    fake = await startFakeAnthropic();
    server = await startDashboardServer({ ADMIN_KEY: adminKey });
    browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    page = await browser.newPage({ viewport: { width: 1280, height: 860 } });
    page.on('pageerror', (error) => consoleErrors.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      // The browser logs every 401/403 it receives; the wrong-key step causes them on purpose.
      if (message.type() === 'error' && !/status of 40[13]/.test(message.text())) consoleErrors.push(message.text());
    });
  }, 180_000);

  afterEach(async (context) => {
    if (context.task.result?.state === 'fail' && page) {
      const name = context.task.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
      await page.screenshot({ path: path.join(screenshotDirectory, `failed-${name}.png`), fullPage: true }).catch(() => undefined);
      const tree = await page.locator('body').ariaSnapshot().catch(() => '');
      fs.writeFileSync(path.join(screenshotDirectory, `failed-${name}.aria.txt`), tree);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await fake?.close();
  });

  it('serves the UI at /admin/ without a key and 401s the API', async () => {
    const redirect = await fetch(`${server.baseUrl}/admin/`, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.get('location')).toBe('/admin/dashboard/');
    const shell = await fetch(`${server.baseUrl}/admin/dashboard/accounts`);
    expect(shell.status).toBe(200);
    expect(shell.headers.get('content-type')).toContain('text/html');
    expect((await fetch(`${server.baseUrl}/admin/accounts`)).status).toBe(401);
  });

  it('refuses a wrong key, shows a non-admin key its own page, then signs in as admin', async () => {
    await page.goto(`${server.baseUrl}/admin/`);
    await page.getByText('Sign in with an API key').waitFor();
    await shot('01-sign-in');
    await page.getByLabel('API key').fill('amq-wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('This key is not valid').waitFor();
    await shot('02-sign-in-wrong-key');

    const userKey = await fetch(`${server.baseUrl}/admin/api-keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'not an admin' }),
    }).then((response) => response.json() as Promise<{ key: string }>);
    await page.getByLabel('API key').fill(userKey.key);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByTestId('my-key-page').getByText('Key: not an admin').waitFor();
    expect(await page.getByRole('menuitem').count()).toBe(0);
    await page.getByRole('button', { name: 'Sign out' }).click();

    await page.getByLabel('API key').fill(adminKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByText('Last 7 days').waitFor();
    expect(await page.evaluate(`window.localStorage.getItem('sluice.adminKey')`)).toBe(adminKey);
    await shot('03-dashboard-empty');
  }, 60_000);

  it('adds an account through the form', async () => {
    await openPage('Accounts');
    await page.getByRole('button', { name: 'Add account' }).click();
    const drawer = page.getByRole('dialog', { name: 'Add account' });
    await drawer.getByLabel('Refresh token').waitFor(); // Amazon Q is the default provider, as in the API
    await drawer.getByLabel('Provider').click();
    await page.locator('.ant-select-item-option', { hasText: /^anthropic$/ }).click();
    await drawer.getByLabel('Name').fill('fake anthropic');
    await drawer.getByLabel('API key').fill('sk-ant-test-0123456789');
    await drawer.getByLabel('Base URL').fill(fake.url);
    await drawer.getByLabel('Requests per minute').fill('60');
    await shot('04-account-form');
    await drawer.getByRole('button', { name: 'Add', exact: true }).click();
    await drawer.waitFor({ state: 'hidden' });
    const row = page.locator('.ant-table-row', { hasText: 'fake anthropic' });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('anthropic');
    await shot('05-accounts');
  }, 60_000);

  it('edits, tests, toggles and imports accounts', async () => {
    const row = () => page.locator('.ant-table-row', { hasText: 'fake anthropic' });
    await page.getByRole('button', { name: 'Edit fake anthropic' }).click();
    const drawer = page.getByRole('dialog', { name: 'Edit fake anthropic' });
    await expect(drawer.getByLabel('API key').getAttribute('placeholder')).resolves.toContain('leave blank to keep');
    await expect.poll(() => drawer.getByLabel('Name').inputValue()).toBe('fake anthropic');
    await drawer.getByLabel('Requests per minute').fill('120');
    await drawer.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved fake anthropic').waitFor();
    await drawer.waitFor({ state: 'hidden' });
    await row().getByText(/ \/ 120$/).waitFor();

    await page.getByRole('button', { name: 'Test fake anthropic' }).click();
    await page.getByText('Test of fake anthropic').filter({ visible: true }).waitFor();
    await page.getByTestId('account-test-result').waitFor();
    await shot('05b-account-test');
    await page.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Refresh balance of fake anthropic' }).click();
    await page.locator('.ant-message-notice').filter({ hasText: 'fake anthropic' }).last().waitFor();

    await page.getByRole('switch', { name: 'Enable fake anthropic' }).click();
    await row().getByText('off').waitFor();
    await page.getByRole('switch', { name: 'Enable fake anthropic' }).click();
    await row().getByText('active').waitFor();

    await page.getByRole('button', { name: 'Import' }).click();
    await page.getByLabel('Accounts JSON').fill(JSON.stringify([{ name: 'imported openai', provider: 'openai', api_key: 'sk-imported-0123456789' }, { name: 'broken', provider: 'openai' }]));
    await page.getByRole('button', { name: 'Import', exact: true }).last().click();
    const results = page.getByRole('dialog', { name: 'Import accounts' });
    await results.getByText('created').waitFor();
    await results.getByText('rejected').waitFor();
    await shot('05c-account-import');
    await page.getByRole('button', { name: 'Done' }).click();
    await page.locator('.ant-table-row', { hasText: 'imported openai' }).waitFor();

    await page.getByRole('button', { name: 'Delete imported openai' }).click();
    await page.getByRole('button', { name: 'Delete', exact: true }).click();
    await page.locator('.ant-table-row', { hasText: 'imported openai' }).waitFor({ state: 'detached' });
  }, 60_000);

  let clientKey = '';
  it('creates an API key and shows it once', async () => {
    await openPage('API keys');
    await page.getByRole('button', { name: 'Create key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create API key' });
    await dialog.getByLabel('Name').fill('e2e client');
    await dialog.getByRole('button', { name: 'Create' }).click();
    const created = page.getByTestId('created-key');
    await created.waitFor();
    clientKey = ((await created.textContent()) ?? '').trim();
    expect(clientKey).toMatch(/^amq-[A-Za-z0-9_-]{64}$/);
    await shot('06-key-created');
    await page.getByRole('button', { name: 'I have copied it' }).click();
    await page.locator('.ant-table-row', { hasText: 'e2e client' }).waitFor();
    await shot('07-api-keys');

    await page.getByRole('button', { name: 'Edit e2e client' }).click();
    const editDialog = page.getByRole('dialog', { name: 'Edit e2e client' });
    // The dialog fills its form just after it opens: typing before that would be reset by it.
    await expect.poll(() => editDialog.getByLabel('Name').inputValue()).toBe('e2e client');
    await editDialog.getByLabel('Requests per minute').fill('30');
    await editDialog.getByRole('button', { name: 'Save' }).click();
    await page.locator('.ant-table-row', { hasText: 'e2e client' }).getByText('30 / ∞').waitFor();

    await page.getByRole('button', { name: 'Revoke not an admin' }).click();
    await page.getByRole('button', { name: 'Revoke', exact: true }).click();
    await page.locator('.ant-table-row', { hasText: 'not an admin' }).waitFor({ state: 'detached' });
  }, 60_000);

  it('shows a request sent through /v1/chat/completions in the logs and on the dashboard', async () => {
    const send = async (model: string, stream: boolean) => {
      fake.enqueue(anthropicText('Hello from the fake.', { input_tokens: 1200, output_tokens: 340, cache_read_input_tokens: 200 }));
      const response = await fetch(`${server.baseUrl}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${clientKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model, stream, messages: [{ role: 'user', content: 'Say hello' }] }),
      });
      const text = await response.text();
      expect(response.status, text).toBe(200);
    };
    await send('claude-sonnet-4-5', false);
    await send('claude-sonnet-4-5', true);
    await send('claude-haiku-4-5', false);

    await openPage('Request logs');
    const firstRow = page.locator('.ant-table-row', { hasText: 'claude-sonnet-4-5' }).first();
    // Usage rows are written in batches about once a second: refresh until they show.
    for (let attempt = 0; attempt < 20 && !(await firstRow.isVisible()); attempt += 1) {
      await page.waitForTimeout(500);
      await page.getByRole('button', { name: 'Refresh' }).click();
    }
    await firstRow.waitFor();
    expect(await page.locator('.ant-table-row').count()).toBe(3);
    await shot('08-request-logs');
    await firstRow.click();
    await page.getByRole('dialog', { name: 'Request' }).getByText('Time to first token').waitFor();
    await shot('09-request-detail');
    await page.keyboard.press('Escape');

    await openPage('Dashboard');
    await page.getByTestId('timeline-chart').locator('canvas').first().waitFor();
    await expect(page.getByTestId('totals-today').textContent()).resolves.toMatch(/Requests3/);
    await page.locator('.ant-table-row', { hasText: 'e2e client' }).waitFor();
    await shot('10-dashboard');
  }, 90_000);

  it('edits settings', async () => {
    await openPage('Settings');
    await page.getByRole('button', { name: 'Add mapping' }).click();
    await page.getByLabel('Requested model').last().fill('gpt-4o');
    await page.getByLabel('Upstream model').last().fill('claude-haiku-4-5');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved').waitFor();
    const settings = await fetch(`${server.baseUrl}/admin/settings`, { headers: { authorization: `Bearer ${adminKey}` } }).then((response) => response.json() as Promise<{ model_mappings: Record<string, string> }>);
    expect(settings.model_mappings['gpt-4o']).toBe('claude-haiku-4-5');
    await shot('11-settings');
  }, 60_000);

  it('works at phone width and signs out', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await openPage('Dashboard').catch(() => undefined);
    await page.goto(`${server.baseUrl}/admin/dashboard/`);
    await page.getByText('Last 7 days').waitFor();
    await shot('12-phone-dashboard');
    await page.goto(`${server.baseUrl}/admin/dashboard/accounts`);
    await page.locator('.ant-table-row', { hasText: 'fake anthropic' }).first().waitFor();
    await shot('13-phone-accounts');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByText('Sign in with an API key').waitFor();
    expect(await page.evaluate(`window.localStorage.getItem('sluice.adminKey')`)).toBeNull();
    expect(consoleErrors).toEqual([]);
  }, 60_000);
});
