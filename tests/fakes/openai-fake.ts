import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  createClientCloseSignal,
  readRequest,
  sleep,
  writeFrames,
  type RecordedRequest,
  type RunningFake,
  type ScriptedFake,
} from './anthropic-fake.js';
export type { RecordedRequest, RunningFake } from './anthropic-fake.js';
import { answerCompletions, answerEmbeddings, withChoiceCount } from './openai-fake-endpoints.js';
import { openAIReplyFrames, openAIReplyJson } from './openai-fake-events.js';
import { responsesReplyFrames, responsesReplyJson } from './openai-responses-events.js';
import { openAIText, type OpenAIFakeScenario } from './openai-fake-scenario.js';

/** The OpenAI Chat Completions and Responses APIs, scripted (mounted at the base URL, e.g. `/v1`). */
export function createOpenAIFakeHandler(options: { basePath?: string } = {}): ScriptedFake<OpenAIFakeScenario> {
  const basePath = options.basePath ?? '/v1';
  const queue: OpenAIFakeScenario[] = [];
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
      if (route === `${basePath}/models` && request.method === 'GET') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ object: 'list', data: [{ id: 'gpt-4o-mini', object: 'model', created: 0, owned_by: 'openai' }] }));
        return;
      }
      const json = (typeof recorded.body === 'object' && recorded.body !== null ? recorded.body : {}) as Record<string, unknown>;
      if (route === `${basePath}/embeddings` && request.method === 'POST') return answerEmbeddings(json, response);
      if (route === `${basePath}/completions` && request.method === 'POST') return answerCompletions(json, response, `cmpl-fake${++counter}`);
      const isResponses = route === `${basePath}/responses`;
      if ((route !== `${basePath}/chat/completions` && !isResponses) || request.method !== 'POST') {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: `Unknown route ${route}`, type: 'invalid_request_error', param: null, code: null } }));
        return;
      }
      const scenario = queue.shift() ?? openAIText('Hello from the fake.');
      const body = (recorded.body ?? {}) as { model?: string; stream?: boolean; stream_options?: { include_usage?: boolean }; n?: number };
      const choiceCount = body.n ?? 1;
      const model = body.model ?? 'gpt-fake';
      const id = isResponses ? `resp_fake${++counter}` : `chatcmpl-fake${++counter}`;
      if (scenario.kind === 'error') {
        response.writeHead(scenario.status, { 'content-type': 'application/json', 'x-request-id': `req_${counter}`, ...scenario.headers });
        response.end(typeof scenario.body === 'string' ? scenario.body : JSON.stringify(scenario.body));
        return;
      }
      if (scenario.delayMs) await sleep(scenario.delayMs);
      if (response.destroyed) return;
      const rawBody = (recorded.body ?? {}) as Record<string, unknown>;
      if (body.stream !== true) {
        response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': `req_${counter}` });
        response.end(JSON.stringify(isResponses ? responsesReplyJson(scenario, model, id, rawBody) : withChoiceCount(openAIReplyJson(scenario, model, id), choiceCount)));
        return;
      }
      response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-request-id': `req_${counter}` });
      let frames = isResponses
        ? responsesReplyFrames(scenario, model, id, rawBody)
        : openAIReplyFrames(scenario, model, id, body.stream_options?.include_usage === true).map((frame) => ({ ...frame, data: withChoiceCount(frame.data, choiceCount) }));
      if (scenario.errorAfterEvents) {
        const { afterEvents, type, code, message } = scenario.errorAfterEvents;
        const error = isResponses
          ? { type: 'error', code: code ?? type, message, param: null, sequence_number: afterEvents }
          : { error: { message, type, code: code ?? null, param: null } };
        frames = [...frames.slice(0, afterEvents), { event: 'error', data: error }];
      }
      const completed = await writeFrames(response, frames, { ...scenario, named: isResponses });
      if (completed) response.end();
    },
  };
}

/** Starts a fake OpenAI API on 127.0.0.1 with a free port; its `url` is the base URL (ending in `/v1`). */
export async function startFakeOpenAI(): Promise<RunningFake<OpenAIFakeScenario>> {
  const handler = createOpenAIFakeHandler();
  const server = createServer((request, response) => void handler.handle(request, response, request.url ?? '/'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    ...handler,
    url: `http://127.0.0.1:${port}/v1`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
