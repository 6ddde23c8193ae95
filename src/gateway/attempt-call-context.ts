import type { Logger } from 'pino';
import type { Dispatcher } from 'undici';
import type { CancelSignal } from '../core/cancel-signal.js';
import type { ConversionWarning } from '../core/warning.js';
import type { ProviderCallContext } from '../providers/provider-adapter.js';
import type { AccountCredentials } from '../providers/upstream-account.js';
import type { GatewayDeps } from './gateway-deps.js';

export interface AttemptCallContextInput {
  requestId: string;
  signal: CancelSignal;
  dispatcher: Dispatcher;
  warnings: ConversionWarning[];
  clientHeaders: Record<string, string>;
  sessionId: string | undefined;
  wholeAnswer: boolean;
  account: { id: string; provider: string };
  deps: Pick<GatewayDeps, 'logger' | 'saveCredentials'>;
}

/**
 * What an adapter gets for one attempt's upstream calls. A class rather than an object literal: a
 * literal with a getter (the lazy logger) is made a dictionary by V8, a shape of its own each time, so
 * every read of it in every adapter misses its inline cache. Instances of a class share one shape.
 */
export class AttemptCallContext implements ProviderCallContext {
  readonly requestId: string;
  readonly signal: CancelSignal;
  readonly dispatcher: Dispatcher;
  readonly warnings: ConversionWarning[];
  readonly clientHeaders: Record<string, string>;
  readonly sessionId: string | undefined;
  readonly wholeAnswer: boolean;
  private readonly account: { id: string; provider: string };
  private readonly deps: Pick<GatewayDeps, 'logger' | 'saveCredentials'>;
  private attemptLogger: Logger | undefined = undefined;

  constructor(input: AttemptCallContextInput) {
    this.requestId = input.requestId;
    this.signal = input.signal;
    this.dispatcher = input.dispatcher;
    this.warnings = input.warnings;
    this.clientHeaders = input.clientHeaders;
    this.sessionId = input.sessionId;
    this.wholeAnswer = input.wholeAnswer;
    this.account = input.account;
    this.deps = input.deps;
  }

  /** Made on first use: most calls never log, and a child logger per request is measurable. */
  get logger(): Logger {
    return (this.attemptLogger ??= this.deps.logger.child({ accountId: this.account.id, provider: this.account.provider }));
  }

  saveCredentials(update: Partial<AccountCredentials>): Promise<void> {
    return this.deps.saveCredentials(this.account.id, update);
  }
}
