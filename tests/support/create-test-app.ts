import { generateApiKey } from '../../src/auth/api-key-material.js';
import { ensureAdminKey } from '../../src/auth/ensure-admin-key.js';
import { createApp } from '../../src/server/app.js';
import type { App } from '../../src/server/app-env.js';
import { createTestContext, type TestContext, type TestContextOptions } from './create-test-context.js';

export interface TestApp {
  app: App;
  context: TestContext;
  /** Plaintext admin key, already stored (as ADMIN_KEY would). */
  adminKey: string;
  /** `app.request` with the admin key and a JSON body: `await request('POST', '/admin/api-keys', {name: 'x'})`. */
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  close(): Promise<void>;
}

/** The full Hono app on a throwaway context, for `app.request()` tests without a socket. */
export async function createTestApp(options: TestContextOptions = {}): Promise<TestApp> {
  const adminKey = options.config?.adminKey ?? generateApiKey().key;
  const context = await createTestContext({ ...options, config: { ...options.config, adminKey } });
  await ensureAdminKey({ db: context.database.db, bus: context.changeBus, adminKey });
  const app = createApp(context);
  return {
    app,
    context,
    adminKey,
    request: (method, path, body, headers = {}) =>
      Promise.resolve(
        app.request(path, {
          method,
          headers: { authorization: `Bearer ${adminKey}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
          body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
        }),
      ),
    close: () => context.shutdown(),
  };
}
