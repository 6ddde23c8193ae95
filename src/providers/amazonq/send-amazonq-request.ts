import type { Dispatcher } from 'undici';
import { UpstreamUnavailableError } from '../../core/errors/upstream-unavailable-error.js';
import { bodyForUpstream } from '../http/hand-over-body.js';
import { requestOnDispatcher } from '../http/request-on-dispatcher.js';
import type { CancelSignal } from '../../core/cancel-signal.js';

export interface AmazonQHttpRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  dispatcher: Dispatcher;
  signal: CancelSignal;
}

/** One HTTP call to the Q service; connection failures become transient upstream errors. */
export function sendAmazonQRequest(input: AmazonQHttpRequest): Promise<Dispatcher.ResponseData> {
  try {
    const headers = { ...input.headers };
    // Bytes, handed over when large: the HTTP client keeps the body it is given for the whole call.
    const body = bodyForUpstream(input.body, headers);
    return answerOf(input.dispatcher, input.url, { method: input.method, headers, body, signal: input.signal });
  } catch (error) {
    return Promise.reject(error);
  }
}

/** Waits for the answer. Not given the input itself, which names the body as a string (see sendUpstreamRequest). */
async function answerOf(dispatcher: Dispatcher, url: string, options: Parameters<typeof requestOnDispatcher>[2]): Promise<Dispatcher.ResponseData> {
  try {
    return await requestOnDispatcher(dispatcher, url, options);
  } catch (error) {
    if (options.signal?.aborted) throw error;
    throw new UpstreamUnavailableError(`Amazon Q request failed: ${(error as Error).message}`, { cause: error });
  }
}
