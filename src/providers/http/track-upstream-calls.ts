import type { IncomingHttpHeaders } from 'node:http';
import type { Duplex } from 'node:stream';
import { Dispatcher } from 'undici';

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

type Handler = Dispatcher.DispatchHandler;

/** A handler in undici's callback style, as its core calls it (its published types differ in places). */
interface Callbacks {
  onConnect(abort: (error?: Error) => void, context?: object): void;
  onError(error: Error): void;
  onUpgrade?(statusCode: number, headers: Buffer[] | string[] | null, socket: Duplex): void;
  onResponseStarted?(): void;
  onHeaders(statusCode: number, headers: Buffer[], resume: () => void, statusText: string): boolean;
  onData(chunk: Buffer): boolean;
  onComplete(trailers: string[] | null): void;
  onBodySent?(chunk: Buffer | string): void;
  onRequestSent?(): void;
}

/** Counts the calls of one attempt that are not on the wire yet. */
class CallCount {
  waiting = 0;
}

/** One call of an attempt: counted as waiting from its dispatch until it starts (or fails). */
class TrackedCall {
  private started = false;

  constructor(private readonly count: CallCount) {
    count.waiting += 1;
  }

  protected start(): void {
    if (this.started) return;
    this.started = true;
    this.count.waiting -= 1;
  }
}

/**
 * One call's handler in undici's original callback style (`onConnect` … `onComplete`), which is what
 * `request()` hands to a dispatcher: passed through as it is, with no conversion of headers between
 * styles. `onConnect` comes when the request is about to be written on a connection.
 */
class TrackedCallbacks extends TrackedCall implements Callbacks {
  constructor(
    private readonly inner: Callbacks,
    count: CallCount,
  ) {
    super(count);
  }

  onConnect(abort: (error?: Error) => void, context?: object): void {
    this.start();
    this.inner.onConnect(abort, context);
  }

  onError(error: Error): void {
    this.start();
    this.inner.onError(error);
  }

  onUpgrade(statusCode: number, headers: Buffer[] | string[] | null, socket: Duplex): void {
    this.inner.onUpgrade?.(statusCode, headers, socket);
  }

  onResponseStarted(): void {
    this.inner.onResponseStarted?.();
  }

  onHeaders(statusCode: number, headers: Buffer[], resume: () => void, statusText: string): boolean {
    return this.inner.onHeaders(statusCode, headers, resume, statusText);
  }

  onData(chunk: Buffer): boolean {
    return this.inner.onData(chunk);
  }

  onComplete(trailers: string[] | null): void {
    this.inner.onComplete(trailers);
  }

  onBodySent(chunk: Buffer | string): void {
    this.inner.onBodySent?.(chunk);
  }

  onRequestSent(): void {
    this.inner.onRequestSent?.();
  }
}

/** The same for a handler in undici's newer controller style (`onRequestStart` … `onResponseEnd`). */
class TrackedController extends TrackedCall implements Handler {
  constructor(
    private readonly inner: Handler,
    count: CallCount,
  ) {
    super(count);
  }

  onRequestStart(controller: Dispatcher.DispatchController, context: unknown): void {
    this.start();
    this.inner.onRequestStart?.(controller, context);
  }

  onRequestUpgrade(controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders, socket: Duplex): void {
    this.inner.onRequestUpgrade?.(controller, statusCode, headers, socket);
  }

  onResponseStart(controller: Dispatcher.DispatchController, statusCode: number, headers: IncomingHttpHeaders, statusMessage?: string): void {
    this.inner.onResponseStart?.(controller, statusCode, headers, statusMessage);
  }

  onResponseData(controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.inner.onResponseData?.(controller, chunk);
  }

  onResponseEnd(controller: Dispatcher.DispatchController, trailers: IncomingHttpHeaders): void {
    this.inner.onResponseEnd?.(controller, trailers);
  }

  onResponseError(controller: Dispatcher.DispatchController, error: Error): void {
    this.start();
    this.inner.onResponseError?.(controller, error);
  }
}

/**
 * One attempt's view of an account's dispatcher. A subclass of undici's own Dispatcher, so `request()`
 * and the rest work on it as on any other; each call goes to the account's dispatcher with the
 * attempt's timeouts and a handler that notes when it reaches the wire. Closing it leaves the
 * account's connections alone.
 */
class AttemptDispatcher extends Dispatcher {
  readonly count = new CallCount();

  constructor(
    private readonly base: Dispatcher,
    private readonly timeouts: () => UpstreamCallTimeouts,
  ) {
    super();
  }

  override dispatch(options: Dispatcher.DispatchOptions, handler: Handler): boolean {
    const current = this.timeouts();
    const tracked =
      typeof handler.onRequestStart === 'function'
        ? new TrackedController(handler, this.count)
        : (new TrackedCallbacks(handler as unknown as Callbacks, this.count) as unknown as Handler);
    // The timeouts go first and are then filled in: properties added after a copy of the options
    // made each call about 10 µs dearer in undici on Node 20.
    const withTimeouts: Dispatcher.DispatchOptions = Object.assign({ headersTimeout: undefined, bodyTimeout: undefined }, options);
    withTimeouts.headersTimeout ??= wholeMs(current.headersTimeoutMs);
    withTimeouts.bodyTimeout ??= wholeMs(current.bodyTimeoutMs);
    return this.base.dispatch(withTimeouts, tracked);
  }

  // Closing or destroying an attempt's view is a no-op (a callback, if given, is called).
  override close(): Promise<void>;
  override close(callback: () => void): void;
  override close(callback?: () => void): Promise<void> | void {
    return settleAtOnce([callback]);
  }

  override destroy(): Promise<void>;
  override destroy(error: Error | null): Promise<void>;
  override destroy(callback: () => void): void;
  override destroy(error: Error | null, callback: () => void): void;
  override destroy(...args: unknown[]): Promise<void> | void {
    return settleAtOnce(args);
  }
}

/**
 * Wraps an account's dispatcher for one attempt: applies the attempt's timeouts to calls that do not
 * set their own, and notes which calls are still waiting for a connection, so a timeout can be
 * blamed on the right party. Cheap: one small object per attempt and one per call, no new
 * connections. (The same built on undici's `compose`, which puts a Proxy in front and converts each
 * call's handler between its two styles and back, with the timeouts added to a copy of the options,
 * cost about 20 µs a call on Node 20, against 2 to 3 µs here.)
 */
export function trackUpstreamCalls(base: Dispatcher, timeouts: () => UpstreamCallTimeouts): TrackedDispatcher {
  const attempt = new AttemptDispatcher(base, timeouts);
  return { dispatcher: attempt, waitingLocally: () => attempt.count.waiting > 0 };
}

/** Calls the callback among `args` soon, as undici's close and destroy do; without one, a settled promise. */
function settleAtOnce(args: unknown[]): Promise<void> | void {
  const callback = args.find((arg): arg is () => void => typeof arg === 'function');
  if (!callback) return Promise.resolve();
  queueMicrotask(callback);
}

/** undici wants a positive integer; 0 would turn the timeout off. */
const wholeMs = (value: number): number => Math.max(1, Math.ceil(value));
