import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getDispatcher } from './get-dispatcher.js';

const streams = 300;
/** Longest a stream is held when not all of them arrive (a per-host cap queues the rest). */
const maxHoldMs = 5_000;

/**
 * An upstream that holds every event stream open until all `streams` are open at once (or for
 * `maxHoldMs`), counting the peak. The barrier makes the peak exact however slow the machine is.
 */
function startHoldingUpstream(): Promise<{ server: Server; url: string; peak: () => number }> {
  const held = new Set<ServerResponse>();
  let peak = 0;
  const finish = (response: ServerResponse) => {
    if (held.delete(response)) response.end('event: message_stop\ndata: {"type":"message_stop"}\n\n');
  };
  const server = createServer((incoming, response) => {
    incoming.resume();
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.write('event: ping\ndata: {"type":"ping"}\n\n');
    held.add(response);
    peak = Math.max(peak, held.size);
    if (held.size >= streams) return [...held].forEach(finish);
    setTimeout(() => finish(response), maxHoldMs);
  });
  server.keepAliveTimeout = 5_000;
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, peak: () => peak })),
  );
}

describe('getDispatcher under many long streams to one host', () => {
  let upstream: Awaited<ReturnType<typeof startHoldingUpstream>>;
  beforeAll(async () => {
    upstream = await startHoldingUpstream();
  });
  afterAll(async () => {
    upstream.server.closeAllConnections();
    await new Promise((resolve) => upstream.server.close(resolve));
  });

  it(`runs ${streams} concurrent streams at once instead of queueing them behind a per-host cap`, async () => {
    const bodies = await Promise.all(
      Array.from({ length: streams }, async () => {
        const response = await request(`${upstream.url}/v1/messages`, { method: 'POST', body: '{}', dispatcher: getDispatcher() });
        return await response.body.text();
      }),
    );
    expect(bodies.every((body) => body.includes('message_stop'))).toBe(true);
    // All open at the same moment, not ⌈streams / cap⌉ waves one after another.
    expect(upstream.peak()).toBe(streams);
  }, 20_000);
});
