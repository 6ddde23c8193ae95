import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { AuthenticatedKey } from '../auth/authenticated-key.js';

/** The client API format a route speaks; errors are rendered in it. */
export type ClientFormat = 'openai' | 'anthropic' | 'gemini' | 'admin';

export interface AppVariables {
  requestId: string;
  logger: Logger;
  clientFormat: ClientFormat;
  apiKey?: AuthenticatedKey;
}

export type AppEnv = { Variables: AppVariables };
export type App = OpenAPIHono<AppEnv>;
