import { request, type Dispatcher } from 'undici';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';

export interface AmazonQHttpRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  dispatcher: Dispatcher;
  signal: AbortSignal;
}

/** One HTTP call to the Q service; connection failures become transient upstream errors. */
export async function sendAmazonQRequest(input: AmazonQHttpRequest): Promise<Dispatcher.ResponseData> {
  try {
    return await request(input.url, {
      method: input.method,
      headers: input.headers,
      body: input.body,
      dispatcher: input.dispatcher,
      signal: input.signal,
    });
  } catch (error) {
    if (input.signal.aborted) throw error;
    throw new UpstreamUnavailableError(`Amazon Q request failed: ${(error as Error).message}`, { cause: error });
  }
}
