import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { registerAccountDetailRoutes } from '../admin/accounts/register-account-detail-routes.js';
import { registerAccountRoutes } from '../admin/accounts/register-account-routes.js';
import { auditAdminChanges } from '../admin/audit/audit-admin-changes.js';
import { registerAuditRoutes } from '../admin/audit/register-audit-routes.js';
import { registerApiKeyRoutes } from '../admin/api-keys/register-api-key-routes.js';
import { registerSettingsRoutes } from '../admin/settings/register-settings-routes.js';
import { registerStatsRoutes } from '../admin/stats/register-stats-routes.js';
import type { AccountRecord } from '../accounts/account-record.js';
import type { AppContext } from '../context.js';
import type { GatewayError } from '../core/errors/gateway-error.js';
import { InvalidRequestError } from '../core/errors/invalid-request-error.js';
import { NotFoundError } from '../core/errors/not-found-error.js';
import { PayloadTooLargeError } from '../core/errors/payload-too-large-error.js';
import { recordLimiterRejection } from '../usage/metrics/usage-metrics.js';
import type { App, AppEnv } from './app-env.js';
import { invalidRequestFromZod } from '../core/errors/invalid-request-from-zod.js';
import { withoutRedaction } from '../logging/logger.js';
import { accessLog } from './middleware/access-log/access-log.js';
import { assumeJsonBody } from './middleware/assume-json-body/assume-json-body.js';
import { limitBody } from './middleware/body-limit/limit-body.js';
import { limitJsonDepth } from './middleware/json-depth/limit-json-depth.js';
import { rateLimitByKey } from './middleware/rate-limit/rate-limit-by-key.js';
import { recordRefusedRequest } from './middleware/rate-limit/record-refused-request.js';
import { requestContext } from './middleware/request-context/request-context.js';
import { requireApiKey } from './middleware/require-api-key/require-api-key.js';
import { MemoRouter } from './memo-router.js';
import { clientFormatForPath, renderErrorResponse, toGatewayError } from './render-error-response.js';
import { registerDashboardRoutes } from './routes/dashboard.js';
import { registerDocsRoutes } from './routes/docs.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerMeRoute } from './routes/me.js';
import { registerChatRoutes } from './routes/client/register-chat-routes.js';
import { registerCountTokensRoute } from './routes/client/register-count-tokens-route.js';
import { registerModelsRoute } from './routes/client/register-models-route.js';
import { registerResponsesRoute } from './routes/client/register-responses-route.js';
import { registerGeminiRoutes } from './routes/client/register-gemini-routes.js';
import { registerOpenAIPassthroughRoutes } from './routes/client/register-openai-passthrough-routes.js';

/** Far beyond any real request (tool schemas nest a dozen levels), far below a stack overflow. */
const maxJsonDepth = 128;

/** Admin paths that need no key: the dashboard's static files (the UI signs in itself). */
const isPublicAdminPath = (path: string) => path === '/admin' || path === '/admin/' || path.startsWith('/admin/dashboard');

/** Client API calls that don't count against a key's RPM/RPD: listings and token counting. */
const isRateExempt = (method: string, path: string) =>
  method === 'GET' || path.startsWith('/v1/messages/count_tokens') || (path.startsWith('/v1beta/') && path.endsWith(':countTokens'));

/**
 * Builds the Hono app. Order: request id and logger → access log → body limit → auth (admin keys on
 * /admin/*, any key plus RPM/RPD on /v1/*) → JSON depth → routes; one `onError` renders every error in the
 * caller's format.
 */
export function createApp(context: AppContext): App {
  const app = new OpenAPIHono<AppEnv>({
    router: new MemoRouter(),
    defaultHook: (result) => {
      if (!result.success) throw invalidRequestFromZod(result.error);
    },
  });

  app.use('*', requestContext(context.logger));
  app.use('*', accessLog({ logger: withoutRedaction(context.logger) }));
  app.use('*', limitBody(context.config.bodyLimitBytes));
  registerDashboardRoutes(app); // the admin UI: no auth, so before any /admin/* middleware
  app.use('/admin/*', requireApiKey(context.apiKeys, { admin: true, isPublic: isPublicAdminPath }));
  app.use('/admin/*', assumeJsonBody());
  app.use(
    '/admin/*',
    auditAdminChanges({
      db: context.database.db,
      isPublic: isPublicAdminPath,
      retentionDays: () => context.settings.get().log_retention_days,
      readResource: async (path, headers) => {
        const credentials = new Headers();
        for (const name of ['authorization', 'x-api-key']) if (headers.has(name)) credentials.set(name, headers.get(name) ?? '');
        const response = await app.request(path, { method: 'GET', headers: credentials });
        return response.ok ? response.json() : undefined;
      },
    }),
  );
  const rateLimit = rateLimitByKey(context.rateLimiter, {
    isExempt: isRateExempt,
    onRejected: (rule) => recordLimiterRejection(rule.scope ?? rule.label),
    timeZone: () => context.settings.get().timezone,
    onRefused: (c, error) => recordRefusedRequest(c, error, (entry) => context.usage.record(entry), { startedAt: Date.now() }),
  });
  app.use('/v1/*', requireApiKey(context.apiKeys));
  app.use('/v1/*', rateLimit);
  app.use('/v1beta/*', requireApiKey(context.apiKeys, { acceptsQueryKey: true }));
  app.use('/v1beta/*', rateLimit);
  app.use('*', limitJsonDepth(maxJsonDepth)); // after auth: an unknown caller's body is never read

  registerHealthRoutes(app, context);
  registerChatRoutes(app, context.gateway.deps);
  registerResponsesRoute(app, context.gateway.deps, context.database.db);
  registerOpenAIPassthroughRoutes(app, context.gateway.deps);
  registerCountTokensRoute(app, context.gateway, () => context.accounts.list());
  const reportedModels = (account: AccountRecord) => context.gateway.providers[account.provider].reportedModels?.(account.id);
  registerModelsRoute(app, () => context.accounts.list(), () => context.settings.get(), reportedModels);
  registerGeminiRoutes(app, context.gateway.deps, () => context.accounts.list(), () => context.settings.get(), reportedModels);
  registerDocsRoutes(app, context);
  registerMeRoute(app, context);
  registerApiKeyRoutes(app, context);
  registerAccountDetailRoutes(app, context); // before /admin/accounts/{id} so 'bulk' is not read as an id
  registerAccountRoutes(app, context);
  registerSettingsRoutes(app, context);
  registerStatsRoutes(app, context);
  registerAuditRoutes(app, context);

  app.notFound((c) => renderErrorResponse(c, new NotFoundError(`No route for ${c.req.method} ${c.req.path}.`), c.get('clientFormat') ?? 'admin'));
  app.onError((error, c) => {
    // The client left before its answer (the request log has it as client_closed): nobody reads this
    // answer, and nothing failed on this side.
    if (error instanceof Error && error.name === 'AbortError') return new Response(null, { status: 499 });
    const gatewayError = fromHttpException(error, context.config.bodyLimitBytes) ?? toGatewayError(error);
    // Only our own faults carry a stack; upstream and pool refusals are expected and logged briefly.
    if (gatewayError.kind === 'internal') c.get('logger')?.error({ err: error }, 'request failed');
    else if (gatewayError.status >= 500) c.get('logger')?.warn({ kind: gatewayError.kind, message: gatewayError.message }, 'request failed');
    return renderErrorResponse(c, gatewayError, c.get('clientFormat') ?? clientFormatForPath(c.req.path));
  });
  return app;
}

/** Hono's own 4xx (malformed JSON from the validator, body limit) become typed errors. */
function fromHttpException(error: unknown, bodyLimitBytes: number): GatewayError | undefined {
  if (!(error instanceof HTTPException)) return undefined;
  if (error.status === 413) return new PayloadTooLargeError(bodyLimitBytes);
  if (error.status === 400) return new InvalidRequestError(error.message || 'Malformed request body.');
  if (error.status === 415) return new InvalidRequestError('Send the body as JSON with content-type: application/json.');
  return undefined;
}
