import { createClientCloseSignal, listenFake, readRequest, sleep, type RecordedRequest, type RunningFake, type ScriptedFake } from './anthropic-fake.js';
import { geminiChunks, geminiWhole } from './gemini-fake-replies.js';
import { checkGeminiRequest } from './gemini-fake-request-check.js';
import { geminiText, type GeminiFakeScenario } from './gemini-fake-scenario.js';

export const fakeGeminiKey = 'AIza-fake-gemini-key';
export const fakeGeminiModels = ['gemini-2.5-pro', 'gemini-2.5-flash', 'gemini-3-pro-preview'];

const googleError = (status: number, code: string, message: string) => JSON.stringify({ error: { code: status, message, status: code } });

/** The Gemini API (generativelanguage v1beta), scripted: generateContent, streamGenerateContent (SSE or JSON array), models. */
export function createGeminiFakeHandler(): ScriptedFake<GeminiFakeScenario> {
  const queue: GeminiFakeScenario[] = [];
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
      const url = new URL(path, 'http://fake');
      const key = request.headers['x-goog-api-key'] ?? url.searchParams.get('key');
      if (key !== fakeGeminiKey) {
        response.writeHead(400, { 'content-type': 'application/json; charset=UTF-8' });
        response.end(JSON.stringify({ error: { code: 400, message: 'API key not valid. Please pass a valid API key.', status: 'INVALID_ARGUMENT', details: [{ '@type': 'type.googleapis.com/google.rpc.ErrorInfo', reason: 'API_KEY_INVALID', domain: 'googleapis.com' }] } }));
        return;
      }
      if (request.method === 'GET' && url.pathname === '/v1beta/models') {
        response.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
        response.end(JSON.stringify({ models: fakeGeminiModels.map((name) => ({ name: `models/${name}`, displayName: name, supportedGenerationMethods: ['generateContent', 'countTokens'] })) }));
        return;
      }
      const match = /^\/v1beta\/models\/([^:/]+):(generateContent|streamGenerateContent)$/.exec(url.pathname);
      if (!match || request.method !== 'POST') {
        response.writeHead(404, { 'content-type': 'application/json; charset=UTF-8' });
        response.end(googleError(404, 'NOT_FOUND', `Unknown route ${url.pathname}`));
        return;
      }
      const [, model = '', method] = match;
      const invalid = checkGeminiRequest(recorded.body, model);
      if (invalid) {
        response.writeHead(400, { 'content-type': 'application/json; charset=UTF-8' });
        response.end(googleError(400, 'INVALID_ARGUMENT', invalid));
        return;
      }
      const scenario = queue.shift() ?? geminiText('Hello from the fake Gemini.');
      if (scenario.kind === 'error') {
        response.writeHead(scenario.status, { 'content-type': 'application/json; charset=UTF-8' });
        response.end(JSON.stringify(scenario.body));
        return;
      }
      const responseId = `fake-response-${++counter}`;
      if (method === 'generateContent') {
        response.writeHead(200, { 'content-type': 'application/json; charset=UTF-8' });
        response.end(JSON.stringify(geminiWhole(scenario, model, responseId)));
        return;
      }
      const chunks = geminiChunks(scenario, model, responseId);
      const sse = url.searchParams.get('alt') === 'sse';
      response.writeHead(200, { 'content-type': sse ? 'text/event-stream' : 'application/json; charset=UTF-8' });
      for (const [index, chunk] of chunks.entries()) {
        if (scenario.cutAfterChunks === index) {
          response.socket?.destroy();
          return;
        }
        const json = JSON.stringify(chunk);
        response.write(sse ? `data: ${json}\r\n\r\n` : `${index === 0 ? '[' : ',\r\n'}${json}`);
        await sleep(0);
      }
      response.end(sse ? '' : ']');
    },
  };
}

/** Starts a fake Gemini API on 127.0.0.1 with a free port; its `url` is the service root. */
export const startFakeGemini = (): Promise<RunningFake<GeminiFakeScenario>> => listenFake(createGeminiFakeHandler());
