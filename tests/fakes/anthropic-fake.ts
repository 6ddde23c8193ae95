import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { anthropicReplyFrames, anthropicReplyJson, type SseFrame } from './anthropic-fake-events.js';
import { anthropicText, type AnthropicFakeScenario } from './anthropic-fake-scenario.js';

export interface RecordedRequest {
  method: string;
  /** Path and query as received. */
  path: string;
  headers: IncomingHttpHeaders;
  rawBody: string;
  body: unknown;
  /** The client's port: the same port on two requests means a reused keep-alive connection. */
  remotePort?: number;
}

/** A scripted fake: a queue of scenarios (the default answers when it is empty) and a request log. */
export interface ScriptedFake<Scenario> {
  requests: RecordedRequest[];
  enqueue(...scenarios: Scenario[]): void;
  /** Resolves when a client goes away before its response finished. */
  clientClosed: Promise<void>;
  handle(request: IncomingMessage, response: ServerResponse, path: string): Promise<void>;
}

export interface RunningFake<Scenario> extends ScriptedFake<Scenario> {
  url: string;
  close(): Promise<void>;
}

export async function readRequest(request: IncomingMessage, path: string): Promise<RecordedRequest> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const rawBody = Buffer.concat(chunks).toString('utf8');
  let body: unknown = rawBody;
  try {
    body = rawBody === '' ? undefined : JSON.parse(rawBody);
  } catch {
    // keep the raw text
  }
  return { method: request.method ?? 'GET', path, headers: request.headers, rawBody, body, remotePort: request.socket.remotePort };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Writes SSE frames; returns false when the scenario cut or hung the stream. */
export async function writeFrames(
  response: ServerResponse,
  frames: SseFrame[],
  options: { cutAfterEvents?: number; hangAfterEvents?: number; named?: boolean },
): Promise<boolean> {
  for (const [index, frame] of frames.entries()) {
    if (options.cutAfterEvents === index) {
      response.socket?.destroy();
      return false;
    }
    if (options.hangAfterEvents === index) return false;
    const data = typeof frame.data === 'string' ? frame.data : JSON.stringify(frame.data);
    response.write(options.named === false ? `data: ${data}\n\n` : `event: ${frame.event}\ndata: ${data}\n\n`);
    await sleep(0);
  }
  return true;
}

export function createClientCloseSignal(): { promise: Promise<void>; watch(request: IncomingMessage, response: ServerResponse): void } {
  let resolve: () => void = () => undefined;
  const promise = new Promise<void>((done) => (resolve = done));
  return {
    promise,
    watch: (_request, response) => response.on('close', () => (response.writableFinished ? undefined : resolve())),
  };
}

/** The Anthropic Messages API, scripted (mounted at `/v1/…`). */
export function createAnthropicFakeHandler(): ScriptedFake<AnthropicFakeScenario> {
  const queue: AnthropicFakeScenario[] = [];
  const requests: RecordedRequest[] = [];
  const closeSignal = createClientCloseSignal();
  let counter = 0;
  return {
    requests,
    enqueue: (...scenarios) => void queue.push(...scenarios),
    clientClosed: closeSignal.promise,
    async handle(request, response, path) {
      const recorded = await readRequest(request, path);
      requests.push(recorded);
      closeSignal.watch(request, response);
      const route = path.split('?')[0];
      if (route === '/v1/models' && request.method === 'GET') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ data: [{ type: 'model', id: 'claude-sonnet-4-5' }, { type: 'model', id: 'claude-haiku-4-5' }], has_more: false }));
        return;
      }
      if (route === '/v1/messages/count_tokens') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ input_tokens: Math.ceil(recorded.rawBody.length / 4) }));
        return;
      }
      if (route !== '/v1/messages' || request.method !== 'POST') {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: `Not found: ${route}` } }));
        return;
      }
      const scenario = queue.shift() ?? anthropicText('Hello from the fake.');
      const body = (recorded.body ?? {}) as { model?: string; stream?: boolean };
      const model = body.model ?? 'claude-fake';
      const id = `msg_fake_${++counter}`;
      if (scenario.kind === 'error') {
        response.writeHead(scenario.status, { 'content-type': 'application/json', 'request-id': `req_${counter}`, ...scenario.headers });
        response.end(typeof scenario.body === 'string' ? scenario.body : JSON.stringify(scenario.body));
        return;
      }
      if (scenario.delayMs) await sleep(scenario.delayMs);
      if (response.destroyed) return;
      if (body.stream !== true) {
        response.writeHead(200, { 'content-type': 'application/json', 'request-id': `req_${counter}` });
        response.end(JSON.stringify(anthropicReplyJson(scenario, model, id)));
        return;
      }
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'request-id': `req_${counter}` });
      let frames = anthropicReplyFrames(scenario, model, id);
      if (scenario.errorAfterEvents) {
        const { afterEvents, type, message } = scenario.errorAfterEvents;
        frames = [...frames.slice(0, afterEvents), { event: 'error', data: { type: 'error', error: { type, message } } }];
      }
      const completed = await writeFrames(response, frames, scenario);
      if (completed) response.end();
    },
  };
}

/** Serves a scripted fake on 127.0.0.1 with a free port; its `url` is the root plus `basePath`. */
export async function listenFake<Scenario>(handler: ScriptedFake<Scenario>, basePath = ''): Promise<RunningFake<Scenario>> {
  const server = createServer((request, response) => void handler.handle(request, response, request.url ?? '/'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...handler,
    url: `http://127.0.0.1:${port}${basePath}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Starts a fake Anthropic API on 127.0.0.1 with a free port; its `url` is the base URL. */
export const startFakeAnthropic = (): Promise<RunningFake<AnthropicFakeScenario>> => listenFake(createAnthropicFakeHandler());
