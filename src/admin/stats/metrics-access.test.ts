import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../tests/support/create-test-app.js';
import { createMetricsApp } from './register-metrics-route.js';

describe('/metrics access', () => {
  let harness: TestApp | undefined;
  afterEach(async () => {
    await harness?.close();
    harness = undefined;
  });

  it('is public by default', async () => {
    harness = await createTestApp();
    expect((await harness.app.request('/metrics')).status).toBe(200);
  });

  it('needs the Bearer token when METRICS_TOKEN is set', async () => {
    harness = await createTestApp({ config: { metrics: { token: 'scrape-token' } } });
    const anonymous = await harness.app.request('/metrics');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await anonymous.text()).not.toContain('sluice_');
    expect((await harness.app.request('/metrics', { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    // An admin key is not the metrics token.
    expect((await harness.request('GET', '/metrics')).status).toBe(401);
    const allowed = await harness.app.request('/metrics', { headers: { authorization: 'Bearer scrape-token' } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toMatch(/^# HELP/m);
  });

  it('moves to its own listener when METRICS_PORT is set', async () => {
    harness = await createTestApp({ config: { metrics: { port: 9464 } } });
    expect((await harness.app.request('/metrics')).status).toBe(404);
    const metricsApp = createMetricsApp(harness.context);
    expect((await metricsApp.request('/metrics')).status).toBe(200);
    expect((await metricsApp.request('/admin/accounts')).status).toBe(404);
  });
});
