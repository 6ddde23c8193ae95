import http, { type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { ServerLimits } from '../../config/config.js';
import { answerClientError } from './answer-client-error.js';
import { trackConnections, type ConnectionDrain } from './connection-drain.js';

type FetchHandler = (request: Request, env: unknown) => Response | Promise<Response> | unknown;

export interface NodeServer {
  server: Server;
  connections: ConnectionDrain;
  /** Resolves once listening; rejects with the listen error (EADDRINUSE, EACCES) instead of crashing. */
  listen(port: number, host: string): Promise<AddressInfo>;
}

/**
 * The Node HTTP server for a fetch handler, with explicit limits: header size (a 431 with a JSON
 * body when exceeded), time to receive the headers and the whole request (slow clients get a 408
 * and are closed), keep-alive idle time, and connection tracking for a reset-free drain.
 */
export function createNodeServer(fetch: FetchHandler, limits: ServerLimits): NodeServer {
  let connections: ConnectionDrain | undefined;
  const server = createAdaptorServer({
    fetch: fetch as Parameters<typeof createAdaptorServer>[0]['fetch'],
    createServer: ((options: http.ServerOptions, listener: http.RequestListener) =>
      http.createServer(
        {
          ...options,
          maxHeaderSize: limits.maxHeaderSizeBytes,
          headersTimeout: limits.headersTimeoutMs,
          requestTimeout: limits.requestTimeoutMs,
          // How often the two timeouts above are checked (Node's default is 30 s, too coarse for a 20 s limit).
          connectionsCheckingInterval: Math.min(1000, limits.headersTimeoutMs / 2),
        },
        (request, response) => {
          connections?.onRequest(request, response);
          listener(request, response);
        },
      )) as typeof http.createServer,
  }) as Server;
  server.keepAliveTimeout = limits.keepAliveTimeoutMs;
  server.on('clientError', answerClientError);
  connections = trackConnections(server);
  const tracked = connections;
  return {
    server,
    connections: tracked,
    listen: (port, host) =>
      new Promise<AddressInfo>((resolve, reject) => {
        const onError = (error: Error) => reject(error);
        server.once('error', onError);
        server.listen(port, host, () => {
          server.off('error', onError);
          resolve(server.address() as AddressInfo);
        });
      }),
  };
}
