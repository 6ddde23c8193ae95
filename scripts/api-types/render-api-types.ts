import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import pino from 'pino';
import { createContext } from '../../src/context.js';
import { createApp } from '../../src/server/app.js';

/** Where the admin UI keeps the types generated from the server's own OpenAPI document. */
export const apiTypesFile = path.resolve(import.meta.dirname, '../../web/src/api/generated/sluice-api.ts');

const header = `// Generated from Sluice's own GET /openapi.json by \`npm run generate:api-types\`. Do not edit by hand:
// change the route schemas on the server and regenerate; a test fails while this file is out of date.
`;

/** Builds the app in-process on a throwaway SQLite database (no server, no network) and reads its OpenAPI document. */
export async function readOpenApiDocument(): Promise<Record<string, unknown>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sluice-openapi-'));
  const context = await createContext(
    {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      database: { kind: 'sqlite', file: path.join(dataDir, 'sluice.db') },
      secretKey: 'openapi-generation-only-'.padEnd(40, 'x'),
      logLevel: 'silent',
      bodyLimitBytes: 1024 * 1024,
      shutdownTimeoutMs: 1000,
    },
    pino({ level: 'silent' }),
    '0.0.0',
  );
  try {
    const response = await createApp(context).request('/openapi.json');
    return (await response.json()) as Record<string, unknown>;
  } finally {
    await context.shutdown();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The TypeScript module (paths, components, operations) openapi-typescript makes of the document. */
export async function renderApiTypes(): Promise<string> {
  const document = await readOpenApiDocument();
  const nodes = await openapiTS(document as unknown as Parameters<typeof openapiTS>[0], { alphabetize: true });
  return header + astToString(nodes);
}
