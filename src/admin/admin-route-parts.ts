import { z } from '@hono/zod-openapi';

/** Shared OpenAPI pieces of the admin routes: the id parameter, error bodies, security. */

export const idParamSchema = z.object({
  id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' }, example: '3f0c…' }),
});

export const adminErrorSchema = z
  .object({
    error: z.object({ type: z.string(), message: z.string(), field: z.string().optional() }),
  })
  .openapi('AdminError');

const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: adminErrorSchema } } });

export const adminErrorResponses = {
  400: errorResponse('Invalid input; the message names the field.'),
  401: errorResponse('Missing, unknown, disabled or expired API key.'),
  403: errorResponse('The key is not an admin key.'),
  404: errorResponse('No such resource.'),
  413: errorResponse('The request body is too large.'),
} as const;

export const adminSecurity: Array<Record<string, string[]>> = [{ bearerAuth: [] }, { apiKeyHeader: [] }];

export const jsonBody = <Schema extends z.ZodType>(schema: Schema, description?: string) => ({
  required: true,
  description,
  content: { 'application/json': { schema } },
});

export const jsonResponse = <Schema extends z.ZodType>(schema: Schema, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
