import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import type { ApiKeyBudgets } from '../auth/api-key-budgets.js';

/** The client API format a route speaks; errors are rendered in it. */
export type ClientFormat = 'openai' | 'anthropic' | 'gemini' | 'admin';

/** The authenticated client key, as cached in memory (never the plaintext or the hash). */
export interface AuthenticatedKey {
  id: string;
  name: string;
  isAdmin: boolean;
  requestsPerMinute: number | null;
  requestsPerDay: number | null;
  allowedModels: string[] | null;
  /** Spend limits for the usage accounting to enforce; null when none are set. */
  budgets: ApiKeyBudgets | null;
}

export interface AppVariables {
  requestId: string;
  logger: Logger;
  clientFormat: ClientFormat;
  apiKey?: AuthenticatedKey;
}

export type AppEnv = { Variables: AppVariables };
export type App = OpenAPIHono<AppEnv>;
