import createClient, { type Client } from 'openapi-fetch';
import { ApiError } from './api-error';
import type { paths } from './generated/sluice-api';

/** The typed client of Sluice's API, generated from the server's own OpenAPI document. */
export type SluiceApi = Client<paths>;

export interface SluiceApiOptions {
  apiKey: string;
  fetch?: typeof fetch;
  /** Called on any 401 so the UI can sign out. */
  onUnauthorized?: (error: ApiError) => void;
}

interface ErrorBody {
  error?: { type?: string | null; message?: string | number | null; code?: unknown } | null;
}

function toApiError(status: number, body: unknown, fallback: string): ApiError {
  const error = (body as ErrorBody | undefined)?.error;
  if (error && typeof error === 'object' && error.message !== undefined && error.message !== null) {
    return new ApiError(status, typeof error.type === 'string' ? error.type : 'error', String(error.message));
  }
  return new ApiError(status, 'error', fallback);
}

/**
 * Calls Sluice with `Authorization: Bearer <key>`. Request and response shapes come from the generated
 * `paths`, so a route the server changed no longer type-checks here.
 */
export function createSluiceApi(options: SluiceApiOptions): SluiceApi {
  const fetchFunction = options.fetch ?? ((input: Request) => window.fetch(input));
  const client = createClient<paths>({ baseUrl: '', fetch: fetchFunction, headers: { authorization: `Bearer ${options.apiKey}`, accept: 'application/json' } });
  client.use({
    onResponse({ response }) {
      if (response.status === 401) options.onUnauthorized?.(new ApiError(401, 'authentication_error', 'The key is no longer accepted.'));
      return undefined;
    },
  });
  return client;
}

type CallResult<Data> = { data?: Data; error?: unknown; response: Response };

/** The answer's data, or an ApiError with the server's message (status 0 when Sluice cannot be reached). */
export async function unwrap<Data>(call: Promise<CallResult<Data>>): Promise<Data> {
  let result: CallResult<Data>;
  try {
    result = await call;
  } catch (error) {
    throw new ApiError(0, 'network_error', error instanceof Error ? error.message : 'network error');
  }
  if (!result.response.ok) throw toApiError(result.response.status, result.error, result.response.statusText || 'Request failed');
  return result.data as Data;
}
