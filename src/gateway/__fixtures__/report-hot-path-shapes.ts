/**
 * Run with `node --allow-natives-syntax --import tsx`: prints, as JSON, whether two objects made the
 * same way by the request path share one V8 shape (hidden class). Objects that get a shape of their own
 * on every request (a spread followed by a new property, a getter in an object literal) make every
 * read of them miss its inline cache. See hot-path-shapes.test.ts.
 */
import { Agent } from 'undici';
import { Cancellation } from '../../core/cancel-signal.js';
import { mergeUsage, emptyUsage } from '../../core/usage.js';
import { checkPassthroughResponse } from '../../providers/http/check-passthrough-response.js';
import { AttemptCallContext } from '../attempt-call-context.js';
import { createPassthroughObserver } from '../passthrough-observer.js';
import { ForwardedBytesRequest } from '../forwarded-bytes-request.js';
import { RequestContent } from '../request-content.js';

const haveSameShape = new Function('a', 'b', 'return %HaveSameMap(a, b)') as (a: unknown, b: unknown) => boolean;

async function twice<T>(make: () => T | Promise<T>): Promise<boolean> {
  // Made often first, as the request path makes them, so every inline cache on the way has settled.
  for (let index = 0; index < 200; index += 1) await make();
  return haveSameShape(await make(), await make());
}

const dispatcher = new Agent();
const bytes = Buffer.from(JSON.stringify({ id: 'msg_1', type: 'message', model: 'm', usage: { input_tokens: 3, output_tokens: 5 } }));
const answer = (contentType: string, body: Uint8Array) => ({ status: 200, headers: { 'content-type': contentType }, body: (async function* () { yield body; })() });
const event = Buffer.from('event: message_start\ndata: {"type":"message_start","message":{"model":"m"}}\n\n');

const report = {
  attemptCallContext: await twice(() =>
    new AttemptCallContext({
      requestId: 'r',
      signal: new Cancellation(),
      dispatcher,
      warnings: [],
      clientHeaders: {},
      sessionId: undefined,
      wholeAnswer: false,
      account: { id: 'a', provider: 'anthropic' },
      deps: { logger: undefined as never, saveCredentials: async () => undefined },
    }),
  ),
  checkedJsonAnswer: await twice(() => checkPassthroughResponse(answer('application/json', bytes), false)),
  checkedEventStream: await twice(() => checkPassthroughResponse(answer('text/event-stream', event), true)),
  wholeAnswerObserver: await twice(() => createPassthroughObserver({ dialect: 'anthropic', isEventStream: false, renameModelTo: 'm', hideUsageChunk: false })),
  eventStreamObserver: await twice(() => createPassthroughObserver({ dialect: 'anthropic', isEventStream: true, renameModelTo: 'm', hideUsageChunk: false })),
  mergedUsageWithCredits: await twice(() => mergeUsage(emptyUsage(), { outputTokens: 2, credits: 0.5 })),
  forwardedBytesRequest: await twice(
    () => new ForwardedBytesRequest('anthropic-messages', bytes, undefined, new RequestContent({ request: { model: 'm', system: [], messages: [], tools: [], stream: false }, rawBody: { model: 'm' } }, bytes)),
  ),
};
await dispatcher.close();
process.stdout.write(JSON.stringify(report));
