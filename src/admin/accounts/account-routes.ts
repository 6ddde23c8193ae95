import { createRoute, z } from '@hono/zod-openapi';
import { accountInputSchema, accountPatchSchema } from '../../accounts/account-input-schema.js';
import { accountDtoSchema } from '../../accounts/account-dto.js';
import { adminErrorResponses, adminErrorSchema, adminSecurity, idParamSchema, jsonBody, jsonResponse } from '../admin-route-parts.js';

/** OpenAPI descriptions of the account routes; the handlers are in register-account-routes.ts. */

const tags = ['Accounts'];
const { 400: badRequest, 401: unauthorized, 403: forbidden, 404: notFound } = adminErrorResponses;
const notImplemented = { description: 'The hook is not wired in this build.', content: { 'application/json': { schema: adminErrorSchema } } };

export const listAccountsRoute = createRoute({
  method: 'get',
  path: '/admin/accounts',
  tags,
  security: adminSecurity,
  summary: 'List upstream accounts (credential hints only)',
  responses: { 200: jsonResponse(z.object({ data: z.array(accountDtoSchema) }), 'All accounts'), 401: unauthorized, 403: forbidden },
});

export const createAccountRoute = createRoute({
  method: 'post',
  path: '/admin/accounts',
  tags,
  security: adminSecurity,
  summary: 'Add an upstream account (provider defaults to amazonq)',
  request: { body: jsonBody(accountInputSchema) },
  responses: { 201: jsonResponse(accountDtoSchema, 'Created'), 400: badRequest, 401: unauthorized, 403: forbidden },
});

export const getAccountRoute = createRoute({
  method: 'get',
  path: '/admin/accounts/{id}',
  tags,
  security: adminSecurity,
  summary: 'One account',
  request: { params: idParamSchema },
  responses: { 200: jsonResponse(accountDtoSchema, 'The account'), 401: unauthorized, 403: forbidden, 404: notFound },
});

export const patchAccountRoute = createRoute({
  method: 'patch',
  path: '/admin/accounts/{id}',
  tags,
  security: adminSecurity,
  summary: 'Change an account; the merged result is validated before anything is written',
  request: { params: idParamSchema, body: jsonBody(accountPatchSchema) },
  responses: { 200: jsonResponse(accountDtoSchema, 'The changed account'), 400: badRequest, 401: unauthorized, 403: forbidden, 404: notFound },
});

export const deleteAccountRoute = createRoute({
  method: 'delete',
  path: '/admin/accounts/{id}',
  tags,
  security: adminSecurity,
  summary: 'Remove an account',
  request: { params: idParamSchema },
  responses: { 204: { description: 'Deleted' }, 401: unauthorized, 403: forbidden, 404: notFound },
});

export const testAccountRoute = createRoute({
  method: 'post',
  path: '/admin/accounts/{id}/test',
  tags,
  security: adminSecurity,
  summary: 'Send a tiny request through the account and report the outcome',
  request: { params: idParamSchema },
  responses: {
    200: jsonResponse(z.object({ ok: z.boolean(), latency_ms: z.number().optional(), message: z.string().optional() }).loose(), 'Test outcome'),
    401: unauthorized,
    403: forbidden,
    404: notFound,
    501: notImplemented,
  },
});

export const accountBalanceRoute = createRoute({
  method: 'get',
  path: '/admin/accounts/{id}/balance',
  tags,
  security: adminSecurity,
  summary: 'Fetch the current balance or quota from the upstream',
  request: { params: idParamSchema },
  responses: {
    200: jsonResponse(z.object({ balance: z.record(z.string(), z.unknown()).nullable() }), 'The balance (null when unsupported)'),
    401: unauthorized,
    403: forbidden,
    404: notFound,
    501: notImplemented,
  },
});
