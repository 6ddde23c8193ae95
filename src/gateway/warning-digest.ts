import type { Logger } from 'pino';
import type { ConversionWarning } from '../core/warning.js';

/** A warning as logged: with how many more times it came up since it was last logged, when it did. */
export type LoggedWarning = ConversionWarning & { repeatedSinceLastLogged?: number };

/**
 * What a conversion drops is the same for every request of a kind: an Anthropic client always sends
 * `max_tokens`, which Amazon Q cannot take, so a warning per request would fill the log with one line per
 * request and hide the rest. The digest lets a warning about a feature through once per interval (an hour
 * by default) for each scope (provider and log line), and counts the times in between, which the next line
 * it lets through reports.
 */
export class WarningDigest {
  private readonly lastLogged = new Map<string, { at: number; since: number }>();

  constructor(
    private readonly intervalMs = 3_600_000,
    private readonly now: () => number = Date.now,
    /** Features can name client input (an unknown block type): past this many the memory starts over. */
    private readonly maxKeys = 1_000,
  ) {}

  /** The warnings of one request that are due to be logged now; `scope` names whose they are (a provider, a log line). */
  due(scope: string, warnings: readonly ConversionWarning[]): LoggedWarning[] {
    const now = this.now();
    const due: LoggedWarning[] = [];
    for (const warning of warnings) {
      const key = `${scope}\u0000${warning.feature}`;
      const last = this.lastLogged.get(key);
      if (last && now - last.at < this.intervalMs) {
        last.since += 1;
        continue;
      }
      if (!last && this.lastLogged.size >= this.maxKeys) this.lastLogged.clear();
      due.push(last && last.since > 0 ? { ...warning, repeatedSinceLastLogged: last.since } : warning);
      this.lastLogged.set(key, { at: now, since: 0 });
    }
    return due;
  }
}

/** Logs the warnings of one request for `provider` that the digest lets through (all of them without one). */
export function logWarnings(
  deps: { logger: Logger; warningDigest?: WarningDigest },
  provider: string,
  warnings: readonly ConversionWarning[],
  message: string,
): void {
  if (warnings.length === 0) return;
  // Scoped by the line as well: the same feature may be dropped by the client's format and by the provider.
  const due = deps.warningDigest ? deps.warningDigest.due(`${provider}\u0000${message}`, warnings) : warnings;
  if (due.length > 0) deps.logger.warn({ warnings: due, provider }, message);
}
