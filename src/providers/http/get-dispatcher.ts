import { Agent, ProxyAgent, type Dispatcher } from 'undici';
import { socksDispatcher } from 'fetch-socks';
import { InternalError } from '../../core/errors/internal-error.js';

const maxEntries = 256;
/**
 * HTTP/1.1 has no multiplexing: a streaming answer holds its connection until it ends, so any
 * per-host connection cap becomes a queue of whole streams. No cap here (undici's default,
 * `connections: null`): the pool's per-account `max_concurrency` is the limit that matters.
 * Idle connections are kept alive and reused. The per-call headers and body timeouts are set by
 * the request path (attempt timeout, stream idle timeout); these are the fallbacks.
 */
const keepAliveOptions = {
  keepAliveTimeout: 30_000,
  keepAliveMaxTimeout: 600_000,
  connections: null,
  headersTimeout: 300_000,
  bodyTimeout: 300_000,
} as const;

const directKey = 'direct:';
/** Insertion order doubles as recency order: a hit is deleted and re-inserted at the end. */
const cache = new Map<string, Dispatcher>();

/**
 * One keep-alive connection pool for direct calls and one per proxy URL (http, https, socks5, socks5h).
 * Bounded: the least recently used pool is closed when more than 256 are open.
 */
export function getDispatcher(proxyUrl?: string): Dispatcher {
  const key = proxyUrl && proxyUrl.trim() !== '' ? proxyUrl.trim() : directKey;
  const cached = cache.get(key);
  if (cached) {
    cache.delete(key);
    cache.set(key, cached);
    return cached;
  }
  const dispatcher = key === directKey ? new Agent(keepAliveOptions) : createProxyDispatcher(key);
  cache.set(key, dispatcher);
  while (cache.size > maxEntries) {
    const oldest = cache.keys().next().value;
    if (oldest === undefined) break;
    const evicted = cache.get(oldest);
    cache.delete(oldest);
    void evicted?.close().catch(() => undefined);
  }
  return dispatcher;
}

function createProxyDispatcher(proxyUrl: string): Dispatcher {
  let url: URL;
  try {
    url = new URL(proxyUrl);
  } catch {
    throw new InternalError('The account proxy URL is not a valid URL.');
  }
  switch (url.protocol) {
    case 'http:':
    case 'https:':
      return new ProxyAgent({ uri: proxyUrl, ...keepAliveOptions });
    case 'socks5:':
    case 'socks5h:':
    case 'socks:': {
      const port = url.port === '' ? 1080 : Number(url.port);
      return socksDispatcher(
        {
          type: 5,
          host: url.hostname,
          port,
          userId: url.username === '' ? undefined : decodeURIComponent(url.username),
          password: url.password === '' ? undefined : decodeURIComponent(url.password),
        },
        keepAliveOptions,
      );
    }
    default:
      throw new InternalError(`Unsupported proxy protocol ${url.protocol.replace(':', '')}.`);
  }
}

/** Number of cached connection pools (for tests and metrics). */
export const dispatcherCount = (): number => cache.size;

/** Closes every pool; call on shutdown. */
export async function closeDispatchers(): Promise<void> {
  const all = [...cache.values()];
  cache.clear();
  await Promise.allSettled(all.map((dispatcher) => dispatcher.close()));
}
