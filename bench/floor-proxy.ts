/**
 * The floor: the plainest honest proxy, measured beside Sluice in the same run, and the one the
 * performance goals are set against. `node:http` in, one undici `Pool` out to UPSTREAM, status, headers
 * and bytes piped back; no auth, no parsing, no accounting. Piping costs more than reading a small body
 * whole, so for small requests the lean gateway (lean-gateway.ts) is cheaper still, accounting and all.
 * Prints `ready <port>` on stdout once listening.
 */
import http from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Pool } from 'undici';

const upstream = process.env.UPSTREAM;
if (!upstream) throw new Error('UPSTREAM (http://host:port) is required');
// No connection cap: every concurrent request gets its own upstream connection, as many as arrive.
const pool = new Pool(upstream, { keepAliveTimeout: 30_000 });
const hopByHop = new Set(['connection', 'keep-alive', 'transfer-encoding', 'host', 'upgrade', 'proxy-connection', 'te', 'trailer']);

const server = http.createServer((request, response) => {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(request.headers)) if (value !== undefined && !hopByHop.has(name)) headers[name] = value;
  pool
    .request({ path: request.url ?? '/', method: request.method as 'POST', headers, body: request })
    .then(async (answer) => {
      const outgoing: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(answer.headers)) if (value !== undefined && !hopByHop.has(name)) outgoing[name] = value;
      response.writeHead(answer.statusCode, outgoing);
      await pipeline(answer.body, response);
    })
    .catch((error: Error) => {
      if (!response.headersSent) response.writeHead(502, { 'content-type': 'application/json' }).end(JSON.stringify({ error: error.message }));
      else response.destroy(error);
    });
});
server.keepAliveTimeout = 60_000;
server.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1', backlog: 4096 }, () => {
  const address = server.address();
  process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => void pool.close().then(() => process.exit(0))));
