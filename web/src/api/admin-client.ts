import type { z } from 'zod';
import { ApiError } from './api-error';
import { errorBodySchema } from './contract/error-body';

export type QueryValue = string | number | boolean | null | undefined;

export interface AdminClient {
  get<T>(path: string, schema: z.ZodType<T>, query?: Record<string, QueryValue>): Promise<T>;
  send<T>(method: 'POST' | 'PATCH' | 'PUT', path: string, body: unknown, schema: z.ZodType<T>): Promise<T>;
  remove(path: string): Promise<void>;
}

export interface AdminClientOptions {
  adminKey: string;
  fetch?: typeof fetch;
  /** Called on any 401 so the UI can sign out. */
  onUnauthorized?: (error: ApiError) => void;
}

export function buildQueryString(query: Record<string, QueryValue> | undefined): string {
  if (!query) return '';
  const parameters = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    parameters.set(name, String(value));
  }
  const text = parameters.toString();
  return text ? `?${text}` : '';
}

/** Talks to the admin API with `Authorization: Bearer <admin key>`; responses are checked with zod. */
export function createAdminClient(options: AdminClientOptions): AdminClient {
  const fetchFunction = options.fetch ?? ((input, init) => window.fetch(input, init));

  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const headers: Record<string, string> = { authorization: `Bearer ${options.adminKey}`, accept: 'application/json' };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetchFunction(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (error) {
      throw new ApiError(0, 'network_error', error instanceof Error ? error.message : 'network error');
    }
    if (response.status === 204) return undefined;
    const text = await response.text();
    let payload: unknown = undefined;
    if (text) {
      try {
        payload = JSON.parse(text);
      } catch {
        payload = undefined;
      }
    }
    if (!response.ok) {
      const parsed = errorBodySchema.safeParse(payload);
      const error = parsed.success
        ? new ApiError(response.status, parsed.data.error.type ?? 'error', parsed.data.error.message)
        : new ApiError(response.status, 'error', text.slice(0, 200) || response.statusText || 'Request failed');
      if (error.isUnauthorized) options.onUnauthorized?.(error);
      throw error;
    }
    return payload;
  }

  function parse<T>(schema: z.ZodType<T>, payload: unknown, path: string): T {
    const result = schema.safeParse(payload);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new ApiError(200, 'unexpected_response', `Unexpected response from ${path}: ${issue?.path.join('.') || 'body'} ${issue?.message ?? ''}`.trim());
    }
    return result.data;
  }

  return {
    async get(path, schema, query) {
      return parse(schema, await call('GET', path + buildQueryString(query)), path);
    },
    async send(method, path, body, schema) {
      return parse(schema, await call(method, path, body), path);
    },
    async remove(path) {
      await call('DELETE', path);
    },
  };
}
