import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import net, { type Socket } from 'node:net';

interface ConnectionState {
  activeRequests: number;
  idleSince: number;
}

/**
 * Tracks every connection of a server so that a shutdown can drain it without resetting anyone:
 * while draining, a request that reaches an open connection is still served, with
 * `connection: close` so that the socket ends after its answer; a keep-alive connection that stays
 * idle for `idleGraceMs` is ended with a FIN (never a reset). Only new connections are refused.
 */
export interface ConnectionDrain {
  /** Call first in the request listener. */
  onRequest(request: IncomingMessage, response: ServerResponse): void;
  readonly draining: boolean;
  /** Stops accepting, then ends idle connections as they settle; resolves when none is left. */
  drain(options: { idleGraceMs: number }): Promise<void>;
  /** Destroys every connection still open (the deadline). */
  destroyAll(): void;
  readonly openConnections: number;
}

export function trackConnections(server: Server): ConnectionDrain {
  const connections = new Map<Socket, ConnectionState>();
  let draining = false;
  server.on('connection', (socket: Socket) => {
    connections.set(socket, { activeRequests: 0, idleSince: Date.now() });
    socket.once('close', () => connections.delete(socket));
  });

  return {
    onRequest(request, response) {
      const socket = request.socket;
      const state = connections.get(socket);
      if (state) state.activeRequests += 1;
      if (draining) response.setHeader('connection', 'close');
      response.once('close', () => {
        if (!state) return;
        state.activeRequests -= 1;
        state.idleSince = Date.now();
      });
    },
    get draining() {
      return draining;
    },
    get openConnections() {
      return [...connections.keys()].filter((socket) => !socket.destroyed).length;
    },
    drain({ idleGraceMs }) {
      draining = true;
      // A connection idle at the signal may carry a request right now: every one gets the whole grace.
      const startedAt = Date.now();
      for (const state of connections.values()) state.idleSince = Math.max(state.idleSince, startedAt);
      return new Promise<void>((resolve) => {
        // net.Server's close stops accepting without http.Server's own sweep, which destroys idle sockets at once.
        net.Server.prototype.close.call(server, () => {
          clearInterval(sweep);
          resolve();
        });
        const sweep = setInterval(() => {
          const now = Date.now();
          for (const [socket, state] of connections) {
            if (state.activeRequests === 0 && now - state.idleSince >= idleGraceMs && !socket.writableEnded) socket.end();
          }
        }, Math.max(10, Math.min(100, idleGraceMs / 4)));
        sweep.unref();
      });
    },
    destroyAll() {
      for (const socket of connections.keys()) socket.destroy();
    },
  };
}
