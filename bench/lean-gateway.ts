/**
 * The lean gateway: a reference for what passthrough must cost at least, measured beside Sluice in the
 * same run. It does only what no gateway can skip, each the cheapest way Node allows:
 * - checks the client's key (`Authorization: Bearer`) by its SHA-256 hash, as Sluice stores keys;
 * - reads the whole request, parses it as JSON and requires a `model`;
 * - forwards the bytes to UPSTREAM's `/v1/messages` through one undici `Pool`;
 * - reads the usage from the answer: the whole JSON, or each streamed event that carries `"usage"`;
 * - logs one row per request to SQLite, in Sluice's own `request_logs` table (its migrations, its
 *   indexes), with one prepared statement and one transaction per batch.
 * None of the rest: no limits, pool, failover, timeouts, model renaming, metrics or errors in the
 * client's dialect. Unlike the floor it buffers the request and a JSON answer instead of piping them.
 * Prints `ready <port>` on stdout once listening.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Pool } from 'undici';
import { hashApiKey } from '../src/auth/api-key-material.js';
import { openDatabase } from '../src/store/db.js';
import { migrateToLatest } from '../src/store/migrate.js';

const upstream = process.env.UPSTREAM;
const clientKey = process.env.CLIENT_KEY;
if (!upstream || !clientKey) throw new Error('UPSTREAM (http://host:port) and CLIENT_KEY are required');

const directory = mkdtempSync(path.join(os.tmpdir(), 'sluice-lean-'));
const file = path.join(directory, 'lean.sqlite');
const migrated = openDatabase({ kind: 'sqlite', file });
await migrateToLatest(migrated.db);
await migrated.close();
const sqlite = new SQLite(file);
sqlite.pragma('journal_mode = WAL');
sqlite.pragma('synchronous = NORMAL');
const columns = ['id', 'created_at', 'api_key_id', 'provider', 'requested_model', 'stream', 'client_format', 'input_tokens', 'output_tokens', 'latency_ms', 'status', 'http_status'];
const insert = sqlite.prepare(`insert into request_logs (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`);
const insertAll = sqlite.transaction((rows: unknown[][]) => {
  for (const row of rows) insert.run(row);
});
let queued: unknown[][] = [];
let flushScheduled = false;
const flush = (): void => {
  flushScheduled = false;
  const rows = queued;
  queued = [];
  if (rows.length > 0) insertAll(rows);
};
const log = (row: unknown[]): void => {
  queued.push(row);
  if (queued.length >= 200 && !flushScheduled) {
    flushScheduled = true;
    setImmediate(flush);
  }
};
setInterval(flush, 1000).unref();

const keys = new Map([[hashApiKey(clientKey), 'bench-key']]);
const pool = new Pool(upstream, { keepAliveTimeout: 30_000 });
const upstreamHeaders = { 'content-type': 'application/json', 'x-api-key': 'sk-ant-bench', 'anthropic-version': '2023-06-01' };

const refuse = (response: http.ServerResponse, status: number, message: string): void => {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message } }));
};

interface Usage {
  input: number;
  output: number;
}

function readUsage(event: string, usage: Usage): void {
  const data = JSON.parse(event.slice(event.indexOf('data:') + 5)) as { usage?: Record<string, number>; message?: { usage?: Record<string, number> } };
  const found = data.usage ?? data.message?.usage;
  if (found?.input_tokens) usage.input = found.input_tokens;
  if (found?.output_tokens) usage.output = found.output_tokens;
}

async function relay(request: http.IncomingMessage, response: http.ServerResponse, keyId: string): Promise<void> {
  const startedAt = Date.now();
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  const bytes = Buffer.concat(parts);
  let body: { model?: unknown; stream?: unknown };
  try {
    body = JSON.parse(bytes.toString('utf8')) as typeof body;
  } catch {
    return refuse(response, 400, 'The body is not JSON.');
  }
  if (typeof body.model !== 'string') return refuse(response, 400, 'model is required.');
  const usage: Usage = { input: 0, output: 0 };
  const answer = await pool.request({ path: '/v1/messages', method: 'POST', headers: upstreamHeaders, body: bytes });
  const contentType = String(answer.headers['content-type'] ?? 'application/json');
  if (!contentType.includes('text/event-stream')) {
    const text = await answer.body.text();
    readUsage(`data:${text}`, usage);
    response.writeHead(answer.statusCode, { 'content-type': contentType, 'content-length': Buffer.byteLength(text) }).end(text);
  } else {
    response.writeHead(answer.statusCode, { 'content-type': contentType, 'cache-control': 'no-cache' });
    const decoder = new TextDecoder();
    let pending = '';
    for await (const chunk of answer.body) {
      response.write(chunk);
      pending += decoder.decode(chunk as Buffer, { stream: true });
      for (let end = pending.indexOf('\n\n'); end >= 0; end = pending.indexOf('\n\n')) {
        const event = pending.slice(0, end);
        pending = pending.slice(end + 2);
        if (event.includes('"usage"')) readUsage(event, usage);
      }
    }
    response.end();
  }
  log([randomUUID(), startedAt, keyId, 'anthropic', body.model, body.stream === true ? 1 : 0, 'anthropic', usage.input, usage.output, Date.now() - startedAt, 'success', answer.statusCode]);
}

const server = http.createServer((request, response) => {
  const authorization = request.headers.authorization ?? '';
  const keyId = authorization.startsWith('Bearer ') ? keys.get(hashApiKey(authorization.slice(7))) : undefined;
  if (!keyId) return refuse(response, 401, 'Unknown key.');
  relay(request, response, keyId).catch((error: Error) => {
    if (!response.headersSent) refuse(response, 502, error.message);
    else response.destroy(error);
  });
});
server.keepAliveTimeout = 60_000;
server.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1', backlog: 4096 }, () => {
  const address = server.address();
  process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () =>
  server.close(() => {
    flush();
    sqlite.close();
    rmSync(directory, { recursive: true, force: true });
    void pool.close().then(() => process.exit(0));
  }),
);
