import type { Dispatcher } from 'undici';

/** Per-call timeouts, read when each call is dispatched. */
export interface UpstreamCallTimeouts {
  /**
   * Time from the request being written on a connection to the response headers. Time spent
   * waiting for a local connection (or connecting) is not part of it: undici starts this timer
   * only once the request is on the wire.
   */
  headersTimeoutMs: number;
  /** Longest silence between two body chunks while the reader keeps up (undici's body timeout). */
  bodyTimeoutMs: number;
}

export interface TrackedDispatcher {
  /** Use this for the calls of one attempt; it is the account's dispatcher underneath. */
  dispatcher: Dispatcher;
  /**
   * Whether a call of this attempt is still waiting on our side: queued for a connection, or
   * connecting. Such a wait is the gateway's (or the network's), never the account's doing.
   */
  waitingLocally(): boolean;
}

/**
 * Wraps an account's dispatcher for one attempt: applies the attempt's timeouts to calls that do not
 * set their own, and notes which calls are still waiting for a connection, so a timeout can be
 * blamed on the right party. Cheap: a proxy over the shared dispatcher, no new connections.
 */
export function trackUpstreamCalls(base: Dispatcher, timeouts: () => UpstreamCallTimeouts): TrackedDispatcher {
  let waiting = 0;
  const interceptor: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (options, handler) => {
    const current = timeouts();
    waiting += 1;
    let started = false;
    const start = (): void => {
      if (started) return;
      started = true;
      waiting -= 1;
    };
    const tracked: Dispatcher.DispatchHandler = {
      onRequestStart: (controller, context) => {
        start();
        handler.onRequestStart?.(controller, context);
      },
      onRequestUpgrade: (controller, statusCode, headers, socket) => handler.onRequestUpgrade?.(controller, statusCode, headers, socket),
      onResponseStart: (controller, statusCode, headers, statusMessage) => handler.onResponseStart?.(controller, statusCode, headers, statusMessage),
      onResponseData: (controller, chunk) => handler.onResponseData?.(controller, chunk),
      onResponseEnd: (controller, trailers) => handler.onResponseEnd?.(controller, trailers),
      onResponseError: (controller, error) => {
        start();
        handler.onResponseError?.(controller, error);
      },
    };
    return dispatch(
      {
        ...options,
        headersTimeout: options.headersTimeout ?? wholeMs(current.headersTimeoutMs),
        bodyTimeout: options.bodyTimeout ?? wholeMs(current.bodyTimeoutMs),
      },
      tracked,
    );
  };
  const canCompose = typeof (base as Partial<Dispatcher>).compose === 'function';
  return {
    dispatcher: canCompose ? base.compose(interceptor) : base,
    waitingLocally: () => waiting > 0,
  };
}

/** undici wants a positive integer; 0 would turn the timeout off. */
const wholeMs = (value: number): number => Math.max(1, Math.ceil(value));
