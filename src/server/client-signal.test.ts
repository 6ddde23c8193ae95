import net from 'node:net';
import { Hono } from 'hono';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultServerLimits } from '../config/config.js';
import type { CancelSignal } from '../core/cancel-signal.js';
import { clientSignalOf } from './client-signal.js';
import { createNodeServer, type NodeServer } from './node/create-node-server.js';

let running: NodeServer | undefined;
afterEach(async () => {
  running?.connections.destroyAll();
  await new Promise((resolve) => (running ? running.server.close(resolve) : resolve(undefined)));
  running = undefined;
});

/** A server whose one route hands its client signal, and the request's own, to `seen` and answers after `answerAfterMs`. */
async function start(seen: (signal: CancelSignal, requestSignal: AbortSignal) => void, answerAfterMs: number, lookAfterMs = 0): Promise<number> {
  const app = new Hono();
  app.post('/slow', async (context) => {
    if (lookAfterMs > 0) await new Promise((resolve) => setTimeout(resolve, lookAfterMs));
    const signal = clientSignalOf(context);
    seen(signal, context.req.raw.signal);
    await new Promise((resolve) => setTimeout(resolve, answerAfterMs));
    return context.json({ aborted: signal.aborted });
  });
  running = createNodeServer(app.fetch, defaultServerLimits);
  return (await running.listen(0, '127.0.0.1')).port;
}

const waitFor = async (check: () => boolean): Promise<void> => {
  for (let tries = 0; tries < 200 && !check(); tries += 1) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('clientSignalOf', () => {
  it('fires with an AbortError when the client leaves before its answer, as the request signal fires', async () => {
    let signal: CancelSignal | undefined;
    let requestSignal: AbortSignal | undefined;
    const fired: unknown[] = [];
    const port = await start((given, own) => {
      signal = given;
      requestSignal = own;
      given.addEventListener('abort', () => fired.push(given.reason), { once: true });
    }, 2000);
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    socket.write('POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}');
    await waitFor(() => signal !== undefined);
    expect(signal!.aborted).toBe(false);
    socket.destroy();
    await waitFor(() => fired.length > 0);
    expect(signal!.aborted).toBe(true);
    expect(requestSignal!.aborted).toBe(true);
    // An AbortError, which the request log records as the client's doing; the request signal's reason is a bare string.
    expect(fired).toHaveLength(1);
    expect(fired[0]).toMatchObject({ name: 'AbortError', message: 'The client closed the connection.' });
    expect(requestSignal!.reason).toEqual(expect.any(String));
  });

  it('has fired already when the client left before the route asked for it', async () => {
    let signal: CancelSignal | undefined;
    let requestSignal: AbortSignal | undefined;
    const port = await start((given, own) => {
      signal = given;
      requestSignal = own;
    }, 0, 300);
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    socket.write('POST /slow HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}', () => setTimeout(() => socket.destroy(), 50));
    await waitFor(() => signal !== undefined);
    expect(signal!.aborted).toBe(true);
    expect(requestSignal!.aborted).toBe(true);
    expect(signal!.reason).toMatchObject({ name: 'AbortError' });
  });

  it('stays quiet for a client that waits for its whole answer', async () => {
    const signals: CancelSignal[] = [];
    const port = await start((given, own) => signals.push(given, own), 10);
    const response = await fetch(`http://127.0.0.1:${port}/slow`, { method: 'POST', body: '{}' });
    expect(await response.json()).toEqual({ aborted: false });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(signals.map((signal) => signal.aborted)).toEqual([false, false]);
  });

  it('is the request signal itself outside a Node server', async () => {
    const app = new Hono();
    let same = false;
    app.post('/x', (context) => {
      same = clientSignalOf(context) === context.req.raw.signal;
      return context.text('ok');
    });
    await app.request('/x', { method: 'POST', body: '{}' });
    expect(same).toBe(true);
  });
});
