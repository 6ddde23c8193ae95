import { z } from '@hono/zod-openapi';
import type { App } from '../app-env.js';

const security: Array<Record<string, string[]>> = [{ bearerAuth: [] }, { apiKeyHeader: [] }];
const looseBody = (description: string) => ({
  required: true,
  content: { 'application/json': { schema: z.record(z.string(), z.unknown()).openapi({ description }) } },
});
const errors = {
  400: { description: 'Invalid request, in the caller’s format.' },
  401: { description: 'Missing or invalid API key.' },
  413: { description: 'Body too large.' },
  429: { description: 'Per-key RPM/RPD reached (see retry-after), or every account busy.' },
};

/**
 * Describes the client API (/v1) in the OpenAPI document. The handlers are registered elsewhere; the
 * request and response bodies follow the OpenAI and Anthropic wire formats, documented by those vendors.
 */
export function registerClientApiDocs(app: App): void {
  const registry = app.openAPIRegistry;
  registry.registerPath({
    method: 'post',
    path: '/v1/chat/completions',
    tags: ['Client API'],
    security,
    summary: 'OpenAI Chat Completions (streaming with `stream: true`)',
    request: { body: looseBody('An OpenAI Chat Completions request.') },
    responses: { 200: { description: 'A chat completion, or an SSE stream of chunks.' }, ...errors },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/responses',
    tags: ['Client API'],
    security,
    summary: 'OpenAI Responses (streaming with `stream: true`; `store` and `previous_response_id`)',
    request: { body: looseBody('An OpenAI Responses request.') },
    responses: {
      200: { description: 'A response object, or an SSE stream of Responses events.' },
      ...errors,
      426: { description: 'A WebSocket upgrade on this path: use HTTP (SSE or JSON) instead.' },
    },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/messages',
    tags: ['Client API'],
    security,
    summary: 'Anthropic Messages (streaming with `stream: true`; `?beta=true` accepted)',
    request: { body: looseBody('An Anthropic Messages request.') },
    responses: { 200: { description: 'A message, or an SSE stream of events.' }, ...errors },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/messages/count_tokens',
    tags: ['Client API'],
    security,
    summary: 'Anthropic token counting (does not count against RPM/RPD)',
    request: { body: looseBody('An Anthropic Messages request without max_tokens.') },
    responses: { 200: { description: '`{input_tokens}`' }, ...errors },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/models',
    tags: ['Client API'],
    security,
    summary: 'Models the pool serves',
    responses: { 200: { description: 'An OpenAI-style model list.' }, 401: errors[401] },
  });
  registry.registerPath({
    method: 'get',
    path: '/v1/models/{id}',
    tags: ['Client API'],
    security,
    summary: 'One model (Anthropic’s shape when the request carries anthropic-version)',
    request: { params: z.object({ id: z.string() }) },
    responses: { 200: { description: 'The model.' }, 401: errors[401], 404: { description: 'No account serves that model.' } },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/embeddings',
    tags: ['Client API'],
    security,
    summary: 'OpenAI embeddings, forwarded to an OpenAI or OpenAI-compatible account',
    request: { body: looseBody('An OpenAI embeddings request.') },
    responses: { 200: { description: 'The upstream’s embeddings list.' }, ...errors },
  });
  registry.registerPath({
    method: 'post',
    path: '/v1/completions',
    tags: ['Client API'],
    security,
    summary: 'OpenAI legacy completions, forwarded to an OpenAI or OpenAI-compatible account',
    request: { body: looseBody('An OpenAI completions request.') },
    responses: { 200: { description: 'A text completion, or an SSE stream of chunks.' }, ...errors },
  });
}
