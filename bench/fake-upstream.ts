/**
 * A fast fake upstream for benchmarks, in its own process: Anthropic Messages at /v1/messages and
 * OpenAI Chat Completions at /v1/chat/completions, JSON or SSE with a fixed number of text chunks.
 * A model name containing `slow` streams the same events spread over BENCH_SLOW_SECONDS (default 10),
 * for holding many streams open at once. BENCH_UPSTREAM_DELAY_MS (default 0) holds each answer but
 * the slow streams back that long before its first byte, as a real model takes time to start: a
 * request's parsed body then lives that long in the gateway, as it does in production. Prints
 * `ready <port>` on stdout once listening.
 */
import http from 'node:http';

const chunkCount = Number(process.env.BENCH_CHUNKS ?? 50);
const slowSeconds = Number(process.env.BENCH_SLOW_SECONDS ?? 10);
const firstByteDelayMs = Number(process.env.BENCH_UPSTREAM_DELAY_MS ?? 0);
const words = Array.from({ length: chunkCount }, (_, index) => `word${index} `);
const text = words.join('');

const anthropicJson = JSON.stringify({
  id: 'msg_bench', type: 'message', role: 'assistant', model: 'claude-bench',
  content: [{ type: 'text', text }], stop_reason: 'end_turn', stop_sequence: null,
  usage: { input_tokens: 20, output_tokens: chunkCount, cache_read_input_tokens: 0, cache_creation_input_tokens: 0 },
});
const anthropicStream = [
  `event: message_start\ndata: ${JSON.stringify({ type: 'message_start', message: { id: 'msg_bench', type: 'message', role: 'assistant', model: 'claude-bench', content: [], stop_reason: null, stop_sequence: null, usage: { input_tokens: 20, output_tokens: 1 } } })}\n\n`,
  `event: content_block_start\ndata: ${JSON.stringify({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } })}\n\n`,
  ...words.map((word) => `event: content_block_delta\ndata: ${JSON.stringify({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: word } })}\n\n`),
  `event: content_block_stop\ndata: {"type":"content_block_stop","index":0}\n\n`,
  `event: message_delta\ndata: ${JSON.stringify({ type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: chunkCount } })}\n\n`,
  `event: message_stop\ndata: {"type":"message_stop"}\n\n`,
];
const openaiJson = JSON.stringify({
  id: 'chatcmpl-bench', object: 'chat.completion', created: 1700000000, model: 'gpt-bench',
  choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop', logprobs: null }],
  usage: { prompt_tokens: 20, completion_tokens: chunkCount, total_tokens: 20 + chunkCount },
});
const openaiChunk = (delta: object, finish: string | null) =>
  `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1700000000, model: 'gpt-bench', choices: [{ index: 0, delta, finish_reason: finish }] })}\n\n`;
const openaiStream = [
  openaiChunk({ role: 'assistant', content: '' }, null),
  ...words.map((word) => openaiChunk({ content: word }, null)),
  openaiChunk({}, 'stop'),
  `data: ${JSON.stringify({ id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1700000000, model: 'gpt-bench', choices: [], usage: { prompt_tokens: 20, completion_tokens: chunkCount, total_tokens: 20 + chunkCount } })}\n\n`,
  'data: [DONE]\n\n',
];

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    let stream = false;
    let slow = false;
    try {
      const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { stream?: boolean; model?: string };
      stream = parsed.stream === true;
      slow = typeof parsed.model === 'string' && parsed.model.includes('slow');
    } catch {
      response.writeHead(400).end('{"error":{"message":"bad json"}}');
      return;
    }
    const isAnthropic = request.url?.startsWith('/v1/messages');
    if (firstByteDelayMs > 0 && !slow) setTimeout(() => answer(response, isAnthropic === true, stream, false), firstByteDelayMs);
    else answer(response, isAnthropic === true, stream, slow);
  });
});

function answer(response: http.ServerResponse, isAnthropic: boolean, stream: boolean, slow: boolean): void {
  if (response.destroyed) return;
  if (!stream) {
    response.writeHead(200, { 'content-type': 'application/json' }).end(isAnthropic ? anthropicJson : openaiJson);
    return;
  }
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  const frames = isAnthropic ? anthropicStream : openaiStream;
  if (slow) {
    let next = 0;
    const timer = setInterval(() => {
      if (response.destroyed) return clearInterval(timer);
      response.write(frames[next]);
      next += 1;
      if (next === frames.length) {
        clearInterval(timer);
        response.end();
      }
    }, (slowSeconds * 1000) / frames.length);
    return;
  }
  // One write per event, as a real upstream flushes token by token.
  for (const frame of frames) response.write(frame);
  response.end();
}

server.keepAliveTimeout = 60_000;
server.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1', backlog: 4096 }, () => {
  const address = server.address();
  process.stdout.write(`ready ${typeof address === 'object' && address ? address.port : 0}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
