import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Context } from 'hono';
import type { App, AppEnv } from '../app-env.js';

/** Where `npm run build -w web` writes the admin UI. */
export const defaultDashboardDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../web/dist');

const dashboardPrefix = '/admin/dashboard/';

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The UI keeps an admin key in localStorage: allow only its own scripts, and no framing. */
const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export interface DashboardRouteOptions {
  /** The built UI; defaults to web/dist beside the sources. */
  directory?: string;
}

/**
 * Serves the built admin UI at /admin/dashboard/* (SPA fallback to index.html) and sends /admin and
 * /admin/ there. No auth: the UI signs in with an admin key itself. Register before the admin auth.
 */
export function registerDashboardRoutes(app: App, options: DashboardRouteOptions = {}): void {
  const directory = path.resolve(options.directory ?? defaultDashboardDirectory);
  const redirectToDashboard = (c: Context<AppEnv>) => c.redirect(dashboardPrefix, 302);
  app.on(['GET', 'HEAD'], '/admin', redirectToDashboard);
  app.on(['GET', 'HEAD'], '/admin/', redirectToDashboard);
  app.on(['GET', 'HEAD'], '/admin/dashboard', redirectToDashboard);
  app.on(['GET', 'HEAD'], '/admin/dashboard/*', (c) => serveDashboardFile(c, directory));
}

async function serveDashboardFile(c: Context<AppEnv>, directory: string): Promise<Response> {
  const indexFile = path.join(directory, 'index.html');
  if (!(await isFile(indexFile))) {
    return c.text('The admin UI has not been built: run npm run build -w web', 503, { 'cache-control': 'no-store' });
  }
  const relativePath = decodeRelativePath(c.req.path.slice(dashboardPrefix.length));
  const candidate = relativePath ? path.resolve(directory, relativePath) : indexFile;
  const insideDirectory = candidate === directory || candidate.startsWith(directory + path.sep);
  if (insideDirectory && candidate !== indexFile && (await isFile(candidate))) {
    const immutable = relativePath?.startsWith('assets/') ?? false;
    return sendFile(c, candidate, immutable ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
  }
  // A missing asset is a real 404; any other path is a client-side route and gets the app shell.
  if (relativePath?.startsWith('assets/')) return c.text('Not found', 404);
  return sendFile(c, indexFile, 'no-cache');
}

function decodeRelativePath(rawPath: string): string | null {
  try {
    const decoded = decodeURIComponent(rawPath);
    return decoded.includes('\0') ? null : decoded.replace(/^\/+/, '') || null;
  } catch {
    return null;
  }
}

async function isFile(filePath: string): Promise<boolean> {
  try {
    return (await stat(filePath)).isFile();
  } catch {
    return false;
  }
}

async function sendFile(c: Context<AppEnv>, filePath: string, cacheControl: string): Promise<Response> {
  const body = await readFile(filePath);
  const contentType = contentTypes[path.extname(filePath).toLowerCase()] ?? 'application/octet-stream';
  const headers: Record<string, string> = { 'content-type': contentType, 'cache-control': cacheControl, 'content-length': String(body.byteLength), 'x-content-type-options': 'nosniff' };
  if (contentType.startsWith('text/html')) {
    headers['content-security-policy'] = contentSecurityPolicy;
    headers['x-frame-options'] = 'DENY';
  }
  if (c.req.method === 'HEAD') return new Response(null, { status: 200, headers });
  return new Response(new Uint8Array(body), { status: 200, headers });
}
