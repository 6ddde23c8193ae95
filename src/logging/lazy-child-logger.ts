import type { Bindings, Logger } from 'pino';

const levelNames = new Set(['fatal', 'error', 'warn', 'info', 'debug', 'trace']);
const noop = (): void => undefined;

/**
 * `parent.child(bindings)`, made only when something is logged through it. A child logger per
 * request is measurable (pino prepares its bindings and redaction at once), and most requests log
 * nothing at the configured level. Questions about the level are answered by the parent, whose level
 * the child shares; a call at a level that is off does nothing.
 */
export function lazyChildLogger(parent: Logger, bindings: Bindings): Logger {
  let child: Logger | undefined;
  const made = (): Logger => (child ??= parent.child(bindings));
  return new Proxy(parent, {
    get(_target, property) {
      if (!child) {
        if (property === 'isLevelEnabled' || property === 'level' || property === 'levelVal') {
          const value = Reflect.get(parent, property, parent) as unknown;
          return typeof value === 'function' ? value.bind(parent) : value;
        }
        if (typeof property === 'string' && levelNames.has(property) && !parent.isLevelEnabled(property)) return noop;
      }
      const logger = made();
      const value = Reflect.get(logger, property, logger) as unknown;
      return typeof value === 'function' ? value.bind(logger) : value;
    },
    set(_target, property, value) {
      return Reflect.set(made(), property, value);
    },
  });
}
