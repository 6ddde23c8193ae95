import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from '../app-env.js';
import { registerDashboardRoutes } from './dashboard.js';

let directory: string;

function buildApp(dashboardDirectory: string) {
  const app = new OpenAPIHono<AppEnv>();
  registerDashboardRoutes(app, { directory: dashboardDirectory });
  // Stands in for the admin API auth registered after the dashboard.
  app.use('/admin/*', async (c) => c.json({ error: { type: 'authentication_error', message: 'no key' } }, 401));
  return app;
}

beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'sluice-dashboard-'));
  await mkdir(path.join(directory, 'assets'));
  await writeFile(path.join(directory, 'index.html'), '<!doctype html><title>Sluice</title>');
  await writeFile(path.join(directory, 'assets', 'index-abc123.js'), 'console.log(1)');
  await writeFile(path.join(directory, 'assets', 'index-abc123.css'), 'body{}');
  await writeFile(path.join(directory, 'favicon.svg'), '<svg/>');
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('dashboard routes', () => {
  it('redirects /admin, /admin/ and /admin/dashboard to the UI', async () => {
    const app = buildApp(directory);
    for (const target of ['/admin', '/admin/', '/admin/dashboard']) {
      const response = await app.request(target);
      expect(response.status).toBe(302);
      expect(response.headers.get('location')).toBe('/admin/dashboard/');
    }
  });

  it('serves index.html without auth and without long caching', async () => {
    const response = await buildApp(directory).request('/admin/dashboard/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(await response.text()).toContain('<title>Sluice</title>');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves hashed assets with their content type and a long cache', async () => {
    const app = buildApp(directory);
    const script = await app.request('/admin/dashboard/assets/index-abc123.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const style = await app.request('/admin/dashboard/assets/index-abc123.css');
    expect(style.headers.get('content-type')).toBe('text/css; charset=utf-8');
    const icon = await app.request('/admin/dashboard/favicon.svg');
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(icon.headers.get('cache-control')).toBe('public, max-age=300');
  });

  it('falls back to index.html for client-side routes, 404 for missing assets', async () => {
    const app = buildApp(directory);
    const route = await app.request('/admin/dashboard/accounts');
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Sluice</title>');
    expect((await app.request('/admin/dashboard/assets/missing-123.js')).status).toBe(404);
  });

  it('never serves files outside the build directory', async () => {
    const app = buildApp(directory);
    const response = await app.request('/admin/dashboard/..%2f..%2fetc%2fpasswd');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Sluice</title>');
  });

  it('answers HEAD without a body', async () => {
    const response = await buildApp(directory).request('/admin/dashboard/assets/index-abc123.js', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('leaves the admin API to the auth middleware', async () => {
    expect((await buildApp(directory).request('/admin/accounts')).status).toBe(401);
  });

  it('answers 503 with the build command when the UI is not built', async () => {
    const response = await buildApp(path.join(directory, 'missing')).request('/admin/dashboard/');
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('run npm run build -w web');
  });
});
